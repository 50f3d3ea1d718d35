package io.loopcrm.activity;

import io.loopcrm.mail.IncomingMessage;
import io.loopcrm.mail.ReceivedMail;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * A reply to an e-mail written from a record goes on the same record's timeline, as a received
 * e-mail of the rep who wrote the first one (written through the entity, so the audit trail has it,
 * by "system").
 */
@ApplicationScoped
public class ReplyOnTimeline implements ReceivedMail.Timeline {
  @jakarta.inject.Inject java.time.Clock clock;

  @Override
  public long fileReply(long sentActivityId, IncomingMessage.Parsed reply) {
    Activity sent = Activity.findById(sentActivityId);
    Activity a = new Activity();
    a.kind = Activity.Kind.EMAIL;
    a.subject = reply.subject().isEmpty() ? "(no subject)" : reply.subject();
    a.notes = reply.text().isEmpty() ? null : reply.text();
    a.owner = sent.owner;
    a.lead = sent.lead;
    a.deal = sent.deal;
    a.contact = sent.contact;
    a.createdAt = Instant.now(clock);
    a.mailState = "received";
    a.mailAddress = reply.from() == null ? null : reply.from();
    a.persist();
    a.flush();
    return a.id;
  }
}
