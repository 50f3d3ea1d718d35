package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.capture.TrackingCodes;
import io.loopcrm.people.Roles;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;

/**
 * A campaign's A/B variants: add one from the campaign page, edit one on its own page. Each has its
 * own tracking link and hosted form; a completed campaign's variants are read-only.
 */
@Path("/ops/campaigns/{id}/variants")
@RolesAllowed(Roles.OPERATIONS)
public class OpsVariantsResource {
  @Inject CampaignPage page;
  @Inject TrackingCodes codes;
  @Inject Validator validator;
  @Inject Pages pages;
  @Context UriInfo uri;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance variant(
        Campaign campaign, CampaignVariant variant, Map<String, String> values, FormErrors errors);
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response add(@PathParam("id") long id, @BeanParam VariantInput input) {
    Campaign c = CampaignPage.campaign(id);
    if (c.isReadOnly()) {
      return completed(id);
    }
    FormErrors errors = input.errors(validator);
    if (errors.isEmpty() && CampaignVariant.isNameTaken(id, input.cleanName(), -1)) {
      errors.add("name", "variant_error_name_taken");
    }
    if (errors.isPresent()) {
      return pages.withStatus(
          422, page.render(c, uri, CampaignPage.Problem.NEW_VARIANT, errors, input.values()));
    }
    CampaignVariant v = new CampaignVariant();
    v.campaign = c;
    input.applyTo(v);
    v.trackingCode = Campaign.newCode();
    v.persist();
    codes.invalidate(); // the campaign's split link shares its traffic with the new variant too
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id + "#variant-" + v.id), "success", "variant_flash_added");
  }

  @GET
  @Path("{vid}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance edit(@PathParam("id") long id, @PathParam("vid") long vid) {
    CampaignVariant v = CampaignPage.variant(id, vid);
    return Templates.variant(v.campaign, v, VariantInput.of(v).values(), FormErrors.none());
  }

  @POST
  @Path("{vid}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response update(
      @PathParam("id") long id, @PathParam("vid") long vid, @BeanParam VariantInput input) {
    CampaignVariant v = CampaignPage.variant(id, vid);
    if (v.campaign.isReadOnly()) {
      return completed(id);
    }
    FormErrors errors = input.errors(validator);
    if (errors.isEmpty() && CampaignVariant.isNameTaken(id, input.cleanName(), vid)) {
      errors.add("name", "variant_error_name_taken");
    }
    if (errors.isPresent()) {
      return pages.withStatus(422, Templates.variant(v.campaign, v, input.values(), errors));
    }
    input.applyTo(v);
    codes.invalidate();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id + "#variant-" + vid), "success", "variant_flash_saved");
  }

  private static Response completed(long id) {
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id), "warning", "campaign_error_completed");
  }
}
