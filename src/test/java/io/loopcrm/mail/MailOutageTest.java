package io.loopcrm.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.stack.MailServer;
import io.loopcrm.stack.Ports;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The outbox when the mail server is away: messages wait (each attempt noted, with the reason), and
 * when it is back every one goes out exactly once, with the Message-ID it got when it was written;
 * a message whose sender died after claiming it (its lease ran out) is sent by the next round,
 * once. The SMTP server here is the test's own, on a port the application is pointed at while
 * nothing listens there.
 */
@QuarkusTest
@TestProfile(MailOutageTest.ServerAway.class)
class MailOutageTest {
  private static final String PORT = "loopcrm.test.outage-smtp-port";

  public static class ServerAway implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // only the test sends (no scheduled round in between)
      return Map.of("quarkus.mailer.port", port(), "loop.mail.every", "1h");
    }
  }

  static synchronized String port() {
    if (System.getProperty(PORT) == null) {
      System.setProperty(PORT, Integer.toString(Ports.free()));
    }
    return System.getProperty(PORT);
  }

  @Inject Outbox outbox;
  @Inject OutboxWorker worker;
  @Inject jakarta.persistence.EntityManager em;

  @Test
  void messagesWaitWhileTheServerIsAwayAndGoOutOnceEachWhenItIsBack() throws Exception {
    String to = Fixtures.unique("outage").toLowerCase() + "@customer.example";
    List<Long> ids =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  List<Long> made = new ArrayList<>();
                  for (int i = 0; i < 20; i++) {
                    made.add(
                        outbox.queue(OutgoingMail.system(to, "Message " + i, "Body " + i), null));
                  }
                  return made;
                });

    worker.sendDue();
    for (Object[] row : rows(ids)) {
      assertThat(row[0]).as("state").isEqualTo("queued");
      assertThat(((Number) row[1]).intValue()).as("attempts").isEqualTo(1);
      assertThat((String) row[2]).as("reason").isNotBlank();
    }

    try (MailServer server = MailServer.start(Integer.parseInt(port()), Ports.free())) {
      due(ids);
      worker.sendDue();
      for (Object[] row : rows(ids)) {
        assertThat(row[0]).as("state").isEqualTo("sent");
      }
      // one of them claimed by a sender that died before it could say what happened: its lease
      // runs out and the next round sends it again, with the same Message-ID
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "update outbox_message set state = 'sending',"
                              + " next_attempt_at = now() - interval '1 second' where id = :id")
                      .setParameter("id", ids.get(0))
                      .executeUpdate());
      worker.sendDue();
      worker.sendDue();

      List<String> received = messageIds(server, to);
      Set<String> stored = new HashSet<>();
      for (Object[] row : rows(ids)) {
        stored.add((String) row[3]);
      }
      // every message arrived; the one re-sent after its lease carries the id it had
      assertThat(new HashSet<>(received)).isEqualTo(stored);
      assertThat(received).hasSize(21);
      assertThat(received.stream().filter(id -> id.equals(rows(ids).get(0)[3])).count())
          .isEqualTo(2);
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(List<Long> ids) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery(
                        "select state, attempts, last_error, message_id from outbox_message"
                            + " where id in (:ids) order by id")
                    .setParameter("ids", ids)
                    .getResultList());
  }

  private void due(List<Long> ids) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update outbox_message set next_attempt_at = now() where id in (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate());
  }

  private static List<String> messageIds(MailServer server, String login) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect("127.0.0.1", server.imapPort(), login, login);
      try (Folder inbox = store.getFolder("INBOX")) {
        inbox.open(Folder.READ_ONLY);
        for (Message m : inbox.getMessages()) {
          ids.add(((jakarta.mail.internet.MimeMessage) m).getMessageID());
        }
      }
    }
    return ids;
  }
}
