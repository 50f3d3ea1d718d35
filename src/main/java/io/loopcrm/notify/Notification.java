package io.loopcrm.notify;

import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * What a person is told: a lead handed to them (one by one, or an import's count), a lead still
 * waiting past the first-response target, a task due, a reply on a record of theirs. Written by the
 * database triggers and the reminders in the transaction of their cause; read on the notifications
 * page and counted by the bell.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Member member;

  /** lead_assigned, import_summary, response_overdue, task_due, reply_received. */
  public String kind;

  @ManyToOne(fetch = FetchType.LAZY)
  public Lead lead;

  public Long activityId;
  public Long importJobId;
  public int count;
  public Instant createdAt;
  public Instant readAt;
  public String mailState;

  /** The message key of what it says ({@code eml} bundle). */
  public String getTextKey() {
    return "notify_" + kind;
  }

  public boolean isUnread() {
    return readAt == null;
  }

  /** The newest 50 of {@code member}'s, with their leads: one statement. */
  public static List<Notification> newestOf(Member member) {
    return find(
            "from Notification n left join fetch n.lead where n.member = ?1 order by n.id desc",
            member)
        .page(0, 50)
        .list();
  }

  /** How many of {@code memberId}'s are unread: one indexed count. */
  public static long unreadOf(long memberId) {
    return count("member.id = ?1 and readAt is null", memberId);
  }
}
