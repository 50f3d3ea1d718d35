package io.loopcrm.lead;

import io.loopcrm.audit.Audited;
import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.common.NotFound;
import io.loopcrm.funnel.Touch;
import io.loopcrm.people.Member;
import io.loopcrm.people.Viewer;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.annotations.EmbeddedColumnNaming;

/** A person (and their company) who may become a customer, with where they came from. */
@Entity
@Table(name = "lead")
// only the changed columns: a save never writes back a score rescored meanwhile
@org.hibernate.annotations.DynamicUpdate
public class Lead extends PanacheEntity implements Audited {
  public String firstName;

  @Column(nullable = false)
  public String lastName;

  public String company;
  public String title;
  public String email;
  public String emailNormalized;
  public String phone;
  public String phoneNormalized;
  public String region;
  public String segment;
  public String industry;
  public String companySize;

  @Column(nullable = false)
  public String source = "manual";

  public String utmSource;
  public String utmMedium;
  public String utmCampaign;
  public String utmContent;
  public String utmTerm;

  @ManyToOne(fetch = FetchType.LAZY)
  public Campaign campaign;

  @ManyToOne(fetch = FetchType.LAZY)
  public CampaignVariant variant;

  @Column(nullable = false)
  public LeadStatus status = LeadStatus.NEW;

  public String rejectReason;
  public Short quality;

  @ManyToOne(fetch = FetchType.LAZY)
  public Member owner;

  public Instant assignedAt;
  public Instant firstResponseAt;
  public int score;

  /**
   * How the person first reached us. Set once, when the lead first gets a touch: at its capture, or
   * at the first campaign form or API call of a lead that was typed in or imported without one.
   */
  @Embedded
  @EmbeddedColumnNaming("first_touch_%s")
  public Touch firstTouch;

  @Embedded
  @EmbeddedColumnNaming("last_touch_%s")
  public Touch lastTouch;

  public Long convertedDealId;

  /** The customer whose referral link brought the lead, if any. */
  @ManyToOne(fetch = FetchType.LAZY)
  @jakarta.persistence.JoinColumn(name = "referrer_contact_id")
  public io.loopcrm.customer.Contact referrerContact;

  /** The anonymous visitor (tracking cookie) the lead came from, when captured by a form. */
  public java.util.UUID visitorId;

  /**
   * The journey: the distinct campaign and variant touches in the order they first happened
   * (tracked clicks, form submissions), same positions in both lists; linear attribution shares the
   * lead among them (V11). Written by the capture; empty for imported leads.
   */
  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
  @Column(name = "journey_campaign_ids")
  public java.util.List<Long> journeyCampaignIds;

  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
  @Column(name = "journey_variant_ids")
  public java.util.List<Long> journeyVariantIds;

  /** Why routing sent the lead where it is, and the rule that did (its id, gone with the rule). */
  @jakarta.persistence.Embedded public RoutingNote routingNote;

  public Long routingRuleId;

  /** Why the lead has its score: one line per reason (attribute, value or count, points). */
  public String scoreReasons;

  @Column(nullable = false, updatable = false)
  public Instant createdAt = Instant.now();

  @Column(nullable = false)
  public Instant updatedAt = Instant.now();

  @Version public long version;

  @PreUpdate
  void touchUpdatedAt() {
    updatedAt = Instant.now();
  }

  /**
   * The lead with its owner, if {@code viewer} may see it; otherwise 404, so its existence does not
   * leak.
   */
  public static Lead findVisible(long id, Viewer viewer) {
    Optional<Lead> lead =
        find(
                "from Lead l left join fetch l.owner o left join fetch l.campaign left join fetch l.variant where l.id = ?1",
                id)
            .firstResultOptional();
    return lead.filter(l -> viewer.sees(l.owner)).orElseThrow(NotFound::new);
  }

  /** The lead, if {@code viewer} may change it; otherwise 404 (see {@link #findVisible}). */
  public static Lead findEditable(long id, Viewer viewer) {
    Lead lead = findVisible(id, viewer);
    if (!viewer.edits(lead.owner)) {
      throw new NotFound();
    }
    return lead;
  }

