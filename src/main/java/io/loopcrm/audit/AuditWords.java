package io.loopcrm.audit;

import java.time.Instant;
import java.util.Set;

/**
 * The audit trail in the reader's words: a field's name from the labels, a status or kind by its
 * label, a moment in the reader's format, a member by name (AuditSearch); the machine's own fields
 * (normalised copies, internal ids) left out of what a page shows.
 */
public final class AuditWords {
  private AuditWords() {}

  /** Fields with a label ({@code audit_field_} + field in the {@code adm} bundle). */
  static final Set<String> FIELDS =
      Set.of(
          "name",
          "firstName",
          "lastName",
          "email",
          "phone",
          "company",
          "title",
          "region",
          "segment",
          "industry",
          "companySize",
          "source",
          "status",
          "owner",
          "amount",
          "currency",
          "expectedClose",
          "probability",
          "nextStep",
          "stage",
          "contact",
          "account",
          "lostReason",
          "competitor",
          "budget",
          "startsOn",
          "endsOn",
          "objective",
          "channel",
          "headline",
          "body",
          "callToAction",
          "weight",
          "landingUrl",
          "team",
          "label",
          "position",
          "kind",
          "archived",
          "rejectReason",
          "subject",
          "notes",
          "dueAt",
          "doneAt",
          "routingNote",
          "assignedAt",
          "firstResponseAt",
          "convertedDealId",
          "member",
          "domain",
          "website");

  /** Fields kept for the machine: not shown in the trail. */
  static final Set<String> HIDDEN =
      Set.of(
          "emailNormalized",
          "phoneNormalized",
          "routingRuleId",
          "journeyCampaignIds",
          "journeyVariantIds",
          "formKey",
          "visitorId",
          "mailState",
          "mailError");

  /** Fields that name a member by id. */
  static final Set<String> MEMBERS = Set.of("owner", "member", "changedBy", "createdBy", "by");

  /**
   * A value as a page shows it: a message key ({@code msgKey}, {@code lblKey}), a moment, a lead's
   * source, or text.
   */
  public record Shown(String msgKey, String lblKey, Instant at, String text, boolean source) {
    Shown(String msgKey, String lblKey, Instant at, String text) {
      this(msgKey, lblKey, at, text, false);
    }
  }

  private static final java.util.regex.Pattern INSTANT =
      java.util.regex.Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");

  static Shown shown(String field, String value) {
    if (value == null || value.equals("—")) {
      return new Shown(null, null, null, "—");
    }
    if (field.equals("source")) {
      // a lead's source: the page words it by the lead's own rule (LeadSource.key)
      return new Shown(null, null, null, value, true);
    }
    if (INSTANT.matcher(value).matches()) {
      try {
        return new Shown(null, null, Instant.parse(value), null);
      } catch (java.time.format.DateTimeParseException e) {
        return new Shown(null, null, null, value);
      }
    }
    String code = value.toLowerCase(java.util.Locale.ROOT);
    if (code.matches("[a-z_]{1,40}")) {
      switch (field) {
        case "status" -> {
          if (LEAD_STATUSES.contains(code)) {
            return new Shown("lead_status_" + code, null, null, null);
          }
          if (CAMPAIGN_STATUSES.contains(code)) {
            return new Shown(null, "campaign_status_" + code, null, null);
          }
        }
        case "stage" -> {
          if (STAGES.contains(code)) {
            return new Shown("stage_" + code, null, null, null);
          }
        }
        case "channel" -> {
          if (CHANNELS.contains(code)) {
            return new Shown(null, "channel_" + code, null, null);
          }
        }
        default -> {
          // as written
        }
      }
    }
    return new Shown(null, null, null, value);
  }

  private static final Set<String> LEAD_STATUSES =
      Set.of(
          "new",
          "assigned",
          "working",
          "accepted",
          "rejected",
          "qualified",
          "converted",
          "recycled");
  private static final Set<String> CAMPAIGN_STATUSES =
      Set.of("draft", "scheduled", "active", "paused", "completed");
  private static final Set<String> STAGES =
      Set.of("qualification", "discovery", "proposal", "negotiation", "won", "lost");
  private static final Set<String> CHANNELS =
      Set.of(
          "email",
          "search",
          "social",
          "display",
          "events",
          "referral",
          "partner",
          "content",
          "other");
}
