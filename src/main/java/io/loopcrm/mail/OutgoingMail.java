package io.loopcrm.mail;

import java.util.List;

/**
 * A message to send, as the outbox keeps it: who it is from (a person's address and name, or the
 * application's), to and cc, the subject and the plain-text body; {@code replyTag} makes the reply
 * address that leads a reply back to its record, {@code inReplyTo} threads it under a message.
 */
public record OutgoingMail(
    String fromAddress,
    String fromName,
    List<String> to,
    List<String> cc,
    String subject,
    String body,
    boolean repliesComeBack,
    String inReplyTo) {

  /** A message from the application itself (a notification), to one person. */
  public static OutgoingMail system(String to, String subject, String body) {
    return new OutgoingMail(null, null, List.of(to), List.of(), subject, body, false, null);
  }
}
