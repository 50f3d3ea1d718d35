package io.loopcrm.mail;

import io.loopcrm.common.LoopConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the outbox: every {@code loop.mail.every} it claims the due messages (a batch at a time,
 * {@code for update skip locked}, so instances share the work and none sends a message another is
 * sending), sends them at once over the mailer's connection pool, and writes what became of each. A
 * message that could not be sent waits 2, 4, 8 … seconds (at most an hour) and is tried again, up
 * to {@code loop.mail.attempts} times, then it is failed and its record says why. A claim is a
 * lease of five minutes: if the instance dies while sending, another sends the message again after
 * that, with the same Message-ID (at most once more, and recognisably the same message).
 */
@ApplicationScoped
public class OutboxWorker {
  private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
  static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

  @Inject EntityManager em;
  @Inject ReactiveMailer mailer;
  @Inject LoopConfig config;

  /** A claimed row. */
  record Claimed(
      long id,
      String messageId,
      String from,
      String fromName,
      String to,
      String cc,
      String replyTo,
      String inReplyTo,
      String subject,
      String body,
      int attempts,
      Long activityId) {}

  /** What sending one message came to: null error is sent. */
  record Result(Claimed message, String error) {}

  @Scheduled(
      every = "${loop.mail.every:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    // a full batch may mean more are due: go on until a batch is not full
    for (int round = 0; round < 50; round++) {
      int sent = sendDue();
      if (sent < config.mail().batch()) {
        return;
      }
    }
  }

  /** Claims and sends one batch of due messages; how many were claimed. */
  public int sendDue() {
    List<Claimed> batch = QuarkusTransaction.requiringNew().call(this::claim);
    if (batch.isEmpty()) {
      return 0;
    }
    List<Uni<Result>> sends = new ArrayList<>();
    for (Claimed c : batch) {
      sends.add(
          mailer
              .send(mail(c))
              // a pooled connection the server has closed meanwhile answers "421" at once: the
              // message goes again on a new connection, not after a backoff
              .onFailure(OutboxWorker::connectionDropped)
              .retry()
              .atMost(1)
              .onItem()
              .transform(ignored -> new Result(c, null))
              .onFailure()
              .recoverWithItem(e -> new Result(c, reason(e))));
    }
    List<Result> results;
    try {
      results = Uni.join().all(sends).andFailFast().await().atMost(SEND_TIMEOUT);
    } catch (RuntimeException e) {
      // the batch did not finish in time: every message of it is tried again after its lease
      LOG.warnf("outbox: a batch of %d did not finish sending: %s", batch.size(), e.getMessage());
      return batch.size();
    }
    QuarkusTransaction.requiringNew().run(() -> record(results));
    return batch.size();
  }

  @SuppressWarnings("unchecked")
  private List<Claimed> claim() {
    List<Object[]> rows =
        em.createNativeQuery(
                "update outbox_message set state = 'sending', attempts = attempts + 1,"
                    + " next_attempt_at = now() + make_interval(secs => :lease)"
                    + " where id in (select id from outbox_message"
                    + " where state in ('queued', 'sending') and next_attempt_at <= now()"
                    + " order by next_attempt_at, id limit :batch for update skip locked)"
                    + " returning id, message_id, from_address, from_name, to_addresses,"
                    + " cc_addresses, reply_to, in_reply_to, subject, body_text, attempts,"
                    + " activity_id")
            .setParameter("lease", (double) config.mail().lease().toSeconds())
            .setParameter("batch", config.mail().batch())
            .getResultList();
    List<Claimed> claimed = new ArrayList<>();
    for (Object[] r : rows) {
      claimed.add(
          new Claimed(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              (String) r[7],
              (String) r[8],
              (String) r[9],
              ((Number) r[10]).intValue(),
              r[11] == null ? null : ((Number) r[11]).longValue()));
    }
    return claimed;
  }

  private void record(List<Result> results) {
    // the sent ones in two statements, whatever their number; the others one by one, with reasons
    List<Long> sent = new ArrayList<>();
    List<Long> sentActivities = new ArrayList<>();
    for (Result r : results) {
      if (r.error() == null) {
        sent.add(r.message().id());
        if (r.message().activityId() != null) {
          sentActivities.add(r.message().activityId());
        }
      } else {
        failed(r.message(), r.error());
      }
    }
    if (!sent.isEmpty()) {
      em.createNativeQuery(
              "update outbox_message set state = 'sent', sent_at = now(), last_error = null"
                  + " where id in (:ids)")
          .setParameter("ids", sent)
          .executeUpdate();
    }
    if (!sentActivities.isEmpty()) {
      em.createNativeQuery(
              "update activity set mail_state = 'sent', mail_error = null where id in (:ids)")
          .setParameter("ids", sentActivities)
          .executeUpdate();
    }
  }

  /** Whether a send failed because its connection was gone (SMTP 421, or closed under it). */
  static boolean connectionDropped(Throwable e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("421 ") || m.contains("Connection was closed") || m.contains("closed");
  }

  /** A message not sent this time: tried again after its backoff, or failed after the last try. */
  private void failed(Claimed c, String error) {
    boolean last = c.attempts() >= config.mail().attempts();
    String state = last ? "failed" : "queued";
    em.createNativeQuery(
            "update outbox_message set state = :state, last_error = :error,"
                + " next_attempt_at = now() + make_interval(secs => :wait) where id = :id")
        .setParameter("state", state)
        .setParameter("error", error)
        .setParameter("wait", (double) backoff(c.attempts()).toSeconds())
        .setParameter("id", c.id())
        .executeUpdate();
    LOG.infof("outbox: message %d not sent (attempt %d): %s", c.id(), c.attempts(), error);
    if (c.activityId() != null) {
      // the timeline says queued until the message is sent or given up
      em.createNativeQuery(
              "update activity set mail_state = :state, mail_error = :error where id = :id")
          .setParameter("state", state)
          .setParameter("error", last ? error : null)
          .setParameter("id", c.activityId())
          .executeUpdate();
    }
  }

  /** 2, 4, 8 … seconds after the attempt, at most an hour. */
  static Duration backoff(int attempts) {
    return Duration.ofSeconds(Math.min(3600L, 1L << Math.min(attempts, 12)));
  }

  static Mail mail(Claimed c) {
    Mail m = Mail.withText(c.to().split(",\\s*")[0], c.subject(), c.body());
    m.setTo(split(c.to()));
    if (c.cc() != null) {
      m.setCc(split(c.cc()));
    }
    m.setFrom(Addresses.display(c.from(), c.fromName()));
    if (c.replyTo() != null) {
      m.setReplyTo(c.replyTo());
    }
    m.addHeader("Message-ID", c.messageId());
    if (c.inReplyTo() != null) {
      m.addHeader("In-Reply-To", c.inReplyTo());
      m.addHeader("References", c.inReplyTo());
    }
    return m;
  }

  private static List<String> split(String addresses) {
    return new ArrayList<>(Arrays.asList(addresses.split(",\\s*")));
  }

  private static String reason(Throwable e) {
    String text =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
