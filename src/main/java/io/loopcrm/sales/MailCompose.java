package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.activity.RecordMail;
import io.loopcrm.mail.MailTemplate;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writing an e-mail from a record (lead, contact, deal): the form, prefilled with the person's
 * address and a greeting and the writer's name, or with a template an admin keeps (its merge fields
 * filled from the record and the writer); and the send, which queues it and puts it on the record's
 * timeline ({@link RecordMail}), or shows the form again with every field as typed and the problems
 * next to their fields.
 */
@ApplicationScoped
public class MailCompose {
  @Inject CurrentMember me;
  @Inject RecordMail mail;
  @Inject Pages pages;
  @Inject Validator validator;
  @Inject Clock clock;
  @Inject io.loopcrm.web.RequestLocale lang;

  /**
   * The record written from: its name, its page and where the form posts; the person's address and
   * the merge fields' values from the record ({@code firstName}, {@code lastName}, {@code
   * company}).
   */
  public record About(
      String name, String path, String action, String address, Map<String, String> fields) {}

  /** The merge fields a record gives (blank ones empty). */
  static Map<String, String> fields(String firstName, String lastName, String company) {
    Map<String, String> f = new HashMap<>();
    f.put("firstName", firstName == null ? "" : firstName);
    f.put("lastName", lastName == null ? "" : lastName);
    f.put("company", company == null ? "" : company);
    return f;
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(
        About about,
        Map<String, String> values,
        FormErrors errors,
        List<MailTemplate> templates,
        Long chosen);
  }

  /**
   * The form to the record's person: from template {@code templateId} when one is chosen (its merge
   * fields filled), else a greeting and the writer's name.
   */
  TemplateInstance form(About about, String templateParam) {
    Long templateId = io.loopcrm.common.Params.parseLong(templateParam);
    Member by = me.get();
    Map<String, String> fields = new HashMap<>(about.fields());
    fields.put("repName", by.displayName);
    fields.put("repEmail", by.email == null ? "" : by.email);
    Map<String, String> v = new HashMap<>();
    v.put("to", about.address() == null ? "" : about.address());
    v.put("cc", "");
    MailTemplate template =
        templateId == null ? null : MailTemplate.<MailTemplate>findById(templateId);
    if (template != null && !template.archived) {
      v.put("subject", MailTemplate.fill(template.subject, fields));
      v.put("body", MailTemplate.fill(template.body, fields));
    } else {
      String first = fields.getOrDefault("firstName", "");
      v.put("subject", "");
      v.put("body", (first.isBlank() ? "" : first + ",") + "\n\n\n--\n" + by.displayName);
    }
    return Templates.form(
        about,
        v,
        FormErrors.none(),
        MailTemplate.inUse(lang.getTag()),
        template == null ? null : template.id);
  }

  /**
   * Sends {@code input} (the activity linked by {@code on}) and redirects to the record's timeline;
   * 422 with the form when a field is wrong, nothing queued.
   */
  Response send(About about, MailInput input, Consumer<Activity> on) {
    FormErrors errors = input.errors(validator);
    if (errors.isPresent()) {
      return pages.withStatus(
          422,
          Templates.form(about, input.values(), errors, MailTemplate.inUse(lang.getTag()), null));
    }
    mail.send(me.get(), input.message(), on, Instant.now(clock));
    return Flash.redirect(URI.create(about.path() + "#timeline"), "success", "mail_flash_queued");
  }
}
