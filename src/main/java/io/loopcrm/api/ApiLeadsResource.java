package io.loopcrm.api;

import io.loopcrm.lead.LeadFilter;
import io.loopcrm.lead.LeadSearch;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The lead API for integrations: create a lead with the same dedupe, attribution and routing as the
 * web form (an {@code Idempotency-Key} makes retries safe), read one, list with the filters of the
 * pages. Bearer tokens of a Keycloak client with the operations role.
 */
@Path("/api/leads")
@RolesAllowed(Roles.OPERATIONS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Create, read and list leads")
public class ApiLeadsResource {

  @Inject ApiLeadCreation creation;
  @Inject LeadSearch search;
  @Inject CurrentMember me;
  @Inject Clock clock;
  @Inject ApiScopes scopes;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a lead",
      description =
          "Deduplicated by normalised e-mail and phone (an existing lead is completed and 200 is"
              + " answered), attributed to the variant, routed by the rules. Send an Idempotency-Key"
              + " to make retries safe: a repeated key gets the first answer.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiLeadInput.class),
              examples =
                  @ExampleObject(
                      name = "webinar",
                      value =
                          "{\"firstName\":\"Kei\",\"lastName\":\"Sato\",\"email\":\"kei@example.jp\","
                              + "\"company\":\"Sato Trading\",\"region\":\"Japan\",\"variantCode\":\"wbn-a\"}")))
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "503",
      description =
          "Too many leads at once: nothing was saved; retry after the Retry-After seconds")
  @APIResponse(
      responseCode = "200",
      description = "An existing lead (same e-mail or phone) was completed")
  @APIResponse(
      responseCode = "422",
      description = "Bad input",
      content =
          @Content(
              mediaType = ApiProblem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad e-mail",
                      value =
                          "{\"type\":\"https://loopcrm.example/problems/422\",\"title\":\"Invalid lead\","
                              + "\"status\":422,\"detail\":\"Some fields are not valid.\","
                              + "\"errors\":{\"email\":\"not an e-mail address\"}}")))
  public Response create(
      ApiLeadInput in,
      @Parameter(description = "Any unique string up to 100 characters, e.g. a UUID")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey) {
    scopes.require("leads:write");
    return creation.create(in, idempotencyKey);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a lead")
  @APIResponse(responseCode = "404", description = "No such lead")
  public ApiLeadView get(@PathParam("id") long id) {
    scopes.require("leads:read");
    return ApiLeadView.of(id);
  }

  @GET
  @Operation(
      summary = "List leads",
      description = "The filters of the lead pages; keyset paging: pass `next` as `after`.")
  public ApiLeadView.Page list(@jakarta.ws.rs.BeanParam io.loopcrm.web.LeadQuery query) {
    scopes.require("leads:read");
    LeadFilter filter = query.toFilter();
    LeadSearch.Page page = search.search(filter, me.viewer(), clock.getZone());
    return new ApiLeadView.Page(
        page.rows().stream().map(ApiLeadView::of).toList(),
        page.nextCursor(),
        page.count(),
        page.countCapped());
  }
}
