package io.loopcrm.sales;

import io.loopcrm.deal.Quota;
import io.loopcrm.deal.TeamNumbers;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** A sales manager's team: each member's pipeline, forecast and won this month against quota. */
@Path("/sales/team")
@RolesAllowed(Roles.SALES_MANAGER)
public class SalesTeamResource {
  @Inject CurrentMember me;
  @Inject TeamNumbers numbers;
  @Inject Pages pages;
  @Inject Clock clock;
  @Inject jakarta.validation.Validator validator;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance team(
        List<TeamNumbers.Row> rows,
        List<String> currencies,
        LocalDate month,
        FormErrors errors,
        QuotaInput typed);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show() {
    return page(FormErrors.none(), null);
  }

  /** Sets a member's quota for this month. */
  @POST
  @Path("quota")
  @Transactional
  public Response setQuota(@BeanParam QuotaInput input) {
    Viewer viewer = me.viewer();
    Member target = input.member == null ? null : Member.findById(input.member);
    FormErrors errors = input.errors(validator);
    if (!viewer.managesMember(target)) {
      errors.add("member", "reassign_error_owner");
    }
    if (errors.isPresent()) {
      return pages.withStatus(422, page(errors, input));
    }
    LocalDate today = LocalDate.now(clock);
    Quota quota =
        Quota.forMonth(target, today)
            .orElseGet(
                () -> {
                  Quota q = new Quota();
                  q.member = target;
                  q.month = today.withDayOfMonth(1);
                  return q;
                });
    quota.amount = input.parsedAmount();
    quota.currency = input.currency.trim();
    quota.persist();
    return Flash.redirect(URI.create("/sales/team"), "success", "team_flash_quota");
  }

  /** The page; after a refused quota, with what was typed in that member's form. */
  private TemplateInstance page(FormErrors errors, QuotaInput typed) {
    Viewer viewer = me.viewer();
    LocalDate today = LocalDate.now(clock);
    List<TeamNumbers.Row> rows =
        viewer.teamId() == null
            ? List.of()
            : numbers.of(
                viewer.teamId(),
                today,
                today.withDayOfMonth(1).atStartOfDay(clock.getZone()).toInstant());
    return Templates.team(rows, DealForm.currencies(), today.withDayOfMonth(1), errors, typed);
  }
}
