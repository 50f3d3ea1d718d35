package io.loopcrm.admin;

import io.loopcrm.common.LoopConfig;
import io.loopcrm.common.NotFound;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.loopcrm.webhook.EventType;
import io.loopcrm.webhook.WebhookEndpoint;
import io.loopcrm.webhook.WebhookLog;
import io.loopcrm.webhook.WebhookTargets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Webhooks: the endpoints other systems receive Loop's events at (a list with a form for a new
 * one), and each one's page: its settings, its secret (shown once, after it is made or rotated), a
 * test event, and the delivery log with a replay button.
 */
@Path("/admin/webhooks")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminWebhooksResource {
  @Inject Pages pages;
  @Inject WebhookTargets targets;
  @Inject CurrentMember me;
  @Inject EntityManager em;
  @Inject LoopConfig config;
  @Inject Clock clock;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        List<WebhookEndpoint> endpoints,
        List<EventType> types,
        Map<String, Object> values,
        FormErrors errors);

    static native TemplateInstance endpoint(
        WebhookEndpoint endpoint,
        String secret,
        boolean previousValid,
        List<EventType> types,
        Map<String, Object> values,
        FormErrors errors,
        WebhookLog.Page log);
  }

  @GET
  public TemplateInstance list() {
    return Templates.list(
        WebhookEndpoint.all(),
        List.of(EventType.values()),
        WebhookInput.fresh(),
        FormErrors.none());
  }

  @POST
  @Transactional
  public Response create(@BeanParam WebhookInput in) {
    FormErrors errors = in.errors(targets);
    if (errors.isPresent()) {
      return pages.withStatus(
          422,
          Templates.list(WebhookEndpoint.all(), List.of(EventType.values()), in.values(), errors));
    }
    WebhookEndpoint e = new WebhookEndpoint();
    in.applyTo(e, false);
    e.createdBy = me.get();
    e.createdAt = clock.instant();
    e.newSecret(me.get().id, clock.instant());
    e.persist();
    return Flash.redirect(path(e.id), "success", "webhook_flash_created");
  }

  @GET
  @Path("{id}")
  @Transactional
  public TemplateInstance endpoint(@PathParam("id") long id, @QueryParam("before") Long before) {
    WebhookEndpoint e = find(id);
    return page(e, WebhookInput.values(e), FormErrors.none(), before);
  }

  @POST
  @Path("{id}")
  @Transactional
  public Response save(@PathParam("id") long id, @BeanParam WebhookInput in) {
    WebhookEndpoint e = find(id);
    FormErrors errors = in.errors(targets);
    if (errors.isPresent()) {
      return pages.withStatus(422, page(e, in.values(), errors, null));
    }
    if (!String.valueOf(e.version).equals(in.version)) {
      throw new OptimisticLockException("the endpoint changed meanwhile");
    }
    in.applyTo(e, true);
    return Flash.redirect(path(id), "success", "webhook_flash_saved");
  }

  @POST
  @Path("{id}/rotate")
  @Transactional
  public Response rotate(@PathParam("id") long id) {
    find(id)
        .rotate(
            clock.instant().plus(config.webhooks().rotationOverlap()),
            me.get().id,
            clock.instant());
    return Flash.redirect(path(id), "success", "webhook_flash_rotated");
  }

  @POST
  @Path("{id}/test")
  @Transactional
  public Response test(@PathParam("id") long id) {
    WebhookLog.test(em, find(id).id, clock.instant());
    return Flash.redirect(path(id), "success", "webhook_flash_test");
  }

  @POST
  @Path("{id}/deliveries/{delivery}/replay")
  @Transactional
  public Response replay(@PathParam("id") long id, @PathParam("delivery") long delivery) {
    find(id);
    if (!WebhookLog.replay(em, id, delivery)) {
      throw new NotFound();
    }
    return Flash.redirect(path(id), "success", "webhook_flash_replayed");
  }

  @POST
  @Path("{id}/delete")
  @Transactional
  public Response delete(@PathParam("id") long id) {
    find(id).delete();
    return Flash.redirect(URI.create("/admin/webhooks"), "success", "webhook_flash_deleted");
  }

  private TemplateInstance page(
      WebhookEndpoint e, Map<String, Object> values, FormErrors errors, Long before) {
    return Templates.endpoint(
        e,
        WebhookEndpoint.reveal(e.id, me.get().id),
        e.isPreviousSecretValid(clock.instant()),
        List.of(EventType.values()),
        values,
        errors,
        WebhookLog.of(em, e.id, before));
  }

  private static URI path(long id) {
    return URI.create("/admin/webhooks/" + id);
  }

  private static WebhookEndpoint find(long id) {
    WebhookEndpoint e = WebhookEndpoint.findById(id);
    if (e == null) {
      throw new NotFound();
    }
    return e;
  }
}
