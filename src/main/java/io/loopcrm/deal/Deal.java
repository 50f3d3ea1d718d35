package io.loopcrm.deal;

import io.loopcrm.audit.Audited;
import io.loopcrm.common.NotFound;
import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.funnel.LowerCaseEnumConverter;
import io.loopcrm.funnel.Touch;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.people.Viewer;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Converter;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.hibernate.annotations.Immutable;

/**
 * An opportunity in the pipeline. Sales owns amount, stage and lost reason; the attribution
 * snapshots are copied from the lead at conversion and never change afterwards.
 */
@Entity
@Table(name = "deal")
public class Deal extends PanacheEntity implements Audited {
  /** Open while in the pipeline; won or lost once closed. */
  public enum Status {
    OPEN,
    WON,
    LOST;

    /** Database column mapping. */
    @Converter(autoApply = true)
    public static class Column extends LowerCaseEnumConverter<Status> {
      public Column() {
        super(Status.class);
      }
    }
  }

  @Column(nullable = false)
  public String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Account account;

  @ManyToOne(fetch = FetchType.LAZY)
  public Contact contact;

  @ManyToOne(fetch = FetchType.LAZY)
  public Lead lead;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Member owner;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public PipelineStage stage;

  @Column(nullable = false)
  public Status status = Status.OPEN;

  public BigDecimal amount;

  @Column(nullable = false, length = 3)
  public String currency = "USD";

  @Column(nullable = false)
  public int probability;

  public boolean probabilityManual;
  public LocalDate expectedClose;
  public Instant closedAt;
  public String lostReason;
  public String competitor;
  public String nextStep;

  @Column(nullable = false)
  public Instant stageEnteredAt = Instant.now();

  @Embedded
  @EmbeddedColumnNaming("first_touch_%s")
  @Immutable
  public Touch firstTouch;

  @Embedded
  @EmbeddedColumnNaming("last_touch_%s")
  @Immutable
  public Touch lastTouch;

  @Embedded
  @EmbeddedColumnNaming("conversion_touch_%s")
  @Immutable
  public Touch conversionTouch;

  @Column(nullable = false, updatable = false)
  public Instant createdAt = Instant.now();

  @Column(nullable = false)
  public Instant updatedAt = Instant.now();

  @Version public long version;

  @PreUpdate
  void touchUpdatedAt() {
    updatedAt = Instant.now();
  }

  /** The deal with its owner, stage and account, if {@code viewer} may see it; otherwise 404. */
  public static Deal findVisible(long id, Viewer viewer) {
    return Deal.<Deal>find(
            "from Deal d join fetch d.owner join fetch d.stage join fetch d.account left join fetch d.contact where d.id = ?1",
            id)
        .firstResultOptional()
        .filter(d -> viewer.sees(d.owner))
        .orElseThrow(NotFound::new);
  }

  /** The deal, if {@code viewer} may change it; otherwise 404 (see {@link #findVisible}). */
  public static Deal findEditable(long id, Viewer viewer) {
    Deal deal = findVisible(id, viewer);
    if (!viewer.edits(deal.owner)) {
      throw new NotFound();
    }
    return deal;
  }

  /** The longest competitor name a lost deal keeps (the column holds 120). */
  public static final int COMPETITOR_MAX = 100;

  /**
   * Moves the deal to {@code target}, recording the change. Archived stages take no deals; won
   * needs an amount and a close date; lost needs a reason.
   */
  public void moveTo(
      PipelineStage target, Member by, Instant now, String reason, String competitor) {
    if (target.archived && !Objects.equals(stage.id, target.id)) {
      throw new DealRuleViolation("stage", "deal_error_stage_archived");
    }
    if (target.isLost() && competitor != null && competitor.trim().length() > COMPETITOR_MAX) {
      throw new DealRuleViolation("competitor", "error_too_long_100");
    }
    if (target.isWon()) {
      if (amount == null || amount.signum() <= 0) {
        throw new DealRuleViolation("amount", "deal_error_won_needs_amount");
      }
      if (expectedClose == null) {
        throw new DealRuleViolation("expectedClose", "deal_error_won_needs_close_date");
      }
    }
    if (target.isLost() && reason == null) {
      throw new DealRuleViolation("lostReason", "deal_error_lost_needs_reason");
    }
    if (Objects.equals(stage.id, target.id)) {
      return;
    }
    StageChange change = new StageChange();
    change.deal = this;
    change.fromStage = stage;
    change.toStage = target;
    change.changedBy = by;
    change.changedAt = now;
    change.persist();
    record("stage", stage.name, target.name, by, now);

    stage = target;
    stageEnteredAt = now;
    if (!probabilityManual) {
      probability = target.probability;
    }
    status = target.isWon() ? Status.WON : target.isLost() ? Status.LOST : Status.OPEN;
    closedAt = target.isOpen() ? null : now;
    lostReason = target.isLost() ? reason : null;
    this.competitor =
        target.isLost()
            ? blankToNull(competitor == null ? null : competitor.trim())
            : this.competitor;
  }

  /** The longest name and next step a deal keeps. */
  public static final int NAME_MAX = 200;

  public static final int NEXT_STEP_MAX = 300;

  /**
   * Changes the sales fields, each change in the deal's history: the page's edit and the API's. A
   * null {@code probability} is the stage's (and follows the stage from then on); a number is the
   * rep's own.
   */
  public void edit(
      String newName,
      BigDecimal newAmount,
      String newCurrency,
      LocalDate newClose,
      Integer newProbability,
      String newNextStep,
      Member by,
      Instant now) {
    record("name", name, newName, by, now);
    record("amount", plain(amount), plain(newAmount), by, now);
    record("currency", currency, newCurrency, by, now);
    record("expectedClose", expectedClose, newClose, by, now);
    record("nextStep", nextStep, newNextStep, by, now);
    int p = newProbability == null ? stage.probability : newProbability;
    record("probability", probability, p, by, now);
    if (newProbability == null) {
      probabilityManual = false;
    } else if (newProbability != probability) {
      probabilityManual = true;
    }
    name = newName;
    amount = newAmount;
    currency = newCurrency;
    expectedClose = newClose;
    nextStep = newNextStep;
    probability = p;
  }

  /** An amount as the history writes it: without trailing zeros. */
  public static String plain(BigDecimal amount) {
    return amount == null ? null : amount.stripTrailingZeros().toPlainString();
  }

  /** Records a changed field in the deal's history, when it really changed. */
  public void record(String field, Object oldValue, Object newValue, Member by, Instant now) {
    String before = oldValue == null ? null : oldValue.toString();
    String after = newValue == null ? null : newValue.toString();
    if (Objects.equals(before, after)) {
      return;
    }
    DealChange change = new DealChange();
    change.deal = this;
    change.field = field;
    change.oldValue = before;
    change.newValue = after;
    change.changedBy = by;
    change.changedAt = now;
    change.persist();
  }

  public String getStatusKey() {
    return "deal_status_" + status.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Amount times probability: what the deal adds to a forecast. */
  public BigDecimal weightedAmount() {
    return amount == null
        ? BigDecimal.ZERO
        : amount.multiply(BigDecimal.valueOf(probability)).movePointLeft(2);
  }

  public boolean isOpen() {
    return status == Status.OPEN;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
