package io.loopcrm.api;

import io.loopcrm.lead.Lead;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
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
@Tag(name = "Leads", description = "Create, read, list and change leads")
public class ApiLeadsResource {

  @Inject ApiLeadCreation creation;
  @Inject LeadSearch search;
  @Inject CurrentMember me;
  @Inject Clock clock;
  @Inject ApiScopes scopes;
  @Inject ApiLeadChange change;
  @Inject com.fasterxml.jackson.databind.ObjectMapper json;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createLead",
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
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      content = @Content(schema = @Schema(implementation = ApiLeadView.class)))
  @APIResponse(
      responseCode = "503",
      description =
          "Too many leads at once: nothing was saved; retry after the Retry-After seconds")
  @APIResponse(
      responseCode = "200",
      description = "An existing lead (same e-mail or phone) was completed",
      content = @Content(schema = @Schema(implementation = ApiLeadView.class)))
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
  @Operation(
      operationId = "getLead",
      summary = "Read a lead",
      description = "The ETag is the lead's version.")
  @APIResponse(
      responseCode = "200",
      description = "The lead",
      content = @Content(schema = @Schema(implementation = ApiLeadView.class)))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such lead")
  public Response get(@PathParam("id") long id, @jakarta.ws.rs.core.Context Request request) {
    scopes.require("leads:read");
    ApiLeadView lead = ApiLeadView.of(id);
    return ApiPaging.read(lead, lead.version(), request);
  }

  @jakarta.ws.rs.PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @jakarta.transaction.Transactional
  @Operation(
      operationId = "updateLead",
      summary = "Change a lead",
      description =
          "A JSON merge patch of the person and contact fields (firstName, lastName, company,"
              + " title, email, phone, region, segment, industry, companySize), checked as the"
              + " lead's edit page checks them; an e-mail or phone of another lead is refused."
              + " Send the ETag of your read as If-Match: 412 if it changed meanwhile.")
  @APIResponse(
      responseCode = "200",
      description = "The lead as changed, with its new ETag",
      content = @Content(schema = @Schema(implementation = ApiLeadView.class)))
  @APIResponse(responseCode = "412", description = "The lead changed since your read")
  @APIResponse(responseCode = "422", description = "A field is wrong (named in errors)")
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiBodies.LeadChange.class)))
  public Response patch(
      @PathParam("id") long id,
      String body,
      @HeaderParam("If-Match") String ifMatch,
      @jakarta.ws.rs.core.Context Request request) {
    scopes.require("leads:write");
    Lead lead;
    try {
      // a client changes any lead; a person what the pages let them change
      lead =
          scopes.isClient()
              ? Lead.findVisible(id, me.viewer())
              : Lead.findEditable(id, me.viewer());
    } catch (io.loopcrm.common.NotFound e) {
      throw new ApiProblem(404, "Not found", "No lead has this id.", Map.of());
    }
    ApiPaging.requireMatch(request, ifMatch, lead.version, "lead");
    change.apply(lead, ApiBody.parse(json, body));
    lead.flush();
    return ApiPaging.changed(ApiLeadView.of(lead), lead.version);
  }

  @GET
  @Operation(
      operationId = "listLeads",
      summary = "List leads",
      description = "The filters of the lead pages; keyset paging: pass `next` as `after`.")
  public ApiLeadView.Page list(@jakarta.ws.rs.BeanParam io.loopcrm.web.LeadQuery query) {
    scopes.require("leads:read");
    LeadFilter filter = query.toFilter();
    LeadSearch.Page page = search.search(filter, me.viewer(), clock.getZone());
    return new ApiLeadView.Page(
        ApiLeadView.of(page.rows()), page.nextCursor(), page.count(), page.countCapped());
  }
}
