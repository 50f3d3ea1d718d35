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
      List<Attachment> attachments) {}

  /**
   * An attachment as it came: its name, type and size, and its content when it is within the limits
   * (null: too large, or past the number kept of one message).
   */
  public record Attachment(String name, String type, long size, byte[] content) {}

  /** How much of a message's attachments is kept: each one's largest size, and how many. */
  public record Limits(long largest, int count) {}

  /** Reads what Loop needs of {@code m}. */
  static Parsed parse(Message m, Limits limits) throws MessagingException {
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
    Text text = new Text(limits);
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

  /**
   * The text of a message: its plain part, else its HTML reduced to text; its attachments within
   * the limits.
   */
  private static final class Text {
    final StringBuilder plain = new StringBuilder();
    final List<Attachment> attachments = new ArrayList<>();
    final Limits limits;
    String html;

    Text(Limits limits) {
      this.limits = limits;
    }

    void read(Part part) throws MessagingException, IOException {
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
        attachments.add(
            attachment(part, attachments.size() < limits.count() ? limits.largest() : -1));
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
   * {@code part} as an attachment: a name that is safe as a file name (no folders, no control
   * characters, 200 characters at most), its base type, its size, and its content when it is no
   * larger than {@code largest} bytes (read through, so its size is the decoded one).
   */
  static Attachment attachment(Part part, long largest) throws MessagingException, IOException {
    String name = part.getFileName();
    try {
      name = name == null ? null : jakarta.mail.internet.MimeUtility.decodeText(name);
    } catch (java.io.UnsupportedEncodingException e) {
      // kept as written
    }
    name =
        name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "attachment";
    }
    if (name.length() > 200) {
      name = name.substring(name.length() - 200);
    }
    String type;
    try {
      type =
          new jakarta.mail.internet.ContentType(part.getContentType()).getBaseType().toLowerCase();
    } catch (jakarta.mail.internet.ParseException | NullPointerException e) {
      type = "application/octet-stream";
    }
    if (type.length() > 100) {
      type = "application/octet-stream";
    }
    java.io.ByteArrayOutputStream kept = largest < 0 ? null : new java.io.ByteArrayOutputStream();
    long size = 0;
    try (java.io.InputStream in = part.getInputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        size += n;
        if (kept != null && size <= largest) {
          kept.write(buffer, 0, n);
        } else {
          kept = null;
        }
      }
    }
    return new Attachment(name, type, size, kept == null ? null : kept.toByteArray());
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
  public void take(Parsed p) {
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
    for (Attachment a : p.attachments()) {
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