  /**
   * Whether operations may give this lead to a rep or route it again: a queue lead, or with {@code
   * takeOver} a lead a rep works; never a converted or rejected one.
   */
  public boolean movableByOperations(boolean takeOver) {
    if (status == LeadStatus.CONVERTED || status == LeadStatus.REJECTED) {
      return false;
    }
    return owner == null || takeOver;
  }

  public String getName() {
    return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
  }

  /** Accepts a newly assigned lead, with the rep's rating of its quality. */
  public void accept(int rating, Instant now) {
    moveTo(LeadStatus.ACCEPTED);
    quality = (short) rating;
    rejectReason = null;
    respondedAt(now);
  }

  /** Rejects a newly assigned lead with a reason and a quality rating. */
  public void reject(String reason, int rating, Instant now) {
    moveTo(LeadStatus.REJECTED);
    rejectReason = reason;
    quality = (short) rating;
    respondedAt(now);
  }

  /** Moves to another status the rules allow, or fails with {@link IllegalLeadMove}. */
  public void moveTo(LeadStatus next) {
    if (!status.canMoveTo(next)) {
      throw new IllegalLeadMove(status, next);
    }
    status = next;
  }

  /**
   * A call, e-mail, meeting or note logged on a lead waiting for its first response counts as that
   * response (a scheduled task does not).
   */
  public void contacted(boolean isTask, Instant now) {
    if (!isTask && status.awaitsResponse()) {
      respondedAt(now);
    }
  }

  private void respondedAt(Instant now) {
    if (firstResponseAt == null) {
      firstResponseAt = now;
    }
  }

  /** Time from assignment to the first response, or until {@code now} while it is still waiting. */
  public Duration responseTime(Instant now) {
    Instant start = assignedAt != null ? assignedAt : createdAt;
    return Duration.between(start, firstResponseAt != null ? firstResponseAt : now);
  }

  /** The company size buckets every form, import and rule uses. */
  public static final java.util.List<String> COMPANY_SIZES =
      java.util.List.of("1-10", "11-50", "51-200", "201-1000", "1000+");

  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

  /** Whether {@code email} looks like an e-mail address (trimmed, at most 254 characters). */
  public static boolean isEmail(String email) {
    return email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches();
  }

  public static String normalizeEmail(String email) {
    return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  public static String normalizePhone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9+]", "");
    return digits.isEmpty() ? null : digits;
  }

  /** A status move the lead's rules do not allow. */
  public static class IllegalLeadMove extends RuntimeException {
    public IllegalLeadMove(LeadStatus from, LeadStatus to) {
      super("a lead cannot move from " + from + " to " + to);
    }
  }

  /**
   * How many leads of {@code owner} wait for a first response, counted up to {@code cap} (one
   * indexed scan that stops there: a rep with a million waiting is shown "cap+").
   */
  public static long countWaiting(Member owner, int cap) {
    return ((Number)
            getEntityManager()
                .createNativeQuery(
                    "select count(*) from (select 1 from lead where owner_id = :owner"
                        + " and status in ('new', 'assigned') limit :cap) w")
                .setParameter("owner", owner.id)
                .setParameter("cap", cap)
                .getSingleResult())
        .longValue();
  }

  /**
   * Hands the lead to {@code to}, as {@code by} decided (a manager, operations): the routing note
   * says from whom and by whom, so the page names its new owner and who moved it; a lead still
   * waiting for its first response starts the clock for its new owner, and a new one is assigned;
   * the rule that placed it no longer does. False (nothing changed) when {@code to} has it already.
   * Its open tasks follow it: {@code activity.Activity#moveOpenTasks}.
   */
  public boolean handOver(Member to, String by, java.time.Instant now) {
    if (owner != null && owner.id.equals(to.id)) {
      return false;
    }
    routingNote =
        owner == null ? RoutingNote.assigned(by) : RoutingNote.takenOver(owner.displayName, by);
    owner = to;
    routingRuleId = null;
    if (status.awaitsResponse()) {
      assignedAt = now;
    }
    if (status == LeadStatus.NEW) {
      status = LeadStatus.ASSIGNED;
    }
    return true;
  }
}
