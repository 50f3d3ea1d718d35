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
@Tag(name = "Deals", description = "Read deals")
public class ApiDealsResource {
  @Inject CurrentMember me;
  @Inject ApiScopes scopes;

  /** A page of deals; pass {@code next} as {@code after} for the next one (null: the last). */
  @Schema(name = "DealPage")
  public record Page(List<ApiDealView> items, String next) {}

  @GET
  @Operation(
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
    filter(where, params, "owner", ownerId);
    filter(where, params, "stage", stageId);
    filter(where, params, "account", accountId);
    ApiPaging.Slice<Deal> page =
        ApiPaging.page(
            Deal.class,
            "join fetch r.owner join fetch r.stage",
            where.toString(),
            params,
            ApiPaging.after(after),
            ApiPaging.limit(limit),
            d -> d.id);
    return new Page(page.rows().stream().map(ApiDealView::of).toList(), page.next());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a deal", description = "The ETag is the deal's version.")
  @APIResponse(
      responseCode = "200",
      description = "The deal",
      content = @Content(schema = @Schema(implementation = ApiDealView.class)))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such deal")
  public Response get(@PathParam("id") long id, @Context Request request) {
    scopes.require("deals:read");
    Deal d;
    try {
      d = Deal.findVisible(id, me.viewer());
    } catch (io.loopcrm.common.NotFound e) {
      throw new ApiProblem(404, "Not found", "No deal has this id.", Map.of());
    }
    return ApiPaging.read(ApiDealView.of(d), d.version, request);
  }

  static void filter(StringBuilder where, Map<String, Object> params, String field, Long id) {
    if (id != null) {
      where.append(" and r.").append(field).append(".id = :").append(field);
      params.put(field, id);
    }
  }
}
