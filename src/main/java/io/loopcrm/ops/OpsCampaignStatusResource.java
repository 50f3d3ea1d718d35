package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A campaign's lifecycle (draft, active, paused, completed), from its page: a move the lifecycle
 * allows, and to active only with a variant; capture follows at once.
 */
@Path("/ops/campaigns/{id}/status")
@RolesAllowed(Roles.OPERATIONS)
public class OpsCampaignStatusResource {
  @Inject CampaignPage page;
  @Inject TrackingCodes codes;
  @Inject Pages pages;
  @Inject Clock clock;
  @Context UriInfo uri;

  /** Moves the campaign along its lifecycle; capture follows at once. */
  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response status(@PathParam("id") long id, @RestForm String status) {
    Campaign c = CampaignPage.campaign(id);
    Campaign.Status next = Campaign.Status.fromCode(status);
    String refused = c.moveTo(next, Instant.now(clock));
    if (refused != null) {
      return refused(c, refused);
    }
    codes.invalidate();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id), "success", "campaign_flash_" + next.code());
  }

  private Response refused(Campaign c, String key) {
    FormErrors errors = new FormErrors().add("status", key);
    return pages.withStatus(
        422, page.render(c, uri, CampaignPage.Problem.STATUS, errors, Map.of()));
  }
}
