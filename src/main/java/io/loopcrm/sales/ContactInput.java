package io.loopcrm.sales;

import static io.loopcrm.web.FormText.clean;

import io.loopcrm.customer.Contact;
import io.loopcrm.lead.Lead;
import io.loopcrm.web.EmailAddress;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The contact form as posted (new and edit); lengths follow the columns. */
public class ContactInput {
  @RestForm
  @Size(max = 100, message = "error_too_long_100")
  public String firstName;

  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 100, message = "error_too_long_100")
  public String lastName;

  @RestForm
  @Size(max = 254, message = "error_email")
  @EmailAddress
  public String email;

  @RestForm
  @Size(max = 50, message = "error_too_long_50")
  public String phone;

  @RestForm
  @Size(max = 200, message = "error_too_long_200")
  public String title;

  @RestForm public String version;

  public static ContactInput of(Contact c) {
    ContactInput in = new ContactInput();
    in.firstName = c.firstName;
    in.lastName = c.lastName;
    in.email = c.email;
    in.phone = c.phone;
    in.title = c.title;
    in.version = Long.toString(c.version);
    return in;
  }

  public FormErrors errors(Validator validator) {
    return FormErrors.of(validator.validate(this));
  }

  public void applyTo(Contact c) {
    c.firstName = clean(firstName);
    c.lastName = lastName.trim();
    c.email = clean(email);
    c.emailNormalized = Lead.normalizeEmail(email);
    c.phone = clean(phone);
    c.title = clean(title);
  }

  public Map<String, String> values() {
    Map<String, String> v = new HashMap<>();
    v.put("firstName", firstName == null ? "" : firstName);
    v.put("lastName", lastName == null ? "" : lastName);
    v.put("email", email == null ? "" : email);
    v.put("phone", phone == null ? "" : phone);
    v.put("title", title == null ? "" : title);
    v.put("version", version == null ? "" : version);
    return v;
  }
}
