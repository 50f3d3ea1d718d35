package io.loopcrm.api;

import io.loopcrm.customer.Account;
import io.loopcrm.people.Roles;
import io.loopcrm.sales.AccountInput;
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
@Tag(name = "Accounts", description = "Read, create and change accounts")
public class ApiAccountsResource {
  @jakarta.inject.Inject ApiScopes scopes;
  @jakarta.inject.Inject ApiIdempotency idempotency;
  @jakarta.inject.Inject ApiMessages messages;
  @jakarta.inject.Inject jakarta.validation.Validator validator;
  @jakarta.inject.Inject com.fasterxml.jackson.databind.ObjectMapper json;

  /** The account's fields as the API names them: the account form's names. */
  private static final Map<String, String> FIELDS =
      Map.of("name", "name", "domain", "domain", "industry", "industry", "region", "region");

  /** A page of accounts; pass {@code next} as {@code after} for the next one (null: the last). */
  @Schema(name = "AccountPage")
  public record Page(List<ApiAccountView> items, String next) {}

  @GET
  @Operation(
      operationId = "listAccounts",
      summary = "List accounts",
      description = "In id order, 50 a page (limit up to 200); pass `next` as `after`.")
  @APIResponse(
      responseCode = "400",
      description = "A bad cursor or limit",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "A page of accounts",
      content = @Content(schema = @Schema(implementation = Page.class)))
  public Page list(
      @Parameter(description = "The `next` of the page before") @QueryParam("after") String after,
      @Parameter(description = "Rows on a page, 1 to 200") @QueryParam("limit") Integer limit,
      @Parameter(description = "id (oldest first, the default) or -id (newest first)")
          @QueryParam("sort")
          String sort,
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
            ApiPaging.newestFirst(sort),
            a -> a.id);
    return new Page(page.rows().stream().map(ApiAccountView::of).toList(), page.next());
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getAccount",
      summary = "Read an account",
      description = "The ETag is the account's version.")
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

  @jakarta.ws.rs.POST
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  @jakarta.transaction.Transactional
  @Operation(
      operationId = "createAccount",
      summary = "Create an account",
      description =
          "Fields name (required), domain, industry, region, ownerId (a member in sales). Checked as"
              + " the account form checks them; a known web domain is refused. Send an"
              + " Idempotency-Key to make retries safe. A client needs accounts:write.")
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiBodies.AccountCreate.class),
              examples =
                  @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(
                      name = "account",
                      value = "{\"name\":\"Acme Ltd\",\"domain\":\"acme.example\",\"ownerId\":3}")))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      content = @Content(schema = @Schema(implementation = ApiAccountView.class)))
  @APIResponse(
      responseCode = "422",
      description = "A field is wrong (named in errors); nothing is saved",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  public Response create(
      String body, @jakarta.ws.rs.HeaderParam("Idempotency-Key") String idempotencyKey) {
    scopes.require("accounts:write");
    scopes.requireClient("accounts");
    return idempotency.create(
        "account",
        id -> "/api/accounts/" + id,
        idempotencyKey,
        body,
        () -> {
          var b = ApiBody.parse(json, body);
          Map<String, String> errors = new java.util.LinkedHashMap<>();
          AccountInput in =
              checked(b, new AccountInput(), null, java.util.Set.of("ownerId"), errors);
          var owner = ApiBody.owner(ApiBody.id(b, "ownerId", null, errors), "ownerId", errors);
          ApiBody.refuseIfAny("account", errors);
          Account a = new Account();
          in.applyTo(a);
          a.owner = owner;
          a.persist();
          return a.id;
        },
        id -> ApiAccountView.of(Account.findById(id)));
  }

  @jakarta.ws.rs.PATCH
  @Path("{id}")
  @jakarta.ws.rs.Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @jakarta.transaction.Transactional
  @Operation(
      operationId = "updateAccount",
      summary = "Change an account",
      description =
          "A JSON merge patch of name, domain, industry, region, checked as the account form checks"
              + " them. Send the ETag of your read as If-Match: 412 if it changed meanwhile.")
  @APIResponse(
      responseCode = "200",
      description = "The account as changed, with its new ETag",
      content = @Content(schema = @Schema(implementation = ApiAccountView.class)))
  @APIResponse(responseCode = "412", description = "The account changed since your read")
  @APIResponse(responseCode = "422", description = "A field is wrong (named in errors)")
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiBodies.AccountChange.class)))
  public Response patch(
      @PathParam("id") long id,
      String body,
      @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch,
      @Context Request request) {
    scopes.require("accounts:write");
    scopes.requireClient("accounts");
    Account a = Account.findById(id);
    if (a == null) {
      throw new ApiProblem(404, "Not found", "No account has this id.", Map.of());
    }
    ApiPaging.requireMatch(request, ifMatch, a.version, "account");
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    AccountInput in =
        checked(ApiBody.parse(json, body), AccountInput.of(a), a.id, java.util.Set.of(), errors);
    ApiBody.refuseIfAny("account", errors);
    in.applyTo(a);
    a.flush();
    return ApiPaging.changed(ApiAccountView.of(a), a.version);
  }

  /** {@code in} with the body's fields, checked as the form checks them, the domain not known. */
  private AccountInput checked(
      com.fasterxml.jackson.databind.JsonNode b,
      AccountInput in,
      Long except,
      java.util.Set<String> ids,
      Map<String, String> errors) {
    ApiBody.bind(b, in, FIELDS, ids, errors);
    messages.of(in.errors(validator), Map.of()).forEach(errors::putIfAbsent);
    if (!errors.containsKey("domain")) {
      Account.findByDomain(in.normalizedDomain(), except)
          .ifPresent(
              d ->
                  errors.put(
                      "domain",
                      messages.text("account_error_duplicate") + " (account " + d.id + ")"));
    }
    return in;
  }
}
