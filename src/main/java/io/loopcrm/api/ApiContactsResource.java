package io.loopcrm.api;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.people.Roles;
import io.loopcrm.sales.ContactInput;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Contacts for integrations: list in id order, and read one with its version. */
@Path("/api/contacts")
@RolesAllowed(Roles.OPERATIONS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "Read, create and change contacts")
public class ApiContactsResource {
  @jakarta.inject.Inject ApiScopes scopes;
  @jakarta.inject.Inject ApiIdempotency idempotency;
  @jakarta.inject.Inject ApiMessages messages;
  @jakarta.inject.Inject jakarta.validation.Validator validator;
  @jakarta.inject.Inject com.fasterxml.jackson.databind.ObjectMapper json;

  /** The contact's fields as the API names them: the contact form's names. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "firstName", "firstName",
          "lastName", "lastName",
          "email", "email",
          "phone", "phone",
          "title", "title");

  /** A page of contacts; pass {@code next} as {@code after} for the next one (null: the last). */
  @Schema(name = "ContactPage")
  public record Page(List<ApiContactView> items, String next) {}

  @GET
  @Operation(
      operationId = "listContacts",
      summary = "List contacts",
      description = "In id order, 50 a page (limit up to 200); pass `next` as `after`.")
  @APIResponse(
      responseCode = "400",
      description = "A bad cursor or limit",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "A page of contacts",
      content = @Content(schema = @Schema(implementation = Page.class)))
  public Page list(
      @Parameter(description = "The `next` of the page before") @QueryParam("after") String after,
      @Parameter(description = "Rows on a page, 1 to 200") @QueryParam("limit") Integer limit,
      @Parameter(description = "id (oldest first, the default) or -id (newest first)")
          @QueryParam("sort")
          String sort,
      @QueryParam("ownerId") Long ownerId,
      @QueryParam("accountId") Long accountId) {
    scopes.require("contacts:read");
    StringBuilder where = new StringBuilder("true");
    Map<String, Object> params = new HashMap<>();
    ApiPaging.filter(where, params, "owner", ownerId);
    ApiPaging.filter(where, params, "account", accountId);
    ApiPaging.Slice<Contact> page =
        ApiPaging.page(
            Contact.class,
            "left join fetch r.owner",
            where.toString(),
            params,
            ApiPaging.after(after),
            ApiPaging.limit(limit),
            ApiPaging.newestFirst(sort),
            a -> a.id);
    return new Page(page.rows().stream().map(ApiContactView::of).toList(), page.next());
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getContact",
      summary = "Read a contact",
      description = "The ETag is the contact's version.")
  @APIResponse(
      responseCode = "200",
      description = "The contact",
      content = @Content(schema = @Schema(implementation = ApiContactView.class)))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such contact")
  public Response get(@PathParam("id") long id, @Context Request request) {
    scopes.require("contacts:read");
    Contact a = Contact.findById(id);
    if (a == null) {
      throw new ApiProblem(404, "Not found", "No contact has this id.", Map.of());
    }
    return ApiPaging.read(ApiContactView.of(a), a.version, request);
  }

  @jakarta.ws.rs.POST
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  @jakarta.transaction.Transactional
  @Operation(
      operationId = "createContact",
      summary = "Create a contact",
      description =
          "Fields accountId (required), firstName, lastName (required), email, phone, title,"
              + " ownerId (a member in sales; the account's owner if left out). Checked as the"
              + " contact form checks them; a known e-mail is refused. Send an Idempotency-Key to"
              + " make retries safe. A client needs contacts:write.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      content = @Content(schema = @Schema(implementation = ApiContactView.class)))
  @APIResponse(
      responseCode = "422",
      description = "A field is wrong (named in errors); nothing is saved",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiBodies.ContactCreate.class)))
  public Response create(
      String body, @jakarta.ws.rs.HeaderParam("Idempotency-Key") String idempotencyKey) {
    scopes.require("contacts:write");
    scopes.requireClient("contacts");
    return idempotency.create(
        "contact",
        id -> "/api/contacts/" + id,
        idempotencyKey,
        body,
        () -> {
          var b = ApiBody.parse(json, body);
          Map<String, String> errors = new java.util.LinkedHashMap<>();
          ContactInput in =
              checked(b, new ContactInput(), null, Set.of("accountId", "ownerId"), errors);
          Long accountId = ApiBody.id(b, "accountId", null, errors);
          Account account = accountId == null ? null : Account.findById(accountId);
          if (account == null) {
            errors.putIfAbsent("accountId", accountId == null ? "required" : "no such account");
          }
          var owner = ApiBody.owner(ApiBody.id(b, "ownerId", null, errors), "ownerId", errors);
          ApiBody.refuseIfAny("contact", errors);
          Contact c = new Contact();
          c.account = account;
          in.applyTo(c);
          c.owner = owner != null ? owner : account.owner;
          c.persist();
          return c.id;
        },
        id -> ApiContactView.of(Contact.findById(id)));
  }

  @jakarta.ws.rs.PATCH
  @Path("{id}")
  @jakarta.ws.rs.Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @jakarta.transaction.Transactional
  @Operation(
      operationId = "updateContact",
      summary = "Change a contact",
      description =
          "A JSON merge patch of firstName, lastName, email, phone, title, checked as the contact"
              + " form checks them. Send the ETag of your read as If-Match: 412 if it changed.")
  @APIResponse(
      responseCode = "200",
      description = "The contact as changed, with its new ETag",
      content = @Content(schema = @Schema(implementation = ApiContactView.class)))
  @APIResponse(responseCode = "412", description = "The contact changed since your read")
  @APIResponse(responseCode = "422", description = "A field is wrong (named in errors)")
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiBodies.ContactChange.class)))
  public Response patch(
      @PathParam("id") long id,
      String body,
      @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch,
      @Context Request request) {
    scopes.require("contacts:write");
    scopes.requireClient("contacts");
    Contact c = Contact.findById(id);
    if (c == null) {
      throw new ApiProblem(404, "Not found", "No contact has this id.", Map.of());
    }
    ApiPaging.requireMatch(request, ifMatch, c.version, "contact");
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    ContactInput in =
        checked(ApiBody.parse(json, body), ContactInput.of(c), c.id, Set.of(), errors);
    ApiBody.refuseIfAny("contact", errors);
    in.applyTo(c);
    c.flush();
    return ApiPaging.changed(ApiContactView.of(c), c.version);
  }

  /** {@code in} with the body's fields, checked as the form checks them, the e-mail not known. */
  private ContactInput checked(
      com.fasterxml.jackson.databind.JsonNode b,
      ContactInput in,
      Long except,
      Set<String> ids,
      Map<String, String> errors) {
    ApiBody.bind(b, in, FIELDS, ids, errors);
    messages.of(in.errors(validator), Map.of()).forEach(errors::putIfAbsent);
    if (!errors.containsKey("email")) {
      Contact.findDuplicate(io.loopcrm.lead.Lead.normalizeEmail(in.email), except)
          .ifPresent(
              d ->
                  errors.put(
                      "email",
                      messages.text("contact_error_duplicate") + " (contact " + d.id + ")"));
    }
    return in;
  }
}
