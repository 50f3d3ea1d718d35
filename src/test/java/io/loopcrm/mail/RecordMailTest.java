package io.loopcrm.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.activity.Activity;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.Mailboxes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * E-mail from a record against the real SMTP and IMAP server: the message arrives in the
 * recipient's mailbox with the headers that bring the answer back; the answer, sent over SMTP as a
 * customer's mail program would, lands on the lead's timeline; a message that answers nothing of
 * ours lands in the unmatched list; a wrong field queues nothing.
 */
@QuarkusTest
class RecordMailTest {
  @Inject OutboxWorker worker;
  @Inject ReplyReader replies;
  @Inject EntityManager em;

  Member sam;

  @BeforeEach
  void people() {
    sam = Fixtures.member("sam", List.of("sales"), "Team East");
  }

  private Lead lead(String email) {
    Lead lead = Fixtures.lead(sam, "Mailed", Fixtures.unique("Mail Co"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.email = email;
              l.emailNormalized = email;
            });
    return lead;
  }

  private long outboxCount() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery("select count(*) from outbox_message")
                            .getSingleResult())
                    .longValue());
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepWritesFromALeadTheCustomerGetsItAndTheReplyComesBackToTheTimeline() throws Exception {
    String customer = Fixtures.unique("buyer").toLowerCase() + "@customer.example";
    Lead lead = lead(customer);
    given()
        .get("/sales/leads/" + lead.id + "/email")
        .then()
        .statusCode(200)
        .body(containsString("value=\"" + customer + "\""))
        .body(containsString("id=\"send-mail\""));
    Csrf.form()
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParam("to", customer)
        .formParam("cc", "")
        .formParam("subject", "Your trial – 试用")
        .formParam("body", "Hello Alex,\n\nhere is the offer.\n\n--\nSam")
        .post("/sales/leads/" + lead.id + "/email")
        .then()
        .statusCode(303);
    // on the timeline at once, queued; the page never waited for the mail server
    given()
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(containsString("Your trial – 试用"))
        .body(containsString("class=\"badge text-bg-light border mail-state\""));
    assertThat(Fixtures.reload(Lead.class, lead.id).firstResponseAt).isNotNull();

    worker.sendDue();
    List<Mailboxes.Read> inbox = Mailboxes.read(customer, customer, 1, Duration.ofSeconds(10));
    assertThat(inbox).hasSize(1);
    Mailboxes.Read got = inbox.get(0);
    assertThat(got.subject()).isEqualTo("Your trial – 试用");
    assertThat(got.body()).contains("here is the offer.");
    assertThat(got.to()).containsExactly(customer);
    assertThat(got.from()).contains("Sam");
    assertThat(got.replyTo()).matches("replies\\+m[a-z0-9]+@loop\\.example");
    String stored =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        em.createNativeQuery(
                                "select o.message_id from outbox_message o join activity a"
                                    + " on a.id = o.activity_id where a.lead_id = :lead")
                            .setParameter("lead", lead.id)
                            .getSingleResult());
    assertThat(got.messageId()).isEqualTo(stored);
    Activity sent =
        QuarkusTransaction.requiringNew()
            .call(() -> Activity.<Activity>find("lead.id = ?1", lead.id).firstResult());
    assertThat(sent.mailState).isEqualTo("sent");

    // the customer answers from their mail program: HTML, with a script that must not survive
    Mailboxes.send(
        customer,
        got.replyTo(),
        "Re: Your trial",
        "<p>Thanks, <b>sounds good</b>.</p><script>alert(1)</script><img src=x onerror=alert(2)>",
        got.messageId(),
        true);
    awaitRead(1);
    given()
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(containsString("Re: Your trial"))
        .body(containsString("sounds good"))
        .body(not(containsString("<script>alert(1)")))
        .body(not(containsString("onerror=alert(2)")));
    Activity reply =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Activity.<Activity>find("lead.id = ?1 and mailState = 'received'", lead.id)
                        .firstResult());
    assertThat(reply.notes).contains("sounds good").doesNotContain("alert");
    assertThat(reply.mailAddress).isEqualTo(customer);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aMessageThatAnswersNothingOfOursGoesToTheUnmatchedList() throws Exception {
    String stranger = Fixtures.unique("stranger").toLowerCase() + "@elsewhere.example";
    Mailboxes.send(stranger, "replies@loop.example", "Who are you?", "Just asking.", null, false);
    awaitRead(1);
    long unmatched =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "select count(*) from received_mail where from_address = :f"
                                        + " and activity_id is null")
                                .setParameter("f", stranger)
                                .getSingleResult())
                        .longValue());
    assertThat(unmatched).isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "olga", roles = "operations")
  void operationsReadsTheUnmatchedMailAsTextWhateverItHolds() throws Exception {
    String stranger = Fixtures.unique("payload").toLowerCase() + "@elsewhere.example";
    Mailboxes.send(
        stranger,
        "replies@loop.example",
        "<img src=x onerror=alert(1)> Price list?",
        "<p>Send <b>prices</b></p><script>alert(2)</script>",
        null,
        true);
    awaitRead(1);
    given()
        .get("/ops/mail/unmatched")
        .then()
        .statusCode(200)
        .body(containsString("&lt;img src=x onerror=alert(1)&gt; Price list?"))
        .body(containsString("Send prices"))
        .body(not(containsString("<img src=x")))
        .body(not(containsString("alert(2)")));
    given().get("/").then().statusCode(200).body(containsString("id=\"unmatched-mail-link\""));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aWrongFieldIsNamedInTheReadersLanguageAndNothingIsQueued() {
    Lead lead = lead(Fixtures.unique("x").toLowerCase() + "@customer.example");
    long before = outboxCount();
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("to", "not an address, b@x.example")
        .formParam("cc", "c@x.example\r\nBcc: victim@x.example")
        .formParam("subject", "Hello\r\nBcc: victim@x.example")
        .formParam("body", "")
        .post("/sales/leads/" + lead.id + "/email")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-to\""))
        .body(containsString("id=\"error-cc\""))
        .body(containsString("id=\"error-subject\""))
        .body(containsString("id=\"error-body\""))
        .body(containsString("请写在一行内"))
        // what was typed is still there
        .body(containsString("not an address, b@x.example"));
    Csrf.form()
        .formParam("to", "a@x.example")
        .formParam("subject", "Long")
        .formParam("body", "x".repeat(10_001))
        .post("/sales/leads/" + lead.id + "/email")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-body\""));
    assertThat(outboxCount()).isEqualTo(before);
  }

  @Test
  @TestSecurity(user = "rita", roles = "sales")
  void anotherTeamsRepCannotWriteFromTheLead() {
    Fixtures.member("rita", List.of("sales"), "Team West");
    Lead lead = lead(Fixtures.unique("y").toLowerCase() + "@customer.example");
    given().get("/sales/leads/" + lead.id + "/email").then().statusCode(404);
    Csrf.form()
        .formParam("to", "a@x.example")
        .formParam("subject", "Hi")
        .formParam("body", "Hi")
        .post("/sales/leads/" + lead.id + "/email")
        .then()
        .statusCode(404);
  }

  /** Reads the replies mailbox until at least {@code n} messages were taken. */
  private void awaitRead(int n) throws Exception {
    int taken = 0;
    for (int i = 0; i < 50 && taken < n; i++) {
      taken += replies.readNow();
      if (taken < n) {
        Thread.sleep(200);
      }
    }
  }
}
