package io.loopcrm.api;

import io.loopcrm.activity.Activity;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
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

/** Activities and tasks for integrations: list, read, log one, mark a task done or open. */
@Path("/api/activities")
@RolesAllowed(Roles.OPERATIONS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "Calls, e-mails, meetings, notes and tasks on records")
public class ApiActivitiesResource {
  @Inject ApiScopes scopes;
  @Inject ApiIdempotency idempotency;
  @Inject ApiActivityCreation creation;
  @Inject com.fasterxml.jackson.databind.ObjectMapper json;
  @Inject Clock clock;

  /** A page of activities; pass {@code next} as {@code after} for the next one (null: the last). */
  @Schema(name = "ActivityPage")
  public record Page(List<ApiActivityView> items, String next) {}

  @GET
  @Operation(
      operationId = "listActivities",
      summary = "List activities",
      description =
          "In id order, 50 a page (limit up to 200); pass `next` as `after`. `openTasks=true`:"
              + " tasks not done yet.")
  @APIResponse(
      responseCode = "400",
      description = "A bad cursor, limit or filter",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "A page of activities",
      content = @Content(schema = @Schema(implementation = Page.class)))
  public Page list(
      @QueryParam("after") String after,
      @QueryParam("limit") Integer limit,
      @Parameter(description = "id (oldest first, the default) or -id (newest first)")
          @QueryParam("sort")
          String sort,
      @QueryParam("leadId") Long leadId,
      @QueryParam("dealId") Long dealId,
      @QueryParam("contactId") Long contactId,
      @QueryParam("ownerId") Long ownerId,
      @QueryParam("kind") String kind,
      @QueryParam("openTasks") boolean openTasks) {
    scopes.require("activities:read");
    StringBuilder where = new StringBuilder("true");
    Map<String, Object> params = new HashMap<>();
    ApiPaging.filter(where, params, "lead", leadId);
    ApiPaging.filter(where, params, "deal", dealId);
    ApiPaging.filter(where, params, "contact", contactId);
    ApiPaging.filter(where, params, "owner", ownerId);
    if (kind != null) {
      try {
        params.put("kind", Activity.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ApiProblem(
            400, "Bad filter", "kind is call, email, meeting, note or task.", Map.of("kind", kind));
      }
      where.append(" and r.kind = :kind");
    }
    if (openTasks) {
      where.append(" and r.kind = :task and r.doneAt is null");
      params.put("task", Activity.Kind.TASK);
    }
    ApiPaging.Slice<Activity> page =
        ApiPaging.page(
            Activity.class,
            "join fetch r.owner",
            where.toString(),
            params,
            ApiPaging.after(after),
            ApiPaging.limit(limit),
            ApiPaging.newestFirst(sort),
            a -> a.id);
    return new Page(page.rows().stream().map(ApiActivityView::of).toList(), page.next());
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getActivity", summary = "Read an activity")
  @APIResponse(
      responseCode = "200",
      description = "The activity",
      content = @Content(schema = @Schema(implementation = ApiActivityView.class)))
  @APIResponse(responseCode = "404", description = "No such activity")
  public ApiActivityView get(@PathParam("id") long id) {
    scopes.require("activities:read");
    return ApiActivityView.of(find(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      operationId = "createActivity",
      summary = "Log an activity or schedule a task",
      description =
          "Fields kind (call, email, meeting, note, task), subject (required), notes, dueAt (a"
              + " task's, required for it), one of leadId, dealId, contactId, and ownerId (a member"
              + " in sales; the record's owner if left out). Checked as the record page's form"
              + " checks it. Send an Idempotency-Key to make retries safe. A client needs"
              + " activities:write.")
  @APIResponse(
      responseCode = "201",
      description = "Logged; Location names it",
      content = @Content(schema = @Schema(implementation = ApiActivityView.class)))
  @APIResponse(
      responseCode = "422",
      description = "A field is wrong (named in errors); nothing is saved",
      content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiBodies.ActivityCreate.class)))
  public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    scopes.require("activities:write");
    scopes.requireClient("activities");
    return idempotency.create(
        "activity",
        id -> "/api/activities/" + id,
        idempotencyKey,
        body,
        () -> creation.create(ApiBody.parse(json, body)),
        id -> ApiActivityView.of(Activity.findById(id)));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Transactional
  @Operation(
      operationId = "updateActivity",
      summary = "Mark a task done or open again",
      description =
          "`{\"done\": true}` marks it done (once: the first time stays), false opens it.")
  @APIResponse(
      responseCode = "200",
      description = "The task",
      content = @Content(schema = @Schema(implementation = ApiActivityView.class)))
  @APIResponse(responseCode = "422", description = "Not a task, or done is not true or false")
  @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApiBodies.TaskChange.class)))
  public ApiActivityView patch(@PathParam("id") long id, String body) {
    scopes.require("activities:write");
    scopes.requireClient("activities");
    Activity a = find(id);
    var b = ApiBody.parse(json, body);
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    b.fieldNames()
        .forEachRemaining(
            f -> {
              if (!f.equals("done")) {
                errors.put(f, "unknown field");
              }
            });
    if (!b.path("done").isBoolean()) {
      errors.putIfAbsent("done", "true or false");
    } else if (!a.isTask()) {
      errors.put("done", "only a task is done or open");
    }
    ApiBody.refuseIfAny("task", errors);
    if (b.get("done").booleanValue()) {
      a.complete(clock.instant());
    } else {
      a.reopen();
    }
    return ApiActivityView.of(a);
  }

  private Activity find(long id) {
    Activity a = Activity.findById(id);
    if (a == null) {
      throw new ApiProblem(404, "Not found", "No activity has this id.", Map.of());
    }
    return a;
  }
}
