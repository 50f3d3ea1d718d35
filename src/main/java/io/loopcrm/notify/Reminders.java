package io.loopcrm.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;

/**
 * Once a minute: a lead still waiting for its first response when the first-response target has
 * passed reminds its rep and the rep's team manager, once; a task that has fallen due reminds its
 * owner, once. Each is two statements in one transaction (the notifications, and the mark that they
 * went out), taking at most a thousand at a time, on indexes that hold only what waits.
 */
@ApplicationScoped
public class Reminders {
  static final int AT_ONCE = 1000;

  @Inject EntityManager em;
  @Inject Clock clock;

  @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    remindNow();
  }

  /** Sends the reminders due now; how many records were reminded of. */
  public int remindNow() {
    Instant now = Instant.now(clock);
    return QuarkusTransaction.requiringNew().call(() -> overdueLeads(now) + dueTasks(now));
  }

  private int overdueLeads(Instant now) {
    return em.createNativeQuery(
            "with due as ("
                + " select l.id, l.owner_id, t.manager_id from lead l"
                + " join member m on m.id = l.owner_id left join team t on t.id = m.team_id"
                + " where l.first_response_at is null and l.response_reminded_at is null"
                + " and l.status in ('new', 'assigned') and l.owner_id is not null"
                + " and l.assigned_at < cast(:now as timestamptz) - make_interval(mins =>"
                + "   (select first_response_minutes from report_setting where id = 1))"
                + " order by l.assigned_at limit :n for update of l skip locked),"
                + " told as (insert into notification (member_id, kind, lead_id, mail_state)"
                + "   select who, 'response_overdue', id, notify_mail_state(who) from ("
                + "     select id, owner_id as who from due"
                + "     union select id, manager_id from due"
                + "       where manager_id is not null and manager_id <> owner_id) r)"
                + " update lead set response_reminded_at = :now where id in (select id from due)")
        .setParameter("now", now)
        .setParameter("n", AT_ONCE)
        .executeUpdate();
  }

  private int dueTasks(Instant now) {
    return em.createNativeQuery(
            "with due as ("
                + " select a.id, a.owner_id, a.lead_id from activity a"
                + " where a.kind = 'task' and a.done_at is null and a.due_reminded_at is null"
                + " and a.due_at <= cast(:now as timestamptz) order by a.due_at limit :n"
                + " for update skip locked),"
                + " told as (insert into notification (member_id, kind, lead_id, activity_id,"
                + "   mail_state) select owner_id, 'task_due', lead_id, id,"
                + "   notify_mail_state(owner_id) from due)"
                + " update activity set due_reminded_at = :now where id in (select id from due)")
        .setParameter("now", now)
        .setParameter("n", AT_ONCE)
        .executeUpdate();
  }
}
