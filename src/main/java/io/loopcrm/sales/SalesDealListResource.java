package io.loopcrm.sales;

import io.loopcrm.deal.Deal;
import io.loopcrm.deal.DealList;
import io.loopcrm.deal.PipelineStages;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/**
 * A rep's deals (a manager's: the team's) as a list: filter by stage, status, close month, owner
 * and amount, sort, keyset pages; the filtered list as CSV is {@link SalesDealExportResource}.
 */
@Path("/sales/deals")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesDealListResource {
  static final int PAGE = 50;

  @Inject CurrentMember me;
  @Inject DealList deals;
  @Inject PipelineStages stages;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        DealList.Query query,
        DealList.Page page,
        String filter,
        List<PipelineStages.Stage> stages,
        List<Deal.Status> statuses,
        List<DealList.Sort> sorts,
        List<Member> members);

    static native TemplateInstance list$rows(
        DealList.Query query, DealList.Page page, String filter, List<Member> members);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @BeanParam DealListQuery form, @HeaderParam("HX-Request") boolean htmx) {
    Viewer viewer = me.viewer();
    DealList.Query query = form.toQuery();
    DealList.Page page = deals.find(query, viewer, PAGE);
    String filter = DealListQuery.queryOf(query);
    List<Member> members =
        viewer.isManager() ? Member.listSellersOfTeam(viewer.teamId()) : List.of();
    if (htmx) {
      return Templates.list$rows(query, page, filter, members);
    }
    return Templates.list(
        query,
        page,
        filter,
        stages.all(),
        Arrays.asList(Deal.Status.values()),
        Arrays.asList(DealList.Sort.values()),
        members);
  }
}
