package io.loopcrm.api;

import io.loopcrm.customer.Account;
import io.loopcrm.people.Roles;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts for integrations: list in id order, and read one with its version. */
@Path("/api/accounts")
@RolesAllowed(Roles.OPERATIONS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Read accounts")
public class ApiAccountsResource {
  @jakarta.inject.Inject ApiScopes scopes;

  /** A page of accounts; pass {@code next} as {@code after} for the next one (null: the last). */
  @Schema(name = "AccountPage")
  public record Page(List<ApiAccountView> items, String next) {}

  @GET
  @Operation(
      summary = "List accounts",
      description = "In id order, 50 a page (limit up to 200); pass `next` as `after`.")
  @APIResponse(
      responseCode = "400",
      description = "A bad cursor or limit",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  public Page list(
      @Parameter(description = "The `next` of the page before") @QueryParam("after") String after,
      @Parameter(description = "Rows on a page, 1 to 200") @QueryParam("limit") Integer limit,
      @QueryParam("ownerId") Long ownerId) {
    scopes.require("accounts:read");
    StringBuilder where = new StringBuilder("true");
    Map<String, Object> params = new HashMap<>();
    ApiPaging.filter(where, params, "owner", ownerId);
    ApiPaging.Slice<Account> page =
        ApiPaging.page(
            Account.class,
            "left join fetch r.owner",
            where.toString(),
            params,
            ApiPaging.after(after),
            ApiPaging.limit(limit),
            a -> a.id);
    return new Page(page.rows().stream().map(ApiAccountView::of).toList(), page.next());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read an account", description = "The ETag is the account's version.")
  @APIResponse(
      responseCode = "200",
      description = "The account",
      content = @Content(schema = @Schema(implementation = ApiAccountView.class)))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such account")
  public Response get(@PathParam("id") long id, @Context Request request) {
    scopes.require("accounts:read");
    Account a = Account.findById(id);
    if (a == null) {
      throw new ApiProblem(404, "Not found", "No account has this id.", Map.of());
    }
    return ApiPaging.read(ApiAccountView.of(a), a.version, request);
  }
}
