package io.loopcrm.activity;

import io.loopcrm.mail.Outbox;
import io.loopcrm.mail.OutgoingMail;
import io.loopcrm.people.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * An e-mail a person writes from a lead, contact or deal: an e-mail activity on the record's
 * timeline and the message in the outbox, in one transaction. It leaves from the writer's address;
 * its Reply-To leads the answer back to the record ({@link io.loopcrm.mail.ReplyReader}).
 */
@ApplicationScoped
public class RecordMail {
  @Inject Outbox outbox;

  /** What was written. */
  public record Message(List<String> to, List<String> cc, String subject, String body) {}

  /** Queues {@code message} from {@code by}; {@code on} links the activity to its record. */
  @Transactional
  public Activity send(Member by, Message message, Consumer<Activity> on, Instant now) {
    Activity a = new Activity();
    a.kind = Activity.Kind.EMAIL;
    a.subject = message.subject();
    a.notes = message.body();
    a.owner = by;
    a.createdAt = now;
    a.mailState = "queued";
    a.mailAddress = String.join(", ", message.to());
    on.accept(a);
    a.persist();
    a.flush();
    outbox.queue(
        new OutgoingMail(
            by.email,
            by.displayName,
            message.to(),
            message.cc(),
            message.subject(),
            message.body(),
            true,
            null),
        a.id);
    return a;
  }
}
