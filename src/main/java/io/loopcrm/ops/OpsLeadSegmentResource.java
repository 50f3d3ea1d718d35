package io.loopcrm.ops;

import io.loopcrm.lead.Lead;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.sales.LeadPage;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Operations set a lead's segment on its page (the page is otherwise read-only for them): it
 * decides routing rules and the funnel's segment breakdown. Blank gives the lead its company size's
 * segment again. Audited as any lead change.
 */
@Path("/ops/leads/{id}/segment")
@RolesAllowed(Roles.OPERATIONS)
public class OpsLeadSegmentResource {
  @Inject CurrentMember me;
  @Inject LeadPage page;
  @Inject Pages pages;

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response save(@PathParam("id") long id, @RestForm String segment) {
    Lead lead = Lead.findById(id);
    if (lead == null) {
      throw new NotFoundException();
    }
    String v = segment == null ? "" : segment.trim();
    if (v.length() > 60) {
      return pages.withStatus(
          422,
          page.render(
              lead,
              me.viewer(),
              new FormErrors().add("segment", "error_too_long_60"),
              Map.of("segment", v)));
    }
    lead.segment = v.isEmpty() ? null : v;
    return Flash.redirect(
        URI.create(io.loopcrm.sales.SalesPaths.leadPath(id)), "success", "lead_flash_saved");
  }
}
