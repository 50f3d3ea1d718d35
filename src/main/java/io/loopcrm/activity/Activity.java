package io.loopcrm.activity;

import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.funnel.LowerCaseEnumConverter;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A call, e-mail, meeting or note that happened, or a task to do, on a lead, deal or contact. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntity {
  /** What kind of activity. */
  public enum Kind {
    CALL,
    EMAIL,
    MEETING,
    NOTE,
    TASK;

    public String labelKey() {
      return "activity_kind_" + param();
    }

    public String param() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Database column mapping. */
    @Converter(autoApply = true)
    public static class Column extends LowerCaseEnumConverter<Kind> {
      public Column() {
        super(Kind.class);
      }
    }
  }

  @Column(nullable = false)
  public Kind kind;

  @Column(nullable = false)
  public String subject;

  public String notes;
  public Instant dueAt;
  public Instant doneAt;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Member owner;

  @ManyToOne(fetch = FetchType.LAZY)
  public Lead lead;

  @ManyToOne(fetch = FetchType.LAZY)
  public Deal deal;

  @ManyToOne(fetch = FetchType.LAZY)
  public Contact contact;

  /** The key of the form that created it: a double-clicked submit creates one activity. */
  @Column(updatable = false)
  public java.util.UUID formKey;

  @Column(nullable = false, updatable = false)
  public Instant createdAt = Instant.now();

  public static List<Activity> timelineOfLead(Lead lead) {
    return find(
            "from Activity a join fetch a.owner where a.lead = ?1 order by a.createdAt desc, a.id desc",
            lead)
        .list();
  }

  public static List<Activity> timelineOfDeal(Deal deal) {
    return find(
            "from Activity a join fetch a.owner where a.deal = ?1 order by a.createdAt desc, a.id desc",
            deal)
        .list();
  }

  /**
   * Open tasks of {@code owner} due before {@code until}, oldest first, with what they are about.
   */
  public static List<Activity> openTasksDueBefore(Member owner, Instant until) {
    return find(
            "from Activity a left join fetch a.lead left join fetch a.deal where a.owner = ?1 and a.kind = ?2 and a.doneAt is null and a.dueAt < ?3 order by a.dueAt",
            owner,
            Kind.TASK,
            until)
        .list();
  }

  public boolean isTask() {
    return kind == Kind.TASK;
  }

  public boolean isOverdue(Instant now) {
    return isTask() && doneAt == null && dueAt != null && dueAt.isBefore(now);
  }
}
