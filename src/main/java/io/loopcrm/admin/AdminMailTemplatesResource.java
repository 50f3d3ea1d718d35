package io.loopcrm.admin;

import io.loopcrm.mail.MailTemplate;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The e-mail templates reps start from: a list with a form for a new one, and each one's edit form
 * (archiving keeps it out of the reps' choice without losing it).
 */
@Path("/admin/mail-templates")
@RolesAllowed(Roles.ADMIN)
public class AdminMailTemplatesResource {
  @Inject Pages pages;
  @Inject Validator validator;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        List<MailTemplate> templates, Map<String, String> values, FormErrors errors);

    static native TemplateInstance edit(
        MailTemplate template, Map<String, String> values, FormErrors errors);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list() {
    return Templates.list(MailTemplate.all(), Map.of("language", "en"), FormErrors.none());
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response create(@BeanParam MailTemplateInput in) {
    FormErrors errors = in.errors(validator);
    if (errors.isPresent()) {
      return pages.withStatus(422, Templates.list(MailTemplate.all(), in.values(), errors));
    }
    MailTemplate t = new MailTemplate();
    in.applyTo(t);
    t.persist();
    return Flash.redirect(
        URI.create("/admin/mail-templates"), "success", "mail_templates_flash_saved");
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance edit(@PathParam("id") long id) {
    MailTemplate t = find(id);
    return Templates.edit(t, MailTemplateInput.values(t), FormErrors.none());
  }

  @POST
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response save(@PathParam("id") long id, @BeanParam MailTemplateInput in) {
    MailTemplate t = find(id);
    FormErrors errors = in.errors(validator);
    if (errors.isPresent()) {
      return pages.withStatus(422, Templates.edit(t, in.values(), errors));
    }
    if (!String.valueOf(t.version).equals(in.version)) {
      throw new jakarta.persistence.OptimisticLockException("the template changed meanwhile");
    }
    in.applyTo(t);
    return Flash.redirect(
        URI.create("/admin/mail-templates"), "success", "mail_templates_flash_saved");
  }

  private static MailTemplate find(long id) {
    MailTemplate t = MailTemplate.findById(id);
    if (t == null) {
      throw new io.loopcrm.common.NotFound();
    }
    return t;
  }
}
