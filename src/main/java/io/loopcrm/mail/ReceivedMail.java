package io.loopcrm.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * A message read from the replies mailbox, and where it goes: the record of the message it answers
 * (found by the tag of the reply address it was sent to, else by its In-Reply-To or References), as
 * a received e-mail on that record's timeline; or, when it answers nothing of ours, operations'
 * unmatched list. What it shows is text: HTML is cleaned by jsoup's safelist and reduced to its
 * text, and the page escapes it as any other text.
 */
@ApplicationScoped
public class ReceivedMail {
  /** The most of a message's text kept (the timeline's notes hold 10,000 characters). */
  static final int TEXT = 10_000;

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Timeline timeline;

  /**
   * Where a reply is filed: the record of the sent message's timeline entry (the activity package
   * implements it; mail knows no activities).
   */
  public interface Timeline {
    /** Files {@code reply} beside the sent e-mail {@code sentActivityId}; the new entry's id. */
    long fileReply(long sentActivityId, Parsed reply);
  }

  /** What is taken of a message. */
  public record Parsed(
      String messageId,
      String from,
      String subject,
      String text,
      List<String> recipients,
      List<String> answers,
      int attachments) {}

  /** Reads what Loop needs of {@code m}. */
  static Parsed parse(Message m) throws MessagingException {
    String from = null;
    Address[] senders = m.getFrom();
    if (senders != null && senders.length > 0 && senders[0] instanceof InternetAddress a) {
      from = a.getAddress();
    }
    List<String> recipients = new ArrayList<>();
    Address[] all = m.getAllRecipients();
    for (Address a : all == null ? new Address[0] : all) {
      if (a instanceof InternetAddress ia) {
        recipients.add(ia.getAddress());
      }
    }
    for (String header : new String[] {"Delivered-To", "X-Original-To"}) {
      for (String v : header(m, header)) {
        recipients.add(v.trim());
      }
    }
    List<String> answers = new ArrayList<>();
    for (String header : new String[] {"In-Reply-To", "References"}) {
      for (String v : header(m, header)) {
        for (String id : v.split("\\s+")) {
          if (id.startsWith("<") && id.endsWith(">") && id.length() <= 200) {
            answers.add(id);
          }
        }
      }
    }
    String[] ids = m.getHeader("Message-ID");
    String messageId = ids == null || ids.length == 0 ? null : ids[0].trim();
    if (messageId == null || messageId.isEmpty() || messageId.length() > 300) {
      // no usable id: one of the message's own, which a second read gives again
      messageId =
          "<no-id-"
              + Integer.toHexString((from + m.getSentDate() + m.getSubject()).hashCode())
              + ">";
    }
    Text text = new Text();
    try {
      text.read(m);
    } catch (IOException e) {
      text.plain.append("(unreadable)");
    }
    String subject =
        m.getSubject() == null ? "" : m.getSubject().replaceAll("[\\r\\n\\t]+", " ").trim();
    return new Parsed(
        messageId,
        from,
        subject.length() > 200 ? subject.substring(0, 200) : subject,
        text.value(),
        recipients,
        answers,
        text.attachments);
  }

  /** The text of a message: its plain part, else its HTML reduced to text; attachments counted. */
  private static final class Text {
    final StringBuilder plain = new StringBuilder();
    String html;
    int attachments;

    void read(Part part) throws MessagingException, IOException {
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
        attachments++;
      } else if (part.isMimeType("text/plain") && plain.isEmpty()) {
        plain.append(String.valueOf(part.getContent()));
      } else if (part.isMimeType("text/html") && html == null) {
        html = String.valueOf(part.getContent());
      } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart b = mp.getBodyPart(i);
          read(b);
        }
      }
    }

    String value() {
      String t = !plain.isEmpty() ? plain.toString() : html == null ? "" : fromHtml(html);
      t = t.replace("\r\n", "\n").strip();
      return t.length() > TEXT ? t.substring(0, TEXT) : t;
    }
  }

  /**
   * HTML as text: cleaned by a safelist first (no script, style or handler survives), then read.
   */
  static String fromHtml(String html) {
    String safe = Jsoup.clean(html, Safelist.basic());
    var doc = Jsoup.parse(safe);
    doc.select("br").after("\\n");
    doc.select("p, div, li").after("\\n");
    return doc.wholeText().replace("\\n", "\n").replaceAll("\n{3,}", "\n\n");
  }

  /** A message that answered nothing of ours, as operations' list shows it. */
  public record Unmatched(
      String from, String subject, String text, int attachments, java.time.Instant at) {}

  /** The newest 50 messages that answered nothing of ours: one indexed statement. */
  @SuppressWarnings("unchecked")
  public List<Unmatched> unmatched() {
    List<Object[]> rows =
        em.createNativeQuery(
                "select from_address, subject, body_text, attachments, received_at"
                    + " from received_mail where activity_id is null"
                    + " order by received_at desc limit 50")
            .getResultList();
    List<Unmatched> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new Unmatched(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              ((Number) r[3]).intValue(),
              io.loopcrm.common.SqlTimes.instant(r[4])));
    }
    return out;
  }

  /** Files {@code p}: on its record's timeline, or in the unmatched list; once per Message-ID. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void take(Parsed p) {
    int inserted =
        em.createNativeQuery(
                "insert into received_mail (message_id, from_address, subject, body_text,"
                    + " attachments) values (:id, :from, :subject, :body, :attachments)"
                    + " on conflict (message_id) do nothing")
            .setParameter("id", p.messageId())
            .setParameter("from", cut(p.from(), 320))
            .setParameter("subject", p.subject())
            .setParameter("body", p.text())
            .setParameter("attachments", p.attachments())
            .executeUpdate();
    if (inserted == 0) {
      return;
    }
    Long activity = answered(p);
    if (activity == null) {
      return;
    }
    long reply = timeline.fileReply(activity, p);
    em.createNativeQuery("update received_mail set activity_id = :a where message_id = :id")
        .setParameter("a", reply)
        .setParameter("id", p.messageId())
        .executeUpdate();
  }

  /** The timeline entry of our message that {@code p} answers, or null. */
  private Long answered(Parsed p) {
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

  private static String[] header(Message m, String name) throws MessagingException {
    String[] values = m.getHeader(name);
    return values == null ? new String[0] : values;
  }
}
