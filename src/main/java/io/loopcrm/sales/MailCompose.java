package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.activity.RecordMail;
import io.loopcrm.people.CurrentMember;
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
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writing an e-mail from a record (lead, contact, deal): the form, prefilled with the person's
 * address, a greeting and the writer's name; and the send, which queues it and puts it on the
 * record's timeline ({@link RecordMail}), or shows the form again with every field as typed and the
 * problems next to their fields.
 */
@ApplicationScoped
public class MailCompose {
  @Inject CurrentMember me;
  @Inject RecordMail mail;
  @Inject Pages pages;
  @Inject Validator validator;
  @Inject Clock clock;

  /** The record written from: its name, its page and where the form posts. */
  public record About(String name, String path, String action) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(About about, Map<String, String> values, FormErrors errors);
  }

  /** The empty form to {@code address}, greeting {@code firstName}. */
  TemplateInstance form(About about, String address, String firstName) {
    Map<String, String> v = new HashMap<>();
    v.put("to", address == null ? "" : address);
    v.put("cc", "");
    v.put("subject", "");
    String greeting = firstName == null || firstName.isBlank() ? "" : firstName + ",";
    v.put("body", greeting + "\n\n\n--\n" + me.get().displayName);
    return Templates.form(about, v, FormErrors.none());
  }

  /**
   * Sends {@code input} (the activity linked by {@code on}) and redirects to the record's timeline;
   * 422 with the form when a field is wrong, nothing queued.
   */
  Response send(About about, MailInput input, Consumer<Activity> on) {
    FormErrors errors = input.errors(validator);
    if (errors.isPresent()) {
      return pages.withStatus(422, Templates.form(about, input.values(), errors));
    }
    mail.send(me.get(), input.message(), on, Instant.now(clock));
    return Flash.redirect(URI.create(about.path() + "#timeline"), "success", "mail_flash_queued");
  }
}
