package io.loopcrm.api;

import io.loopcrm.lead.Audience;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Audiences for integrations: their criteria, and one with its member count now. */
@Path("/api/audiences")
@RolesAllowed(Roles.OPERATIONS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audiences", description = "Read audiences (saved filters over leads)")
public class ApiAudiencesResource {
  @Inject ApiScopes scopes;
  @Inject Clock clock;

  /** An audience as the API shows it; {@code members} only when one is read. */
  @Schema(name = "Audience")
  public record View(
      long id,
      String name,
      List<String> statuses,
      String segment,
      String region,
      String industry,
      Integer minScore,
      Integer maxScore,
      Long firstTouchCampaignId,
      String channel,
      Long customersOfCampaignId,
      Integer noPurchaseDays,
      LocalDate createdFrom,
      LocalDate createdTo,
      @Schema(description = "Leads that match now (on a read of one audience)") Long members,
      Instant updatedAt,
      long version) {

    static View of(Audience a, Long members) {
      return new View(
          a.id,
          a.name,
          a.statusList().stream().map(LeadStatus::param).toList(),
          a.segment,
          a.region,
          a.industry,
          a.minScore,
          a.maxScore,
          a.firstTouchCampaign == null ? null : a.firstTouchCampaign.id,
          a.channel,
          a.customersOfCampaign == null ? null : a.customersOfCampaign.id,
          a.noPurchaseDays,
          a.createdFrom,
          a.createdTo,
          members,
          a.updatedAt,
          a.version);
    }
  }

  @GET
  @Operation(operationId = "listAudiences", summary = "List audiences", description = "By name.")
  public List<View> list() {
    scopes.require("audiences:read");
    return Audience.<Audience>list("order by lower(name)").stream()
        .map(a -> View.of(a, null))
        .toList();
  }

  @GET
  @Path("{id}")
  @Transactional
  @Operation(
      operationId = "getAudience",
      summary = "Read an audience with its member count",
      description = "The members are the leads that match its criteria now.")
  @APIResponse(
      responseCode = "200",
      description = "The audience",
      content = @Content(schema = @Schema(implementation = View.class)))
  public Response get(@PathParam("id") long id, @Context Request request) {
    scopes.require("audiences:read");
    Audience a = Audience.findById(id);
    if (a == null) {
      throw new ApiProblem(404, "Not found", "No audience has this id.", Map.of());
    }
    return ApiPaging.read(
        View.of(a, a.count(clock.getZone(), clock.instant())), a.version, request);
  }
}
