package io.loopcrm.api;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.people.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Campaigns and their variants: read by integrations that create leads (the tracking codes),
 * created and changed by operations' clients with the rules of operations' pages.
 */
@Path("/api/campaigns")
@RolesAllowed(Roles.OPERATIONS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Read, create and change campaigns and variants")
public class ApiCampaignsResource {
  @Inject ApiScopes scopes;
  @Inject ApiIdempotency idempotency;
  @Inject ApiCampaignWrites writes;
  @Inject com.fasterxml.jackson.databind.ObjectMapper json;

  @GET
  @Operation(operationId = "listCampaigns", summary = "List campaigns with their variants")
  public List<ApiCampaignView> list() {
    scopes.require("campaigns:read");
    Map<Long, List<CampaignVariant>> variants =
        CampaignVariant.<CampaignVariant>list("order by name, id").stream()
            .collect(Collectors.groupingBy(v -> v.campaign.id));
    return Campaign.<Campaign>list("order by createdAt desc, id desc").stream()
        .map(c -> ApiCampaignView.of(c, variants.getOrDefault(c.id, List.of())))
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getCampaign",
      summary = "Read a campaign",
      description = "ETag: its version.")
  @APIResponse(
      responseCode = "200",
      description = "The campaign",
      content = @Content(schema = @Schema(implementation = ApiCampaignView.class)))
  public Response get(@PathParam("id") long id, @Context Request request) {
    scopes.require("campaigns:read");
    Campaign c = find(id);
    return ApiPaging.read(ApiCampaignView.of(c), c.version, request);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      operationId = "createCampaign",
      summary = "Create a campaign",
      description =
          "The fields of the campaign form (name, objective and channel required); a draft with"
              + " variant A. Send an Idempotency-Key to make retries safe. Needs campaigns:write.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = ApiBodies.CampaignCreate.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      content = @Content(schema = @Schema(implementation = ApiCampaignView.class)))
  @APIResponse(responseCode = "422", description = "A field is wrong (named in errors)")
  public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    scopes.require("campaigns:write");
    return idempotency.create(
        "campaign",
        cid -> "/api/campaigns/" + cid,
        idempotencyKey,
        body,
        () -> writes.create(ApiBody.parse(json, body)),
        id -> ApiCampaignView.of(Campaign.findById(id)));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Transactional
  @Operation(
      operationId = "updateCampaign",
      summary = "Change a campaign, or move it along its lifecycle",
      description =
          "A JSON merge patch of the campaign form's fields; status moves it (draft → scheduled or"
              + " active, active ↔ paused, → completed) as on its page: active needs a variant, a"
              + " completed campaign is read-only (409). If-Match: 412 if it changed meanwhile.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = ApiBodies.CampaignChange.class)))
  @APIResponse(
      responseCode = "200",
      description = "The campaign as changed, with its new ETag",
      content = @Content(schema = @Schema(implementation = ApiCampaignView.class)))
  @APIResponse(responseCode = "409", description = "The campaign is completed")
  @APIResponse(responseCode = "412", description = "The campaign changed since your read")
  @APIResponse(responseCode = "422", description = "A field is wrong (named in errors)")
  public Response patch(
      @PathParam("id") long id,
      String body,
      @HeaderParam("If-Match") String ifMatch,
      @Context Request request) {
    scopes.require("campaigns:write");
    Campaign c = find(id);
    ApiPaging.requireMatch(request, ifMatch, c.version, "campaign");
    writes.change(c, ApiBody.parse(json, body));
    c.flush();
    return ApiPaging.changed(ApiCampaignView.of(c), c.version);
  }

  @POST
  @Path("{id}/variants")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      operationId = "createVariant",
      summary = "Add a variant to a campaign",
      description = "The variant form's fields; a new tracking code. Needs campaigns:write.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = ApiBodies.VariantFields.class)))
  @APIResponse(
      responseCode = "201",
      description = "The campaign with the new variant",
      content = @Content(schema = @Schema(implementation = ApiCampaignView.class)))
  @APIResponse(responseCode = "409", description = "The campaign is completed")
  @APIResponse(responseCode = "422", description = "A field is wrong (named in errors)")
  public Response addVariant(
      @PathParam("id") long id,
      String body,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    scopes.require("campaigns:write");
    Campaign c = find(id);
    return idempotency.create(
        "variant",
        vid -> "/api/campaigns/" + id,
        idempotencyKey,
        body,
        () -> writes.addVariant(c, ApiBody.parse(json, body)),
        vid -> ApiCampaignView.of(Campaign.findById(id)));
  }

  @PATCH
  @Path("{id}/variants/{vid}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Transactional
  @Operation(
      operationId = "updateVariant",
      summary = "Change a variant",
      description = "A JSON merge patch of the variant form's fields. Needs campaigns:write.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = ApiBodies.VariantFields.class)))
  @APIResponse(
      responseCode = "200",
      description = "The campaign with the changed variant",
      content = @Content(schema = @Schema(implementation = ApiCampaignView.class)))
  @APIResponse(responseCode = "409", description = "The campaign is completed")
  @APIResponse(responseCode = "422", description = "A field is wrong (named in errors)")
  public ApiCampaignView changeVariant(
      @PathParam("id") long id, @PathParam("vid") long vid, String body) {
    scopes.require("campaigns:write");
    CampaignVariant v = CampaignVariant.findById(vid);
    if (v == null || v.campaign.id != id) {
      throw new ApiProblem(404, "Not found", "The campaign has no variant with this id.", Map.of());
    }
    writes.changeVariant(v, ApiBody.parse(json, body));
    v.flush();
    return ApiCampaignView.of(v.campaign);
  }

  private static Campaign find(long id) {
    Campaign c = Campaign.findById(id);
    if (c == null) {
      throw new ApiProblem(404, "Not found", "No campaign has this id.", Map.of());
    }
    return c;
  }
}
