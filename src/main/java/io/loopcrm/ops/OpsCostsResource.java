package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.campaign.CostEntry;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A campaign's cost ledger: entries are added from the campaign page and count in every ROI; a
 * wrong one is corrected or deleted on its own page. Every change is in the audit trail (old →
 * new), shown in the campaign's history, deletions included.
 */
@Path("/ops/campaigns/{id}/costs")
@RolesAllowed(Roles.OPERATIONS)
public class OpsCostsResource {
  @Inject CampaignPage page;
  @Inject Choices choices;
  @Inject CurrentMember me;
  @Inject Validator validator;
  @Inject Pages pages;
  @Context UriInfo uri;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance cost(
        Campaign campaign,
        CostEntry entry,
        Map<String, String> values,
        FormErrors errors,
        List<CampaignVariant> variants,
        List<String> currencies,
        List<String> channels);
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response add(@PathParam("id") long id, @BeanParam CostInput input) {
    Campaign c = CampaignPage.campaign(id);
    FormErrors errors = input.errors(validator, currencies(), id);
    if (errors.isPresent()) {
      return pages.withStatus(
          422, page.render(c, uri, CampaignPage.Problem.COST, errors, input.values()));
    }
    CostEntry e = input.entry(c);
    e.createdBy = me.get();
    e.persist();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id + "#costs"), "success", "cost_flash_added");
  }

  @GET
  @Path("{cid}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance edit(@PathParam("id") long id, @PathParam("cid") long cid) {
    CostEntry e = entry(id, cid);
    return form(e, CostInput.valuesOf(e), FormErrors.none());
  }

  /** Corrects an entry: the figures of every ROI follow at once. */
  @POST
  @Path("{cid}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response update(
      @PathParam("id") long id, @PathParam("cid") long cid, @BeanParam CostInput input) {
    CostEntry e = entry(id, cid);
    FormErrors errors = input.errors(validator, currencies(), id);
    if (errors.isPresent()) {
      return pages.withStatus(422, form(e, input.values(), errors));
    }
    input.applyTo(e);
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id + "#costs"), "success", "cost_flash_saved");
  }

  @POST
  @Path("{cid}/delete")
  @Transactional
  public Response delete(@PathParam("id") long id, @PathParam("cid") long cid) {
    entry(id, cid).delete();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id + "#costs"), "success", "cost_flash_deleted");
  }

  private TemplateInstance form(CostEntry e, Map<String, String> values, FormErrors errors) {
    return Templates.cost(
        e.campaign,
        e,
        values,
        errors,
        CampaignVariant.list("campaign.id = ?1 order by name, id", e.campaign.id),
        choices.activeCodes(ChoiceList.CURRENCY),
        Campaign.CHANNELS);
  }

  private List<String> currencies() {
    return choices.all(ChoiceList.CURRENCY).stream().map(Choices.Option::code).toList();
  }

  /** The campaign's entry, or 404 (also for another campaign's entry). */
  private static CostEntry entry(long campaignId, long entryId) {
    CostEntry e = CostEntry.findById(entryId);
    if (e == null || !e.campaign.id.equals(campaignId)) {
      throw new NotFoundException();
    }
    return e;
  }
}
