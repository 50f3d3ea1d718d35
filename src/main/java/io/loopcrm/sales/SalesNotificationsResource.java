package io.loopcrm.sales;

import io.loopcrm.notify.Notification;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A rep's notifications: the bell (its unread count, one indexed statement, loaded by htmx after
 * the page so no page pays for it), the list of the newest 50, opening one (read, then its lead),
 * all read, and how the rep wants to hear (in the app only, an e-mail at once, a daily digest).
 */
@Path("/sales/notifications")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesNotificationsResource {
  static final Set<String> WAYS = Set.of("inbox", "instant", "digest");

  @Inject CurrentMember me;
  @Inject Clock clock;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(List<Notification> items, String notifyBy);

    static native TemplateInstance bell(long unread);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list() {
    Member m = me.get();
    return Templates.list(Notification.newestOf(m), m.notifyBy);
  }

  @GET
  @Path("bell")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance bell() {
    return Templates.bell(Notification.unreadOf(me.get().id));
  }

  @POST
  @Path("{id}/open")
  @Transactional
  public Response open(@PathParam("id") long id) {
    Notification n = Notification.findById(id);
    if (n == null || !n.member.id.equals(me.get().id)) {
      throw new io.loopcrm.common.NotFound();
    }
    if (n.readAt == null) {
      n.readAt = Instant.now(clock);
    }
    String to = n.lead == null ? "/sales/notifications" : SalesPaths.path(n.lead);
    return Response.seeOther(URI.create(to)).build();
  }

  @POST
  @Path("read")
  @Transactional
  public Response readAll() {
    Notification.update(
        "readAt = ?1 where member.id = ?2 and readAt is null", Instant.now(clock), me.get().id);
    return Flash.redirect(URI.create("/sales/notifications"), "success", "notify_flash_read");
  }

  @POST
  @Path("preference")
  @Transactional
  public Response preference(@RestForm String notifyBy) {
    Member m = Member.findById(me.get().id);
    if (notifyBy != null && WAYS.contains(notifyBy)) {
      m.notifyBy = notifyBy;
    }
    return Flash.redirect(URI.create("/sales/notifications"), "success", "notify_flash_saved");
  }
}
