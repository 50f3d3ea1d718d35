package io.loopcrm.api;

import io.loopcrm.deal.Deal;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Deals for integrations: list in id order with filters, and read one with its version. */
@Path("/api/deals")
@RolesAllowed(Roles.OPERATIONS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deals", description = "Read deals, change them and move them between stages")
public class ApiDealsResource {
  @Inject CurrentMember me;
  @Inject ApiScopes scopes;
  @Inject io.loopcrm.settings.Choices choices;
  @Inject com.fasterxml.jackson.databind.ObjectMapper json;
  @Inject java.time.Clock clock;
  @Inject ApiIdempotency idempotency;
  @Inject ApiDealCreation creation;

  /** A page of deals; pass {@code next} as {@code after} for the next one (null: the last). */
  @Schema(name = "DealPage")
  public record Page(List<ApiDealView> items, String next) {}

  @GET
  @Operation(
      operationId = "listDeals",
      summary = "List deals",
      description = "In id order, 50 a page (limit up to 200); pass `next` as `after`.")
  @APIResponse(responseCode = "200", description = "A page of deals")
  @APIResponse(
      responseCode = "400",
      description = "A bad cursor, limit or filter",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  public Page list(
      @Parameter(description = "The `next` of the page before") @QueryParam("after") String after,
      @Parameter(description = "Rows on a page, 1 to 200") @QueryParam("limit") Integer limit,
      @Parameter(description = "id (oldest first, the default) or -id (newest first)")
          @QueryParam("sort")
          String sort,
      @Parameter(description = "open, won or lost") @QueryParam("status") String status,
      @QueryParam("ownerId") Long ownerId,
      @QueryParam("stageId") Long stageId,
      @QueryParam("accountId") Long accountId) {
    scopes.require("deals:read");
    StringBuilder where = new StringBuilder("true");
    Map<String, Object> params = new HashMap<>();
    if (status != null) {
      try {
        params.put("status", Deal.Status.valueOf(status.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ApiProblem(
            400,
            "Bad filter",
            "status is open, won or lost.",
            Map.of("status", "open, won or lost"));
      }
      where.append(" and r.status = :status");
    }
    ApiPaging.filter(where, params, "owner", ownerId);
    ApiPaging.filter(where, params, "stage", stageId);
    ApiPaging.filter(where, params, "account", accountId);
    ApiPaging.Slice<Deal> page =
        ApiPaging.page(
            Deal.class,
            "join fetch r.owner join fetch r.stage",
            where.toString(),
            params,
            ApiPaging.after(after),
            ApiPaging.limit(limit),
            ApiPaging.newestFirst(sort),
            d -> d.id);
    return new Page(page.rows().stream().map(ApiDealView::of).toList(), page.next());
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getDeal",
      summary = "Read a deal",
      description = "The ETag is the deal's version.")
  @APIResponse(
      responseCode = "200",
      description = "The deal",
      content = @Content(schema = @Schema(implementation = ApiDealView.class)))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such deal")
  public Response get(@PathParam("id") long id, @Context Request request) {
    scopes.require("deals:read");
    Deal d = visible(id);
    return ApiPaging.read(ApiDealView.of(d), d.version, request);
  }

  @jakarta.ws.rs.POST
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  @jakarta.transaction.Transactional
  @Operation(
      operationId = "createDeal",
      summary = "Create a deal",
      description =
          "Fields name, accountId (both required), amount, currency, expectedClose, contactId (a"
              + " contact of the account), stageId (an open stage; the first if left out), ownerId"
              + " (a member in sales; the account's owner if left out). Checked as the new-deal"
              + " page checks them. Send an Idempotency-Key to make retries safe. A client needs"
              + " deals:write.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      content = @Content(schema = @Schema(implementation = ApiDealView.class)))
  @APIResponse(
      responseCode = "422",
      description = "A field is wrong (named in errors); nothing is saved",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiBodies.DealCreate.class)))
  public Response create(
      String body, @jakarta.ws.rs.HeaderParam("Idempotency-Key") String idempotencyKey) {
    scopes.require("deals:write");
    scopes.requireClient("deals");
    return idempotency.create(
        "deal",
        id -> "/api/deals/" + id,
        idempotencyKey,
        body,
        () -> creation.create(ApiBody.parse(json, body)),
        id -> ApiDealView.of(Deal.findById(id)));
  }

  @jakarta.ws.rs.PATCH
  @Path("{id}")
  @jakarta.ws.rs.Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @jakarta.transaction.Transactional
  @Operation(
      operationId = "updateDeal",
      summary = "Change a deal, or move it to another stage",
      description =
          "A JSON merge patch of the fields of DealChange, checked as the deal page checks them;"
              + " moving to the won stage needs an amount and a close date, to the lost stage a"
              + " reason. Send the ETag of your read as If-Match: if the deal changed meanwhile,"
              + " 412 and nothing is saved. A client needs the scope deals:write.")
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiBodies.DealChange.class),
              examples =
                  @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(
                      name = "won",
                      value = "{\"amount\":48000,\"expectedClose\":\"2026-12-20\",\"stageId\":6}")))
  @APIResponse(
      responseCode = "200",
      description = "The deal as changed, with its new ETag",
      content = @Content(schema = @Schema(implementation = ApiDealView.class)))
  @APIResponse(
      responseCode = "412",
      description = "The deal changed since the ETag in If-Match: read it again",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "A field is wrong (named in errors); nothing is saved",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  public Response patch(
      @PathParam("id") long id,
      String body,
      @Parameter(description = "The ETag of the deal as read")
          @jakarta.ws.rs.HeaderParam("If-Match")
          String ifMatch,
      @Context Request request) {
    scopes.require("deals:write");
    Deal d = visible(id);
    if (!scopes.isClient() && !me.viewer().edits(d.owner)) {
      // a person changes only what the pages let them change
      throw new ApiProblem(404, "Not found", "No deal has this id.", Map.of());
    }
    ApiPaging.requireMatch(request, ifMatch, d.version, "deal");
    var patch = ApiBody.parse(json, body);
    ApiDealPatch p = ApiDealPatch.read(patch, d, choices);
    if (!p.errors.isEmpty()) {
      throw new ApiProblem(422, "Invalid deal", "Some fields are not valid.", p.errors);
    }
    java.time.Instant now = clock.instant();
    var by = me.get();
    d.edit(p.name, p.amount, p.currency, p.expectedClose, p.probability, p.nextStep, by, now);
    if (p.stage != null) {
      try {
        d.moveTo(p.stage, by, now, p.lostReason, p.competitor);
      } catch (io.loopcrm.deal.DealRuleViolation v) {
        // the transaction rolls back: nothing of the patch is saved
        throw new ApiProblem(
            422,
            "Invalid move",
            "The deal cannot move to this stage yet.",
            Map.of(v.field, v.messageKey));
      }
    }
    d.flush();
    return ApiPaging.changed(ApiDealView.of(d), d.version);
  }

  private Deal visible(long id) {
    try {
      return Deal.findVisible(id, me.viewer());
    } catch (io.loopcrm.common.NotFound e) {
      throw new ApiProblem(404, "Not found", "No deal has this id.", Map.of());
    }
  }
}
