package io.loopcrm.campaign;

import io.loopcrm.audit.Audited;
import io.loopcrm.funnel.LowerCaseEnumConverter;
import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A campaign that operations designs; its objective is one AARRR stage. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntity implements Audited {
  /** The channels' codes a campaign (or one of its costs) runs on ({@link Channel}). */
  public static final List<String> CHANNELS = Channel.CODES;

  /** The AARRR stage a campaign aims at. */
  public enum Objective {
    ACQUISITION,
    ACTIVATION,
    RETENTION,
    REVENUE,
    REFERRAL
  }

  /**
   * Lifecycle of a campaign: capture (tracking clicks, forms, referrals) works only while active; a
   * completed campaign is read-only.
   */
  public enum Status {
    DRAFT,
    SCHEDULED,
    ACTIVE,
    PAUSED,
    COMPLETED;

    /** The statuses this one may move to. */
    public java.util.Set<Status> next() {
      return switch (this) {
        case DRAFT -> java.util.EnumSet.of(SCHEDULED, ACTIVE);
        case SCHEDULED -> java.util.EnumSet.of(DRAFT, ACTIVE);
        case ACTIVE -> java.util.EnumSet.of(PAUSED, COMPLETED);
        case PAUSED -> java.util.EnumSet.of(ACTIVE, COMPLETED);
        case COMPLETED -> java.util.EnumSet.noneOf(Status.class);
      };
    }

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String labelKey() {
      return "campaign_status_" + code();
    }

    /** Message key of the button that moves a campaign to this status. */
    public String toKey() {
      return "campaign_to_" + code();
    }

    public String badgeClass() {
      return switch (this) {
        case DRAFT -> "text-bg-light border";
        case SCHEDULED -> "text-bg-info";
        case ACTIVE -> "text-bg-success";
        case PAUSED -> "text-bg-warning";
        case COMPLETED -> "text-bg-secondary";
      };
    }

    public static Status fromCode(String code) {
      for (Status s : values()) {
        if (s.code().equals(code)) {
          return s;
        }
      }
      return null;
    }
  }

  @Column(nullable = false, length = 200)
  public String name;

  @Convert(converter = ObjectiveColumn.class)
  @Column(nullable = false)
  public Objective objective = Objective.ACQUISITION;

  @Convert(converter = Channel.Column.class)
  @Column(nullable = false, length = 40)
  public Channel channel;

  @Convert(converter = StatusColumn.class)
  @Column(nullable = false)
  public Status status = Status.DRAFT;

  public LocalDate startsOn;
  public LocalDate endsOn;
  public BigDecimal budget;

  @Column(nullable = false, length = 3)
  public String currency = "USD";

  @ManyToOne(fetch = FetchType.LAZY)
  public Member owner;

  @ManyToOne(fetch = FetchType.LAZY)
  public Campaign parent;

  public String targetRegion;
  public String targetIndustry;
  public String targetCompanySize;

  public Integer goalLeads;
  public Integer goalActivated;
  public Integer goalRetained;
  public BigDecimal goalRevenue;
  public Integer goalReferrals;

  public java.time.Instant updatedAt = java.time.Instant.now();

  @Column(updatable = false)
  public java.time.Instant createdAt = java.time.Instant.now();

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  public boolean isReadOnly() {
    return status == Status.COMPLETED;
  }

  /** The audience the campaign reaches (its members), by id: audiences are filters over leads. */
  @Column(name = "audience_id")
  public Long audienceId;

  @Version public long version;

  /** Which fields its hosted form shows and requires ({@link FormFields}); null: the default. */
  @Column(name = "form_fields")
  public String formFields;

  public FormFields fields() {
    return FormFields.parse(formFields);
  }

  /** The code of the campaign's split link {@code /t/c/{code}}; given once, never changed. */
  @Column(nullable = false, unique = true, updatable = false, length = 32)
  public String code;

  @jakarta.persistence.PrePersist
  void giveCode() {
    if (code == null) {
      code = newCode();
    }
  }

  static class ObjectiveColumn extends LowerCaseEnumConverter<Objective> {
    ObjectiveColumn() {
      super(Objective.class);
    }
  }

  static class StatusColumn extends LowerCaseEnumConverter<Status> {
    StatusColumn() {
      super(Status.class);
    }
  }

  public String objectiveCode() {
    return objective.name().toLowerCase(java.util.Locale.ROOT);
  }

  public String objectiveKey() {
    return "campaign_objective_" + objectiveCode();
  }

  public static List<Campaign> listByName() {
    return list("order by name");
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  /** A short, unguessable code for a variant's tracking link or a campaign's referral link. */
  /** What a name without a letter or digit of the Latin alphabet becomes in {@link #utmName}. */
  public static final String UTM_FALLBACK = "campaign";

  /**
   * Saves a new campaign as a draft with its first variant, "A", so that its link and form exist at
   * once.
   */
  public void persistAsDraft() {
    status = Status.DRAFT;
    persist();
    CampaignVariant a = new CampaignVariant();
    a.campaign = this;
    a.name = "A";
    a.trackingCode = newCode();
    a.persist();
  }

  /**
   * Moves the campaign along its lifecycle when it may go there: null when it moved, else the
   * message key of why not (not a next step of its status; active without a variant).
   */
  public String moveTo(Status next, java.time.Instant now) {
    if (next == null || !status.next().contains(next)) {
      return "campaign_error_transition";
    }
    if (next == Status.ACTIVE && CampaignVariant.count("campaign.id", id) == 0) {
      return "campaign_error_no_variant";
    }
    status = next;
    updatedAt = now;
    return null;
  }

  /**
   * The campaign's name as tracking links write it into {@code utm_campaign}: lower case, runs of
   * other characters as one hyphen, at most 60 characters ({@link #UTM_FALLBACK} when nothing is
   * left). Imports match an exported UTM campaign back to its campaign by it.
   */
  public static String utmName(String name) {
    String s =
        name.toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", "");
    return s.isEmpty() ? UTM_FALLBACK : s.length() > 60 ? s.substring(0, 60) : s;
  }

  public static String newCode() {
    StringBuilder s = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      s.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return s.toString();
  }
}
