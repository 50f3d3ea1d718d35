package io.loopcrm.sales;

import io.loopcrm.activity.RecordMail;
import io.loopcrm.mail.Addresses;
import io.loopcrm.web.EmailAddresses;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * An e-mail as the compose form posts it. A subject is one line (a line break in a header would let
 * a sender add headers of their own); addresses are checked one by one.
 */
public class MailInput {
  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 2000, message = "mail_error_addresses")
  @EmailAddresses
  public String to;

  @RestForm
  @Size(max = 2000, message = "mail_error_addresses")
  @EmailAddresses
  public String cc;

  @RestForm
  @NotBlank(message = "error_required")
  @io.loopcrm.web.MailSubject
  public String subject;

  @RestForm
  @NotBlank(message = "error_required")
  @io.loopcrm.web.MailBody
  public String body;

  public FormErrors errors(Validator validator) {
    return FormErrors.of(validator.validate(this));
  }

  /** The message, once {@link #errors} found none. */
  public RecordMail.Message message() {
    return new RecordMail.Message(
        Addresses.parse(to), Addresses.parse(cc), subject.trim(), body.strip());
  }

  public Map<String, String> values() {
    Map<String, String> v = new HashMap<>();
    v.put("to", to == null ? "" : to);
    v.put("cc", cc == null ? "" : cc);
    v.put("subject", subject == null ? "" : subject);
    v.put("body", body == null ? "" : body);
    return v;
  }
}
