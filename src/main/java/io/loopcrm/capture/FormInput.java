package io.loopcrm.capture;

import io.loopcrm.campaign.FormFields;
import io.loopcrm.customer.Contact;
import io.loopcrm.lead.Lead;
import io.loopcrm.web.FormErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The public form as a visitor sent it: their answers, the hidden honeypot, the campaign's UTM
 * values, a referral code and the visitor id. {@link #errors} checks the answers (every field has a
 * size limit; an e-mail or a phone is needed) and keeps them, clipped, to show the form again.
 */
public class FormInput {
  static final List<String> COMPANY_SIZES = Lead.COMPANY_SIZES;
  private static final int UTM_MAX = 200;

  @RestForm public String firstName;
  @RestForm public String lastName;
  @RestForm public String email;
  @RestForm public String phone;
  @RestForm public String company;
  @RestForm public String title;
  @RestForm public String region;
  @RestForm public String companySize;
  @RestForm public String segment;

  /** The honeypot: hidden from people, filled by bots. */
  @RestForm public String website;

  @RestForm("utm_source")
  public String utmSource;

  @RestForm("utm_medium")
  public String utmMedium;

  @RestForm("utm_campaign")
  public String utmCampaign;

  @RestForm("utm_content")
  public String utmContent;

  @RestForm("utm_term")
  public String utmTerm;

  @RestForm public String ref;

  /** The visitor id a form embedded in another site was given by its snippet. */
  @RestForm(Visitor.COOKIE)
  public String visitorField;

  @RestCookie(Visitor.COOKIE)
  public String visitorCookie;

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> clean = new HashMap<>();
  private Long referrer;

  /** Whether a bot filled the field people cannot see. */
  boolean isBot() {
    return website != null && !website.isBlank();
  }

  /** What is wrong with the answers with the default fields (tests of the form alone). */
  FormErrors errors() {
    return errors(FormFields.DEFAULT);
  }

  /**
   * What is wrong with the answers to the campaign's form ({@code fields}: what it shows and
   * requires; a hidden field's answer is not taken); nothing means {@link #submission} may run.
   */
  FormErrors errors(FormFields fields) {
    FormErrors errors = new FormErrors();
    field("firstName", firstName, 100, fields, errors);
    field("lastName", lastName, 100, true, errors);
    field("email", email, 254, false, errors);
    field("phone", phone, 50, fields, errors);
    field("company", company, 200, fields, errors);
    field("title", title, 200, fields, errors);
    field("region", region, 60, fields, errors);
    field("companySize", companySize, 20, fields, errors);
    field("segment", segment, 60, fields, errors);
    values.putAll(utm(utmSource, utmMedium, utmCampaign, utmContent, utmTerm));
    referrer = referrer(ref);
    values.put("ref", referrer == null ? "" : ref);
    UUID known = visitor();
    values.put(Visitor.COOKIE, known == null ? "" : known.toString());
    String mail = clean.get("email");
    String tel = clean.get("phone");
    if (mail == null && tel == null && !errors.has("email") && !errors.has("phone")) {
      errors.add("email", "form_error_contact");
    }
    if (mail != null && !Lead.isEmail(mail)) {
      errors.add("email", "error_email");
    }
    if (tel != null && tel.replaceAll("[^0-9]", "").length() < 6) {
      errors.add("phone", "form_error_phone");
    }
    String size = clean.get("companySize");
    if (size != null && !COMPANY_SIZES.contains(size)) {
      errors.add("companySize", "form_error_company_size");
    }
    return errors;
  }

  /** The answers, clipped to their limits, to show the form again; after {@link #errors}. */
  Map<String, String> values() {
    return values;
  }

  /** The visitor known from our cookie, else from the embedding snippet; null if neither. */
  UUID visitor() {
    UUID known = Visitor.of(visitorCookie);
    return known == null ? Visitor.of(visitorField) : known;
  }

  /** The customer who referred this visitor, if the referral code is theirs. */
  Long referrer() {
    return referrer;
  }

  /** The lead to capture; call after {@link #errors} found nothing. */
  LeadCapture.Submission submission() {
    return new LeadCapture.Submission(
        clean.get("firstName"),
        clean.get("lastName"),
        clean.get("email"),
        clean.get("phone"),
        clean.get("company"),
        clean.get("title"),
        clean.get("region"),
        clean.get("segment"),
        null,
        clean.get("companySize"),
        referrer == null ? "web_form" : "referral",
        values.get("utm_source"),
        values.get("utm_medium"),
        values.get("utm_campaign"),
        values.get("utm_content"),
        values.get("utm_term"));
  }

  /** The UTM values a form carries on, trimmed and clipped. */
  static Map<String, String> utm(
      String source, String medium, String campaign, String content, String term) {
    Map<String, String> m = new HashMap<>();
    m.put("utm_source", clip(source));
    m.put("utm_medium", clip(medium));
    m.put("utm_campaign", clip(campaign));
    m.put("utm_content", clip(content));
    m.put("utm_term", clip(term));
    return m;
  }

  /** Whether a referral code has the shape ours have. */
  static boolean isReferralCode(String code) {
    return code != null && code.matches("[a-z0-9]{6,32}");
  }

  private void field(String name, String raw, int max, FormFields fields, FormErrors errors) {
    if (fields.shows(name)) {
      field(name, raw, max, fields.requires(name), errors);
    }
  }

  private void field(String name, String raw, int max, boolean required, FormErrors errors) {
    String v = raw == null ? "" : raw.trim();
    values.put(name, v.length() > max ? v.substring(0, max) : v);
    if (v.isEmpty()) {
      if (required) {
        errors.add(name, "error_required");
      }
    } else if (v.length() > max) {
      errors.add(name, "form_error_too_long");
    } else {
      clean.put(name, v);
    }
  }

  private static Long referrer(String ref) {
    if (!isReferralCode(ref)) {
      return null;
    }
    return Contact.<Contact>find("referralCode", ref)
        .firstResultOptional()
        .map(c -> c.id)
        .orElse(null);
  }

  private static String clip(String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    String v = value.trim();
    return v.length() > UTM_MAX ? v.substring(0, UTM_MAX) : v;
  }
}
