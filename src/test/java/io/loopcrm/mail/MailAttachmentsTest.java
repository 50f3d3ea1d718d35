package io.loopcrm.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.Mailboxes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attachments of received mail, through the real SMTP and IMAP server: stored with the message up
 * to the limit (64 KB in the tests, loop.mail.attachment-max), named with their size when larger;
 * downloaded as a file (never shown in the page's origin) by whoever may open the record, 404 for
 * anyone else; an unmatched message's attachments for operations only, until it is filed.
 */
@QuarkusTest
class MailAttachmentsTest {
  @Inject ReplyReader replies;
  @Inject Outbox outbox;
  @Inject EntityManager em;

  static final byte[] PDF = "%PDF-1.4 offer".getBytes(StandardCharsets.US_ASCII);
  static final byte[] CHINESE = "报价：每席位 99 元".getBytes(StandardCharsets.UTF_8);
  static final byte[] BIG = new byte[100 * 1024];

  /** A lead of Sam's with an e-mail sent from it; the reply address of that e-mail. */
  private String sentFrom(Lead lead) {
    Csrf.form()
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParam("to", "buyer@customer.example")
        .formParam("subject", "Offer")
        .formParam("body", "Here it is.")
        .post("/sales/leads/" + lead.id + "/email")
        .then()
        .statusCode(303);
    String tag =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        em.createNativeQuery(
                                "select o.reply_tag from outbox_message o join activity a"
                                    + " on a.id = o.activity_id where a.lead_id = :lead")
                            .setParameter("lead", lead.id)
                            .getSingleResult());
    return outbox.replyAddress(tag);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> attachments(String from) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery(
                        "select a.id, a.file_name, a.size_bytes, a.kept from mail_attachment a"
                            + " join received_mail m on m.id = a.received_mail_id"
                            + " where m.from_address = :f order by a.id")
                    .setParameter("f", from)
                    .getResultList());
  }

  private void awaitRead() throws Exception {
    for (int i = 0; i < 50 && replies.readNow() == 0; i++) {
      Thread.sleep(200);
    }
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepliesAttachmentsAreKeptWithItAndDownloadedByWhoeverSeesTheRecord() throws Exception {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Fixtures.member("rita", List.of("sales"), "Team West");
    Lead lead = Fixtures.lead(sam, "Attached", Fixtures.unique("Files Co"), null);
    String replyTo = sentFrom(lead);
    String customer = Fixtures.unique("files").toLowerCase() + "@customer.example";
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("offer.pdf", PDF);
    files.put("报价单.txt", CHINESE);
    files.put("../../etc/big.bin", BIG);
    Mailboxes.sendWithFiles(
        customer, "Alex Buyer", replyTo, "Re: Offer", "<p>Signed, see attached.</p>", null, files);
    awaitRead();

    List<Object[]> stored = attachments(customer);
    assertThat(stored).hasSize(3);
    assertThat(stored.get(0)[1]).isEqualTo("offer.pdf");
    assertThat(stored.get(1)[1]).isEqualTo("报价单.txt");
    // a name is a file name, never a path; the one over the limit is named with its size, not kept
    assertThat(stored.get(2)[1]).isEqualTo("big.bin");
    assertThat(((Number) stored.get(2)[2]).longValue()).isEqualTo(BIG.length);
    assertThat(stored.get(2)[3]).isEqualTo(false);

    String page =
        given().get("/sales/leads/" + lead.id).then().statusCode(200).extract().asString();
    long pdf = ((Number) stored.get(0)[0]).longValue();
    long chinese = ((Number) stored.get(1)[0]).longValue();
    long big = ((Number) stored.get(2)[0]).longValue();
    assertThat(page)
        .contains("href=\"/sales/mail/attachments/" + pdf + "\"")
        .contains("报价单.txt")
        .contains("big.bin")
        .contains("100 KB, too large to keep")
        .doesNotContain("href=\"/sales/mail/attachments/" + big + "\"");

    ExtractableResponse<Response> got =
        given().get("/sales/mail/attachments/" + pdf).then().statusCode(200).extract();
    assertThat(got.asByteArray()).isEqualTo(PDF);
    assertThat(got.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(got.header("Content-Disposition")).startsWith("attachment; filename=\"offer.pdf\"");
    ExtractableResponse<Response> zh =
        given().get("/sales/mail/attachments/" + chinese).then().statusCode(200).extract();
    assertThat(zh.asByteArray()).isEqualTo(CHINESE);
    assertThat(zh.header("Content-Disposition"))
        .contains("filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.txt");
    given().get("/sales/mail/attachments/" + big).then().statusCode(404);
  }

  @Test
  @TestSecurity(user = "rita", roles = "sales")
  void anotherTeamsRepAndOperationsCannotReadAFiledReplysAttachment() throws Exception {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Fixtures.member("rita", List.of("sales"), "Team West");
    Lead lead = Fixtures.lead(sam, "Private", Fixtures.unique("Secret Co"), null);
    String replyTo = QuarkusTransaction.requiringNew().call(() -> sentAs(lead));
    String customer = Fixtures.unique("secret").toLowerCase() + "@customer.example";
    Mailboxes.sendWithFiles(
        customer, "Chris", replyTo, "Re: Offer", "<p>Terms</p>", null, Map.of("terms.pdf", PDF));
    awaitRead();
    long id = ((Number) attachments(customer).get(0)[0]).longValue();
    given().get("/sales/mail/attachments/" + id).then().statusCode(404);
    given().get("/sales/leads/" + lead.id).then().statusCode(404);
  }

  /** A sent e-mail on {@code lead} written straight to the outbox; its reply address. */
  private String sentAs(Lead lead) {
    io.loopcrm.activity.Activity a = new io.loopcrm.activity.Activity();
    a.kind = io.loopcrm.activity.Activity.Kind.EMAIL;
    a.subject = "Offer";
    a.owner = Lead.<Lead>findById(lead.id).owner;
    a.lead = Lead.findById(lead.id);
    a.mailState = "queued";
    a.persist();
    a.flush();
    String tag = Fixtures.unique("t").toLowerCase().replaceAll("[^a-z0-9]", "");
    em.createNativeQuery(
            "insert into outbox_message (message_id, reply_tag, from_address, to_addresses,"
                + " subject, body_text, state, activity_id) values (:mid, :tag, 'sam@loop.example',"
                + " 'buyer@customer.example', 'Offer', 'Here', 'sent', :a)")
        .setParameter("mid", "<" + tag + "@loop.example>")
        .setParameter("tag", tag)
        .setParameter("a", a.id)
        .executeUpdate();
    return outbox.replyAddress(tag);
  }

  @Test
  @TestSecurity(user = "olga", roles = "operations")
  void anUnmatchedMessagesAttachmentsAreOperations() throws Exception {
    Fixtures.member("olga", List.of("operations"), null);
    String stranger = Fixtures.unique("enquiry").toLowerCase() + "@elsewhere.example";
    Mailboxes.sendWithFiles(
        stranger,
        "New Buyer",
        "replies@loop.example",
        "RFP",
        "<p>Please quote.</p>",
        null,
        Map.of("rfp.pdf", PDF));
    awaitRead();
    long id = ((Number) attachments(stranger).get(0)[0]).longValue();
    given()
        .get("/ops/mail/unmatched")
        .then()
        .statusCode(200)
        .body(containsString("href=\"/ops/mail/unmatched/attachments/" + id + "\""))
        .body(not(containsString("(not kept)")));
    assertThat(
            given()
                .get("/ops/mail/unmatched/attachments/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray())
        .isEqualTo(PDF);
    // operations reads it only as unmatched mail: the sales route is not theirs
    given().get("/sales/mail/attachments/" + id).then().statusCode(403);
  }
}
