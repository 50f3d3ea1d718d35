package io.loopcrm.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * The reading step of a message from the replies mailbox: who sent it, to which addresses, what it
 * answers (In-Reply-To, References), its subject, its text (HTML cleaned by jsoup's safelist and
 * reduced to text) and its attachments within the limits. {@link ReceivedMail} files what is read.
 */
public final class IncomingMessage {
  private IncomingMessage() {}

  /** The most of a message's text kept (the timeline's notes hold 10,000 characters). */
  static final int TEXT = 10_000;

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

  private static String[] header(Message m, String name) throws MessagingException {
    String[] values = m.getHeader(name);
    return values == null ? new String[0] : values;
  }
}
