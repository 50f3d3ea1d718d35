package io.loopcrm.sales;

import io.loopcrm.lead.Lead;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.web.Flash;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/** A call, e-mail, meeting, note or task logged on a lead's timeline (the lead page's form). */
@Path("/sales/leads/{id}/activities")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesLeadActivitiesResource {
  @Inject CurrentMember me;
  @Inject LeadPage leadPage;
  @Inject Clock clock;
  @Inject Validator validator;

  @POST
  @Transactional
  public Response log(@PathParam("id") long id, @BeanParam ActivityInput input) {
    Viewer viewer = me.viewer();
    Lead lead = Lead.findEditable(id, viewer);
    ActivityForm form = ActivityForm.of(input, clock.getZone(), validator);
    if (form.errors().isPresent()) {
      return leadPage.invalid(lead, viewer, form.errors(), form.values());
    }
    form.save(me.get(), a -> a.lead = lead)
        .ifPresent(a -> lead.contacted(a.isTask(), Instant.now(clock)));
    return Flash.redirect(
        URI.create(SalesPaths.leadPath(id) + "#timeline"), "success", "activity_flash_logged");
  }
}
