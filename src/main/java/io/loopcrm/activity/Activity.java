package io.loopcrm.activity;

import io.loopcrm.common.NotFound;
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
public class Activity extends PanacheEntity implements io.loopcrm.audit.Audited {
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

  /**
   * For an e-mail written here: queued, sent or failed (the outbox's worker keeps it); received for
   * a reply that came back. Null for an e-mail only noted by hand.
   */
  public String mailState;

  /** The addresses an e-mail went to, or the sender of one received. */
  public String mailAddress;

  /** Why an e-mail could not be sent, when it failed. */
  public String mailError;

  /** What came with a received e-mail (loaded for the timeline's entries together, by 100). */
  @jakarta.persistence.OneToMany(fetch = FetchType.LAZY)
  @jakarta.persistence.JoinColumn(name = "activity_id", insertable = false, updatable = false)
  @jakarta.persistence.OrderBy("id")
  @org.hibernate.annotations.BatchSize(size = 100)
  @org.hibernate.annotations.Immutable
  public List<io.loopcrm.mail.MailAttachment> attachments = new java.util.ArrayList<>();

  /** The message key of the e-mail's state ({@code eml} bundle), or null for other activities. */
  public String getMailStateKey() {
    return mailState == null ? null : "state_" + mailState;
  }

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

  /**
   * The deal's timeline: what happened on it and, before, on the lead it was converted from (the
   * calls and e-mails that won it).
   */
  public static List<Activity> timelineOfDeal(Deal deal) {
    return find(
            "from Activity a join fetch a.owner where a.deal = ?1 or a.lead.id = ?2"
                + " order by a.createdAt desc, a.id desc",
            deal,
            deal.lead == null ? -1L : deal.lead.id)
        .list();
  }

  /**
   * One timeline, newest first (at most 100), of what happened on any of these contacts, deals and
   * leads.
   */
  public static List<Activity> timelineOf(
      List<Long> contactIds, List<Long> dealIds, List<Long> leadIds) {
    if (contactIds.isEmpty() && dealIds.isEmpty() && leadIds.isEmpty()) {
      return List.of();
    }
    List<Long> none = List.of(-1L);
    return find(
            "from Activity a join fetch a.owner where a.contact.id in ?1 or a.deal.id in ?2"
                + " or a.lead.id in ?3 order by a.createdAt desc, a.id desc",
            contactIds.isEmpty() ? none : contactIds,
            dealIds.isEmpty() ? none : dealIds,
            leadIds.isEmpty() ? none : leadIds)
        .page(0, 100)
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

  /**
   * The task {@code viewer} owns, with what it is about; otherwise 404, so another user's task does
   * not show that it exists.
   */
  public static Activity findOwnTask(long id, io.loopcrm.people.Viewer viewer) {
    return find(
            "from Activity a left join fetch a.lead left join fetch a.deal left join fetch a.contact"
                + " where a.id = ?1 and a.kind = ?2 and a.owner.id = ?3",
            id,
            Kind.TASK,
            viewer.memberId())
        .<Activity>firstResultOptional()
        .orElseThrow(NotFound::new);
  }

  /**
   * The activity, when {@code viewer} may open the record it is on (lead, deal or contact);
   * otherwise 404.
   */
  public static Activity findVisible(long id, io.loopcrm.people.Viewer viewer) {
    Activity a = findById(id);
    if (a == null) {
      throw new NotFound();
    }
    if (a.lead != null) {
      Lead.findVisible(a.lead.id, viewer);
    } else if (a.deal != null) {
      io.loopcrm.deal.Deal.findVisible(a.deal.id, viewer);
    } else if (a.contact != null) {
      io.loopcrm.customer.Contact.findVisible(a.contact.id, viewer);
    } else if (a.owner.id != viewer.memberId()) {
      throw new NotFound();
    }
    return a;
  }

  /** Marks the task done (once: a second click keeps the first time). */
  public void complete(Instant now) {
    if (doneAt == null) {
      doneAt = now;
    }
  }

  /** Opens a done task again. */
  public void reopen() {
    doneAt = null;
  }

  /** Whether the user named {@code username} may mark this task done (their own tasks only). */
  public boolean isToggledBy(String username) {
    return isTask() && owner != null && owner.username.equals(username);
  }

  public boolean isDone() {
    return doneAt != null;
  }

  /**
   * Hands the open tasks on a lead or deal to its new owner (done ones stay with who did them);
   * {@code field} is {@code lead} or {@code deal}.
   */
  public static int moveOpenTasks(String field, Object record, Member to) {
    // loaded and changed one by one (not a bulk update), so each move is in the audit trail
    return moveTo(list(field + " = ?1 and kind = ?2 and doneAt is null", record, Kind.TASK), to);
  }

  /** The same for many leads at once (a bulk assignment): one query. */
  public static int moveOpenTasksOfLeads(List<Long> leadIds, Member to) {
    return moveTo(list("lead.id in ?1 and kind = ?2 and doneAt is null", leadIds, Kind.TASK), to);
  }

  private static int moveTo(List<Activity> tasks, Member to) {
    tasks.forEach(task -> task.owner = to);
    return tasks.size();
  }

  /** What the task is about, for a link: the deal, else the lead, else the contact. */
  public String getAboutName() {
    if (deal != null) {
      return deal.name;
    }
    if (lead != null) {
      return lead.getName();
    }
    return contact == null ? null : contact.getName();
  }

  public boolean isTask() {
    return kind == Kind.TASK;
  }

  public boolean isOverdue(Instant now) {
    return isTask() && doneAt == null && dueAt != null && dueAt.isBefore(now);
  }
}
