package io.loopcrm.mail;

import io.loopcrm.common.LoopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Where everything Loop sends by e-mail starts: a row written in the caller's transaction, so a
 * message exists exactly when the change that causes it is committed, and none is lost when the
 * mail server is down or the application stops. {@link OutboxWorker} sends the rows. Each message
 * gets its Message-ID here, once: a message sent again after a crash carries the same one.
 */
@ApplicationScoped
public class Outbox {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TAG_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

  @Inject EntityManager em;
  @Inject LoopConfig config;

  /**
   * Queues {@code mail}, linked to the timeline's {@code activityId} if any; returns its row id.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long queue(OutgoingMail mail, Long activityId) {
    String domain = domainOf(config.mail().replyAddress());
    String tag = mail.repliesComeBack() ? "m" + random(12) : null;
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into outbox_message (message_id, reply_tag, from_address, from_name,"
                        + " to_addresses, cc_addresses, reply_to, in_reply_to, subject, body_text,"
                        + " activity_id) values (:mid, :tag, :from, :name, :to, :cc, :replyTo,"
                        + " :inReplyTo, :subject, :body, :activity) returning id")
                .setParameter("mid", "<" + random(24) + "@" + domain + ">")
                .setParameter("tag", tag)
                .setParameter(
                    "from", mail.fromAddress() == null ? config.mail().from() : mail.fromAddress())
                .setParameter("name", mail.fromName())
                .setParameter("to", String.join(", ", mail.to()))
                .setParameter("cc", mail.cc().isEmpty() ? null : String.join(", ", mail.cc()))
                .setParameter("replyTo", tag == null ? null : replyAddress(tag))
                .setParameter("inReplyTo", mail.inReplyTo())
                .setParameter("subject", mail.subject())
                .setParameter("body", mail.body())
                .setParameter("activity", activityId)
                .getSingleResult();
    return id.longValue();
  }

  /** The reply address with {@code tag}: {@code replies+tag@domain}. */
  public String replyAddress(String tag) {
    String address = config.mail().replyAddress();
    int at = address.indexOf('@');
    return address.substring(0, at) + "+" + tag + address.substring(at);
  }

  /** The tag of a reply address of ours in {@code address}, or null. */
  String tagOf(String address) {
    if (address == null) {
      return null;
    }
    String mine = config.mail().replyAddress().toLowerCase(Locale.ROOT);
    int at = mine.indexOf('@');
    String a = address.trim().toLowerCase(Locale.ROOT);
    String prefix = mine.substring(0, at) + "+";
    String suffix = mine.substring(at);
    if (a.startsWith(prefix)
        && a.endsWith(suffix)
        && a.length() > prefix.length() + suffix.length()) {
      String tag = a.substring(prefix.length(), a.length() - suffix.length());
      return tag.matches("[a-z0-9]{1,39}") ? tag : null;
    }
    return null;
  }

  static String domainOf(String address) {
    int at = address.indexOf('@');
    return at < 0 ? "loop.invalid" : address.substring(at + 1);
  }

  private static String random(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(TAG_LETTERS.charAt(RANDOM.nextInt(TAG_LETTERS.length())));
    }
    return s.toString();
  }
}
