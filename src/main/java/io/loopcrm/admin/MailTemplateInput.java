package io.loopcrm.admin;

import io.loopcrm.mail.MailTemplate;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** An e-mail template as the admin form posts it; the subject is one line, as a header must be. */
public class MailTemplateInput {
  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 100, message = "error_too_long_100")
  public String name;

  @RestForm
  @NotBlank(message = "error_choice")
  @Pattern(regexp = "en|zh-CN", message = "error_choice")
  public String language;

  @RestForm
  @NotBlank(message = "error_required")
  @io.loopcrm.web.MailSubject
  public String subject;

  @RestForm
  @NotBlank(message = "error_required")
  @io.loopcrm.web.MailBody
  public String body;

  @RestForm public boolean archived;

  @RestForm public String version;

  public FormErrors errors(Validator validator) {
    return FormErrors.of(validator.validate(this));
  }

  public void applyTo(MailTemplate t) {
    t.name = name.trim();
    t.language = language;
    t.subject = subject.trim();
    t.body = body.strip();
    t.archived = archived;
  }

  public static Map<String, String> values(MailTemplate t) {
    Map<String, String> v = new HashMap<>();
    v.put("name", t.name);
    v.put("language", t.language);
    v.put("subject", t.subject);
    v.put("body", t.body);
    v.put("archived", t.archived ? "true" : "");
    v.put("version", Long.toString(t.version));
    return v;
  }

  public Map<String, String> values() {
    Map<String, String> v = new HashMap<>();
    v.put("name", name == null ? "" : name);
    v.put("language", language == null ? "" : language);
    v.put("subject", subject == null ? "" : subject);
    v.put("body", body == null ? "" : body);
    v.put("archived", archived ? "true" : "");
    v.put("version", version == null ? "" : version);
    return v;
  }
}
