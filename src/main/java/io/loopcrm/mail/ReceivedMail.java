package io.loopcrm.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * A message read from the replies mailbox ({@link IncomingMessage}), and where it goes: the record
 * of the message it answers (found by the tag of the reply address it was sent to, else by its
 * In-Reply-To or References), as a received e-mail on that record's timeline; or, when it answers
 * nothing of ours, operations' unmatched list. What it shows is text: HTML is cleaned by jsoup's
 * safelist and reduced to its text, and the page escapes it as any other text.
 */
@ApplicationScoped
public class ReceivedMail {
  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Timeline timeline;

  /**
   * Where a reply is filed: the record of the sent message's timeline entry (the activity package
   * implements it; mail knows no activities).
   */
  public interface Timeline {
    /** Files {@code reply} beside the sent e-mail {@code sentActivityId}; the new entry's id. */
    long fileReply(long sentActivityId, IncomingMessage.Parsed reply);
  }

  /** A message that answered nothing of ours, as operations' list shows it. */
  public record Unmatched(
      long id,
      String from,
      String subject,
      String text,
      List<MailAttachment> attachments,
      java.time.Instant at) {}

  /**
   * The newest 50 messages that answered nothing of ours, with their attachments: two indexed
   * statements.
   */
  @SuppressWarnings("unchecked")
  public List<Unmatched> unmatched() {
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, from_address, subject, body_text, received_at"
                    + " from received_mail where activity_id is null"
                    + " order by received_at desc limit 50")
            .getResultList();
    List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
    java.util.Map<Long, List<MailAttachment>> files =
        MailAttachment.ofMessages(ids).stream()
            .collect(java.util.stream.Collectors.groupingBy(a -> a.receivedMailId));
    List<Unmatched> out = new ArrayList<>();
    for (Object[] r : rows) {
      long id = ((Number) r[0]).longValue();
      out.add(
          new Unmatched(
              id,
              (String) r[1],
              (String) r[2],
              (String) r[3],
              files.getOrDefault(id, List.of()),
              io.loopcrm.common.SqlTimes.instant(r[4])));
    }
    return out;
  }

  /** Files {@code p}: on its record's timeline, or in the unmatched list; once per Message-ID. */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public void take(IncomingMessage.Parsed p) {
    List<Number> inserted =
        em.createNativeQuery(
                "insert into received_mail (message_id, from_address, subject, body_text,"
                    + " attachments) values (:id, :from, :subject, :body, :attachments)"
                    + " on conflict (message_id) do nothing returning id")
            .setParameter("id", p.messageId())
            .setParameter("from", cut(p.from(), 320))
            .setParameter("subject", p.subject())
            .setParameter("body", p.text())
            .setParameter("attachments", p.attachments().size())
            .getResultList();
    if (inserted.isEmpty()) {
      return;
    }
    long mail = inserted.get(0).longValue();
    for (IncomingMessage.Attachment a : p.attachments()) {
      em.createNativeQuery(
              "insert into mail_attachment (received_mail_id, file_name, content_type, size_bytes,"
                  + " content) values (:mail, :name, :type, :size, :content)")
          .setParameter("mail", mail)
          .setParameter("name", a.name())
          .setParameter("type", a.type())
          .setParameter("size", a.size())
          .setParameter(
              "content",
              new org.hibernate.query.TypedParameterValue<>(
                  org.hibernate.type.StandardBasicTypes.BINARY, a.content()))
          .executeUpdate();
    }
    Long activity = answered(p);
    if (activity == null) {
      return;
    }
    long reply = timeline.fileReply(activity, p);
    em.createNativeQuery("update received_mail set activity_id = :a where id = :id")
        .setParameter("a", reply)
        .setParameter("id", mail)
        .executeUpdate();
    em.createNativeQuery("update mail_attachment set activity_id = :a where received_mail_id = :id")
        .setParameter("a", reply)
        .setParameter("id", mail)
        .executeUpdate();
  }

  /** The timeline entry of our message that {@code p} answers, or null. */
  private Long answered(IncomingMessage.Parsed p) {
    for (String r : p.recipients()) {
      String tag = outbox.tagOf(r);
      if (tag != null) {
        Long a = activityOf("reply_tag = :key", tag);
        if (a != null) {
          return a;
        }
      }
    }
    for (String id : p.answers()) {
      Long a = activityOf("message_id = :key", id);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private Long activityOf(String condition, String key) {
    List<Number> rows =
        em.createNativeQuery(
                "select activity_id from outbox_message where "
                    + condition
                    + " and activity_id is not null")
            .setParameter("key", key)
            .getResultList();
    return rows.isEmpty() ? null : rows.get(0).longValue();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
