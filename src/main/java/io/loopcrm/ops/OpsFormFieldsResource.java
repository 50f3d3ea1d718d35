package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.FormFields;
import io.loopcrm.capture.TrackingCodes;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Which fields a campaign's hosted form shows and which it requires (segment among them): chosen on
 * the campaign page, used by the form at once (its cached target is dropped).
 */
@Path("/ops/campaigns/{id}/form-fields")
@RolesAllowed(Roles.OPERATIONS)
public class OpsFormFieldsResource {
  @Inject CampaignPage page;
  @Inject TrackingCodes codes;
  @Inject Pages pages;
  @Context UriInfo uri;

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response save(
      @PathParam("id") long id,
      @RestForm String firstName,
      @RestForm String phone,
      @RestForm String company,
      @RestForm String title,
      @RestForm String region,
      @RestForm String companySize,
      @RestForm String segment) {
    Campaign c = CampaignPage.campaign(id);
    if (c.isReadOnly()) {
      return Flash.redirect(
          URI.create("/ops/campaigns/" + id), "warning", "campaign_error_completed");
    }
    Map<String, String> sent = new HashMap<>();
    sent.put("firstName", firstName);
    sent.put("phone", phone);
    sent.put("company", company);
    sent.put("title", title);
    sent.put("region", region);
    sent.put("companySize", companySize);
    sent.put("segment", segment);
    FormFields fields = FormFields.of(sent);
    if (fields == null) {
      return pages.withStatus(
          422,
          page.render(
              c,
              uri,
              CampaignPage.Problem.FORM_FIELDS,
              new FormErrors().add("fields", "error_choice"),
              sent));
    }
    c.formFields = fields.stored();
    codes.invalidate();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id + "#form-fields"), "success", "form_fields_flash_saved");
  }
}
