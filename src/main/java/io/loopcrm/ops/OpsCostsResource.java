package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CostEntry;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
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

/** A campaign's cost ledger: entries are added from the campaign page and count in every ROI. */
@Path("/ops/campaigns/{id}/costs")
@RolesAllowed(Roles.OPERATIONS)
public class OpsCostsResource {
  @Inject CampaignPage page;
  @Inject Choices choices;
  @Inject CurrentMember me;
  @Inject Validator validator;
  @Inject Pages pages;
  @Context UriInfo uri;

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response add(@PathParam("id") long id, @BeanParam CostInput input) {
    Campaign c = CampaignPage.campaign(id);
    List<String> currencies =
        choices.all(ChoiceList.CURRENCY).stream().map(Choices.Option::code).toList();
    FormErrors errors = input.errors(validator, currencies, id);
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
}
