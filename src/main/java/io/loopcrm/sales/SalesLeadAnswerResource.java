package io.loopcrm.sales;

import io.loopcrm.lead.Lead;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A rep's first response to a new lead, from the lead page: accept it with a rating of its quality
 * (1 to 5), or reject it with a reason from the admin's list and a rating.
 */
@Path("/sales/leads/{id}")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesLeadAnswerResource {
  @Inject Choices choices;
  @Inject CurrentMember me;
  @Inject LeadPage leadPage;
  @Inject Clock clock;

  @POST
  @Path("accept")
  @Transactional
  public Response accept(@PathParam("id") long id, @RestForm String quality) {
    Viewer viewer = me.viewer();
    Lead lead = Lead.findEditable(id, viewer);
    Integer rating = rating(quality);
    if (rating == null || !lead.status.awaitsResponse()) {
      FormErrors errors =
          new FormErrors()
              .add("quality", rating == null ? "error_rating" : "lead_error_already_answered");
      return leadPage.invalid(lead, viewer, errors, Map.of("quality", String.valueOf(quality)));
    }
    lead.accept(rating, Instant.now(clock));
    return Flash.redirect(URI.create(SalesPaths.leadPath(id)), "success", "lead_flash_accepted");
  }

  @POST
  @Path("reject")
  @Transactional
  public Response reject(
      @PathParam("id") long id,
      @RestForm String reason,
      @RestForm("rejectQuality") String quality) {
    Viewer viewer = me.viewer();
    Lead lead = Lead.findEditable(id, viewer);
    String why = choices.isActive(ChoiceList.REJECT_REASON, reason) ? reason : null;
    Integer rating = rating(quality);
    FormErrors errors = new FormErrors();
    if (why == null) {
      errors.add("reason", "lead_error_reason_required");
    }
    if (rating == null) {
      errors.add("rejectQuality", "error_rating");
    }
    if (!lead.status.awaitsResponse()) {
      errors.add("reason", "lead_error_already_answered");
    }
    if (errors.isPresent()) {
      return leadPage.invalid(
          lead,
          viewer,
          errors,
          Map.of("reason", String.valueOf(reason), "rejectQuality", String.valueOf(quality)));
    }
    lead.reject(why, rating, Instant.now(clock));
    return Flash.redirect(URI.create(SalesPaths.leadPath(id)), "success", "lead_flash_rejected");
  }

  static Integer rating(String value) {
    try {
      int n = Integer.parseInt(value == null ? "" : value.trim());
      return n >= 1 && n <= 5 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
