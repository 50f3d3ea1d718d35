package io.loopcrm.sales;

import static io.loopcrm.web.FormText.blank;
import static io.loopcrm.web.FormText.clean;

import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadFields;
import io.loopcrm.web.EmailAddress;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.PhoneNumber;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The lead form as posted (new lead for sales and operations, edit): the person and contact fields,
 * and for a new lead its source and, from a manager, its owner. Lengths follow the columns.
 */
public class LeadInput {
  @RestForm
  @Size(max = 100, message = "error_too_long_100")
  public String firstName;

  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 100, message = "error_too_long_100")
  public String lastName;

  @RestForm
  @Size(max = 200, message = "error_too_long_200")
  public String company;

  @RestForm
  @Size(max = 200, message = "error_too_long_200")
  public String title;

  @RestForm
  @Size(max = 254, message = "error_email")
  @EmailAddress
  public String email;

  @RestForm
  @Size(max = 50, message = "error_too_long_50")
  @PhoneNumber
  public String phone;

  @RestForm
  @Size(max = 60, message = "error_too_long_60")
  public String region;

  @RestForm
  @Size(max = 60, message = "error_too_long_60")
  public String segment;

  @RestForm
  @Size(max = 60, message = "error_too_long_60")
  public String industry;

  @RestForm public String companySize;
  @RestForm public String source;
  @RestForm public String owner;

  /** The lead's version when the edit form was opened. */
  @RestForm public String version;

  /** The form filled with what a lead holds now. */
  public static LeadInput of(Lead lead) {
    LeadInput in = new LeadInput();
    in.firstName = lead.firstName;
    in.lastName = lead.lastName;
    in.company = lead.company;
    in.title = lead.title;
    in.email = lead.email;
    in.phone = lead.phone;
    in.region = lead.region;
    in.segment = lead.segment;
    in.industry = lead.industry;
    in.companySize = lead.companySize;
    in.source = lead.source;
    in.owner = lead.owner == null ? null : lead.owner.id.toString();
    in.version = Long.toString(lead.version);
    return in;
  }

  /** What is wrong with the person and contact fields (and the source, when {@code isNew}). */
  public FormErrors errors(Validator validator, boolean isNew) {
    FormErrors errors = FormErrors.of(validator.validate(this));
    if (!blank(companySize) && !Lead.COMPANY_SIZES.contains(companySize)) {
      errors.add("companySize", "error_choice");
    }
    if (isNew && (source == null || !LeadFields.HAND_SOURCES.contains(source))) {
      errors.add("source", "error_choice");
    }
    return errors;
  }

  /** The fields trimmed, blanks as null; call after {@link #errors} found nothing. */
  public LeadFields fields() {
    return new LeadFields(
        clean(firstName),
        clean(lastName),
        clean(company),
        clean(title),
        clean(email),
        clean(phone),
        clean(region),
        clean(segment),
        clean(industry),
        clean(companySize));
  }

  /** The owner picked on the form, if it is a number. */
  public Long ownerId() {
    try {
      return blank(owner) ? null : Long.valueOf(owner.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** What the user typed, to show the form again. */
  public Map<String, String> values() {
    Map<String, String> v = new HashMap<>();
    put(v, "firstName", firstName);
    put(v, "lastName", lastName);
    put(v, "company", company);
    put(v, "title", title);
    put(v, "email", email);
    put(v, "phone", phone);
    put(v, "region", region);
    put(v, "segment", segment);
    put(v, "industry", industry);
    put(v, "companySize", companySize);
    put(v, "source", source);
    put(v, "owner", owner);
    put(v, "version", version);
    return v;
  }

  private static void put(Map<String, String> v, String name, String value) {
    v.put(name, value == null ? "" : value);
  }
}
