package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One of the user's own tasks: done and open again (from the task list, Today and every timeline:
 * htmx swaps the button, without JavaScript the form posts and comes back), edit, delete. Another
 * user's task answers 404 on every route.
 */
@Path("/sales/tasks/{id}")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesTaskResource {
  @Inject CurrentMember me;
  @Inject Pages pages;
  @Inject Clock clock;
  @Inject jakarta.validation.Validator validator;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance edit(
        Activity task, Map<String, String> values, FormErrors errors);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance edit(@PathParam("id") long id) {
    Activity task = Activity.findOwnTask(id, me.viewer());
    Map<String, String> values = new HashMap<>();
    values.put("subject", task.subject);
    values.put("notes", task.notes == null ? "" : task.notes);
    values.put(
        "due",
        task.dueAt == null
            ? ""
            : LocalDateTime.ofInstant(task.dueAt, clock.getZone())
                .withSecond(0)
                .withNano(0)
                .toString());
    return Templates.edit(task, values, FormErrors.none());
  }

  @POST
  @Transactional
  public Response save(@PathParam("id") long id, @BeanParam ActivityInput input) {
    Activity task = Activity.findOwnTask(id, me.viewer());
    // the task's page posts its subject, due date and notes; it stays a task
    input.kind = Activity.Kind.TASK.name();
    input.formKey = null;
    ActivityForm form = ActivityForm.of(input, clock.getZone(), validator);
    if (form.errors().isPresent()) {
      return pages.withStatus(422, Templates.edit(task, form.values(), form.errors()));
    }
    task.subject = form.subject();
    task.dueAt = form.due();
    task.notes = form.notes();
    return Flash.redirect(URI.create("/sales/tasks"), "success", "task_flash_saved");
  }

  @POST
  @Path("delete")
  @Transactional
  public Response delete(@PathParam("id") long id) {
    Activity.findOwnTask(id, me.viewer()).delete();
    return Flash.redirect(URI.create("/sales/tasks"), "success", "task_flash_deleted");
  }

  @POST
  @Path("done")
  @Transactional
  public Response done(
      @PathParam("id") long id, @RestForm String back, @HeaderParam("HX-Request") boolean htmx) {
    Activity task = Activity.findOwnTask(id, me.viewer());
    task.complete(Instant.now(clock));
    return answer(task, back, htmx, "task_flash_done");
  }

  @POST
  @Path("undo")
  @Transactional
  public Response undo(
      @PathParam("id") long id, @RestForm String back, @HeaderParam("HX-Request") boolean htmx) {
    Activity task = Activity.findOwnTask(id, me.viewer());
    task.reopen();
    return answer(task, back, htmx, "task_flash_undone");
  }

  private static Response answer(Activity task, String back, boolean htmx, String flash) {
    String to = safeBack(back);
    if (htmx) {
      return Response.ok(SalesTasksResource.Templates.list$toggle(task, to))
          .type(MediaType.TEXT_HTML)
          .build();
    }
    return Flash.redirect(URI.create(to), "success", flash);
  }

  /** Where to go back to: a page of the sales screens, never another site. */
  static String safeBack(String back) {
    if (back == null
        || !back.startsWith("/sales/")
        || back.contains("//")
        || back.contains("\\")
        || !back.matches("[A-Za-z0-9/_\\-?=&.#%]*")) {
      return "/sales/tasks";
    }
    return back;
  }
}
