package io.loopcrm.testing;

import io.loopcrm.stack.TestStack;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The tests' side of the real mail server: reading a mailbox over IMAP as any mail client would,
 * and sending a message over SMTP as a customer's mail program would. A mailbox of an address the
 * server did not know before has the address as its login and password.
 */
public final class Mailboxes {
  private Mailboxes() {}

  /** A message as read from a mailbox. */
  public record Read(
      String messageId,
      String from,
      String replyTo,
      String subject,
      String body,
      String inReplyTo,
      List<String> to,
      List<String> cc) {}

  /**
   * The messages in the mailbox of {@code login}, waiting up to {@code wait} for {@code atLeast}.
   */
  public static List<Read> read(String login, String password, int atLeast, Duration wait)
      throws Exception {
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      List<Read> all = readOnce(login, password);
      if (all.size() >= atLeast || Instant.now().isAfter(deadline)) {
        return all;
      }
      Thread.sleep(200);
    }
  }

  private static List<Read> readOnce(String login, String password) throws Exception {
    Properties p = new Properties();
    Session session = Session.getInstance(p);
    List<Read> out = new ArrayList<>();
    try (Store store = session.getStore("imap")) {
      try {
        store.connect("127.0.0.1", TestStack.get().imapPort(), login, password);
      } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
        return out;
      }
      try (Folder inbox = store.getFolder("INBOX")) {
        inbox.open(Folder.READ_ONLY);
        for (Message m : inbox.getMessages()) {
          MimeMessage mm = (MimeMessage) m;
          out.add(
              new Read(
                  mm.getMessageID(),
                  InternetAddress.toUnicodeString(mm.getFrom()),
                  mm.getReplyTo() == null ? null : InternetAddress.toUnicodeString(mm.getReplyTo()),
                  mm.getSubject(),
                  String.valueOf(mm.getContent()),
                  mm.getHeader("In-Reply-To", null),
                  addresses(mm.getRecipients(Message.RecipientType.TO)),
                  addresses(mm.getRecipients(Message.RecipientType.CC))));
        }
      }
    }
    return out;
  }

  private static List<String> addresses(jakarta.mail.Address[] a) {
    List<String> out = new ArrayList<>();
    if (a != null) {
      for (jakarta.mail.Address x : a) {
        out.add(((InternetAddress) x).getAddress());
      }
    }
    return out;
  }

  /** Sends a message over SMTP, as a customer's mail program would; returns its Message-ID. */
  public static String send(
      String from, String to, String subject, String body, String inReplyTo, boolean html)
      throws MessagingException {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(TestStack.get().smtpPort()));
    Session session = Session.getInstance(p);
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(from));
    m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    m.setSubject(subject, "UTF-8");
    if (html) {
      m.setContent(body, "text/html; charset=UTF-8");
    } else {
      m.setText(body, "UTF-8");
    }
    if (inReplyTo != null) {
      m.setHeader("In-Reply-To", inReplyTo);
      m.setHeader("References", inReplyTo);
    }
    m.saveChanges();
    Transport.send(m);
    return m.getMessageID();
  }

  /**
   * Sends an HTML message from {@code fromName <from>} with these files attached ({@code files}:
   * name to content), as a customer's mail program would; returns its Message-ID.
   */
  public static String sendWithFiles(
      String from,
      String fromName,
      String to,
      String subject,
      String html,
      String inReplyTo,
      java.util.Map<String, byte[]> files)
      throws MessagingException {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(TestStack.get().smtpPort()));
    Session session = Session.getInstance(p);
    MimeMessage m = new MimeMessage(session);
    try {
      m.setFrom(new InternetAddress(from, fromName, "UTF-8"));
    } catch (java.io.UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8", e);
    }
    m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    m.setSubject(subject, "UTF-8");
    jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
    jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
    text.setContent(html, "text/html; charset=UTF-8");
    parts.addBodyPart(text);
    for (var f : files.entrySet()) {
      jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
      file.setDataHandler(
          new jakarta.activation.DataHandler(
              new jakarta.mail.util.ByteArrayDataSource(f.getValue(), "application/octet-stream")));
      try {
        file.setFileName(jakarta.mail.internet.MimeUtility.encodeText(f.getKey(), "UTF-8", null));
      } catch (java.io.UnsupportedEncodingException e) {
        throw new MessagingException("UTF-8", e);
      }
      file.setDisposition(jakarta.mail.Part.ATTACHMENT);
      parts.addBodyPart(file);
    }
    m.setContent(parts);
    if (inReplyTo != null) {
      m.setHeader("In-Reply-To", inReplyTo);
    }
    m.saveChanges();
    Transport.send(m);
    return m.getMessageID();
  }
}
