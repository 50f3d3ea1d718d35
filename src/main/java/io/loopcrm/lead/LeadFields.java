package io.loopcrm.lead;

import java.util.List;
import java.util.Objects;

/**
 * The person and contact fields of a lead, which sales owns: what a rep types for a new lead or
 * corrects later. Attribution (campaign, variant, UTM, touches) is never among them.
 */
public record LeadFields(
    String firstName,
    String lastName,
    String company,
    String title,
    String email,
    String phone,
    String region,
    String segment,
    String industry,
    String companySize) {

  /** The fields in form order, as their names in the audit trail and on the forms. */
  public static final List<String> NAMES =
      List.of(
          "firstName",
          "lastName",
          "company",
          "title",
          "email",
          "phone",
          "region",
          "segment",
          "industry",
          "companySize");

  /** Where a lead created by hand came from: the sources the new-lead form offers. */
  public static final List<String> HAND_SOURCES =
      List.of("phone", "walk_in", "event", "email", "partner", "other");

  public static LeadFields of(Lead lead) {
    return new LeadFields(
        lead.firstName,
        lead.lastName,
        lead.company,
        lead.title,
        lead.email,
        lead.phone,
        lead.region,
        lead.segment,
        lead.industry,
        lead.companySize);
  }

  /** Writes the fields onto {@code lead}, with the normalised e-mail and phone that dedupe uses. */
  public void applyTo(Lead lead) {
    lead.firstName = firstName;
    lead.lastName = lastName;
    lead.company = company;
    lead.title = title;
    lead.email = email;
    lead.emailNormalized = Lead.normalizeEmail(email);
    lead.phone = phone;
    lead.phoneNormalized = Lead.normalizePhone(phone);
    lead.region = region;
    lead.segment = segment;
    lead.industry = industry;
    lead.companySize = companySize;
  }

  /** The value of the field named {@code name} (one of {@link #NAMES}). */
  public String get(String name) {
    return switch (name) {
      case "firstName" -> firstName;
      case "lastName" -> lastName;
      case "company" -> company;
      case "title" -> title;
      case "email" -> email;
      case "phone" -> phone;
      case "region" -> region;
      case "segment" -> segment;
      case "industry" -> industry;
      case "companySize" -> companySize;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The names of the fields whose values differ from {@code other}'s. */
  public List<String> differencesFrom(LeadFields other) {
    return NAMES.stream().filter(n -> !Objects.equals(get(n), other.get(n))).toList();
  }
}
