package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.activity.TaskList;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A user's tasks: open ones by when they are due (overdue, today, upcoming), done ones newest
 * first, filtered by what they are about and by date. One task's own routes are {@link
 * SalesTaskResource}.
 */
@Path("/sales/tasks")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesTasksResource {
  static final int PAGE = 50;

  @Inject CurrentMember me;
  @Inject Clock clock;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        TaskList.Query query,
        List<TaskList.Section> sections,
        TaskList.Page page,
        List<String> abouts,
        Instant now);

    static native TemplateInstance list$rows(
        TaskList.Query query, List<TaskList.Section> sections, TaskList.Page page, Instant now);

    static native TemplateInstance list$toggle(Activity task, String back);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @QueryParam("show") String show,
      @QueryParam("about") String about,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("after") String after,
      @HeaderParam("HX-Request") boolean htmx) {
    TaskList.Query query =
        new TaskList.Query(
            "done".equals(show),
            about != null && TaskList.ABOUT.contains(about) ? about : null,
            date(from),
            date(to),
            after);
    Instant now = Instant.now(clock);
    TaskList.Page page = TaskList.find(me.get(), query, clock.getZone(), PAGE);
    Instant endOfToday = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    List<TaskList.Section> sections =
        query.done()
            ? List.of(new TaskList.Section("tasks_done", page.tasks()))
            : TaskList.sections(page.tasks(), now, endOfToday);
    if (htmx) {
      return Templates.list$rows(query, sections, page, now);
    }
    return Templates.list(query, sections, page, TaskList.ABOUT, now);
  }

  private static LocalDate date(String text) {
    return io.loopcrm.common.Params.parseDate(text);
  }
}
