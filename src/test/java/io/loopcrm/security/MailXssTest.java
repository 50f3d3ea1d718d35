package io.loopcrm.security;

import io.loopcrm.activity.Activity;
import io.loopcrm.lead.Lead;
import io.loopcrm.mail.Outbox;
import io.loopcrm.mail.ReplyReader;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.Mailboxes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The XSS corpus ({@link XssTest#PAYLOADS}) in what a stranger can put in an e-mail: its subject,
 * its sender's name, its HTML body and its attachments' names, sent over the real SMTP server and
 * read from the replies mailbox; every payload comes back escaped on the record's timeline and in
 * operations' unmatched list.
 */
@QuarkusTest
class MailXssTest {
  @Inject ReplyReader replies;
  @Inject Outbox outbox;
  @Inject EntityManager em;

  private void send(String to, String payload) throws Exception {
    Mailboxes.sendWithFiles(
        Fixtures.unique("x").toLowerCase().replaceAll("[^a-z0-9]", "") + "@sender.example",
        payload,
        to,
        payload,
        "<p>" + payload + "</p><div title=\"" + payload + "\">" + payload + "</div>",
        null,
        Map.of(payload + ".txt", payload.getBytes(StandardCharsets.UTF_8)));
  }

  /** Reads the replies mailbox until {@code n} messages were taken (delivery is not instant). */
  private void readAll(int n) throws Exception {
    int taken = 0;
    for (int i = 0; i < 100 && taken < n; i++) {
      taken += replies.readNow();
      if (taken < n) {
        Thread.sleep(100);
      }
    }
  }

  @Test
  @TestSecurity(user = "xss-mail-rep", roles = "sales")
  void repliesOnTheTimelineAreEscaped() throws Exception {
    Member rep = Fixtures.member("xss-mail-rep", List.of("sales"), null);
    Lead lead = Fixtures.lead(rep, "Mail", Fixtures.unique("Xss Mail Co"), null);
    String replyTo = QuarkusTransaction.requiringNew().call(() -> sent(lead.id));
    for (int i = 0; i < XssTest.PAYLOADS.size(); i += 3) {
      send(replyTo, XssTest.PAYLOADS.get(i));
    }
    readAll(17);
    long filed =
        QuarkusTransaction.requiringNew()
            .call(() -> Activity.count("lead.id = ?1 and mailState = 'received'", lead.id));
    org.assertj.core.api.Assertions.assertThat(filed).isEqualTo(17);
    XssTest.escaped("/sales/leads/" + lead.id);
    XssTest.escaped("/sales/today");
  }

  @Test
  @TestSecurity(user = "xss-mail-ops", roles = "operations")
  void unmatchedMailIsEscaped() throws Exception {
    Fixtures.member("xss-mail-ops", List.of("operations"), null);
    for (int i = 1; i < XssTest.PAYLOADS.size(); i += 3) {
      send("replies@loop.example", XssTest.PAYLOADS.get(i));
    }
    readAll(17);
    // the page shows them, as text
    io.restassured.RestAssured.given()
        .get("/ops/mail/unmatched")
        .then()
        .body(org.hamcrest.Matchers.containsString("&lt;script src=x onerror=alert(11)&gt;"));
    XssTest.escaped("/ops/mail/unmatched");
  }

  /** An e-mail sent from the lead, as the outbox keeps it; the address its replies come to. */
  private String sent(long leadId) {
    Lead lead = Lead.findById(leadId);
    Activity a = new Activity();
    a.kind = Activity.Kind.EMAIL;
    a.subject = "Offer";
    a.owner = lead.owner;
    a.lead = lead;
    a.mailState = "sent";
    a.persist();
    a.flush();
    String tag = Fixtures.unique("x").toLowerCase().replaceAll("[^a-z0-9]", "");
    em.createNativeQuery(
            "insert into outbox_message (message_id, reply_tag, from_address, to_addresses,"
                + " subject, body_text, state, activity_id) values (:mid, :tag,"
                + " 'rep@loop.example', 'buyer@customer.example', 'Offer', 'Here', 'sent', :a)")
        .setParameter("mid", "<" + tag + "@loop.example>")
        .setParameter("tag", tag)
        .setParameter("a", a.id)
        .executeUpdate();
    return outbox.replyAddress(tag);
  }
}
