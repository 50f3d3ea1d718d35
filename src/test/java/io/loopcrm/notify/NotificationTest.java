package io.loopcrm.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.lead.Lead;
import io.loopcrm.mail.OutboxWorker;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.Mailboxes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rep hears of a lead handed to them: a notification written with the lead (the bell counts it,
 * the list opens the lead), and, as the rep chose, one e-mail in their real mailbox; a rep's own
 * lead typed in by hand tells no one; another rep's notification is not theirs to open.
 */
@QuarkusTest
class NotificationTest {
  @Inject NotificationMailer mailer;
  @Inject OutboxWorker outbox;
  @Inject Reminders reminders;

  Member sam;
  String samsMail;

  @BeforeEach
  void people() {
    sam = Fixtures.member("sam", List.of("sales"), "Team East");
    samsMail = Fixtures.unique("sam").toLowerCase() + "@loop.example";
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Member m = Member.findById(sam.id);
              m.email = samsMail;
              m.notifyBy = "instant";
            });
  }

  private static long unread(Member m) {
    return QuarkusTransaction.requiringNew().call(() -> Notification.unreadOf(m.id));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aLeadHandedToARepRingsTheBellAndSendsOneMail() throws Exception {
    long before = unread(sam);
    Lead lead = Fixtures.lead(sam, "Bellringer", Fixtures.unique("Bell Co"), null);
    assertThat(unread(sam)).isEqualTo(before + 1);
    given()
        .get("/sales/notifications/bell")
        .then()
        .statusCode(200)
        .body(containsString("id=\"bell-count\">" + (before + 1) + "<"));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/sales/notifications")
        .then()
        .statusCode(200)
        .body(containsString("分配给您的新线索：Alex Bellringer"));

    mailer.mail("queued");
    outbox.sendDue();
    List<Mailboxes.Read> inbox = Mailboxes.read(samsMail, samsMail, 1, Duration.ofSeconds(10));
    assertThat(inbox).hasSize(1);
    // one message for whatever waited (this test's lead among them), in both languages
    assertThat(inbox.get(0).subject()).contains("for you");
    assertThat(inbox.get(0).body())
        .contains("Alex Bellringer")
        .contains("/sales/notifications")
        .contains("新线索");

    // opening it reads it and leads to the lead
    long id =
        QuarkusTransaction.requiringNew()
            .call(() -> Notification.<Notification>find("lead.id", lead.id).firstResult().id);
    Csrf.form()
        .post("/sales/notifications/" + id + "/open")
        .then()
        .statusCode(303)
        .header("Location", "/sales/leads/" + lead.id);
    assertThat(unread(sam)).isEqualTo(before);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepsOwnLeadTypedInByHandTellsNoOneAndTheInboxChoiceSendsNoMail() throws Exception {
    long before = unread(sam);
    Lead own = Fixtures.lead(sam, "Mine", Fixtures.unique("Own Co"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                    .createNativeQuery("delete from notification where lead_id = :l")
                    .setParameter("l", own.id)
                    .executeUpdate());
    Csrf.form()
        .formParam("firstName", "Wei")
        .formParam("lastName", "Typed")
        .formParam("company", "Walk-in Ltd")
        .formParam("email", Fixtures.unique("typed").toLowerCase() + "@walkin.example")
        .formParam("phone", "")
        .formParam("region", "East")
        .formParam("segment", "SMB")
        .formParam("companySize", "11-50")
        .formParam("source", "walk_in")
        .post("/sales/leads/new")
        .then()
        .statusCode(303);
    assertThat(unread(sam)).isEqualTo(before);

    Csrf.form()
        .formParam("notifyBy", "inbox")
        .post("/sales/notifications/preference")
        .then()
        .statusCode(303);
    assertThat(Fixtures.reload(Member.class, sam.id).notifyBy).isEqualTo("inbox");
    Fixtures.lead(sam, "Quiet", Fixtures.unique("Quiet Co"), null);
    assertThat(unread(sam)).isEqualTo(before + 1);
    mailer.mail("queued");
    outbox.sendDue();
    assertThat(Mailboxes.read(samsMail, samsMail, 1, Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aLeadWaitingPastTheTargetRemindsItsRepAndManagerOnceAndADueTaskItsOwner() {
    Member max = Fixtures.member("max", List.of("sales", "sales-manager"), "Team East");
    Lead waiting = Fixtures.lead(sam, "Waiting", Fixtures.unique("Slow Co"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(waiting.id);
              l.assignedAt = java.time.Instant.now().minus(Duration.ofDays(3));
              io.loopcrm.activity.Activity task = new io.loopcrm.activity.Activity();
              task.kind = io.loopcrm.activity.Activity.Kind.TASK;
              task.subject = "Call back";
              task.owner = Member.findById(sam.id);
              task.lead = l;
              task.dueAt = java.time.Instant.now().minus(Duration.ofMinutes(5));
              task.persist();
            });
    reminders.remindNow();
    reminders.remindNow();
    assertThat(count("response_overdue", waiting.id, sam)).isEqualTo(1);
    Member manager =
        QuarkusTransaction.requiringNew().call(() -> Member.<Member>findById(sam.id).team.manager);
    if (manager != null && !manager.id.equals(sam.id)) {
      assertThat(count("response_overdue", waiting.id, manager)).isEqualTo(1);
    }
    assertThat(count("task_due", waiting.id, sam)).isEqualTo(1);
    assertThat(max).isNotNull();
  }

  private static long count(String kind, long lead, Member who) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Notification.count(
                    "kind = ?1 and lead.id = ?2 and member.id = ?3", kind, lead, who.id));
  }

  @Test
  @TestSecurity(user = "rita", roles = "sales")
  void anotherRepsNotificationIsNotTheirsToOpen() {
    Fixtures.member("rita", List.of("sales"), "Team West");
    Lead lead = Fixtures.lead(sam, "Private", Fixtures.unique("Private Co"), null);
    long id =
        QuarkusTransaction.requiringNew()
            .call(() -> Notification.<Notification>find("lead.id", lead.id).firstResult().id);
    Csrf.form().post("/sales/notifications/" + id + "/open").then().statusCode(404);
    given()
        .get("/sales/notifications")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString("Alex Private")));
  }
}
