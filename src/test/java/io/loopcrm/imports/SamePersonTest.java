package io.loopcrm.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.SamePerson;
import io.loopcrm.people.Member;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A known phone with a new e-mail is another person, through the form and through an import alike
 * ({@link SamePerson}): a lead of its own that keeps its e-mail, named on its page as a possible
 * duplicate; the same phone without an e-mail is still the known lead. Before, the visitor was
 * folded into the phone's lead and the new e-mail lost.
 */
@QuarkusTest
class SamePersonTest {
  private static String phone() {
    return "+81 3 " + (1000_0000 + (int) (Math.random() * 8999_9999));
  }

  private static Lead known(String email, String phone) {
    Member rep = Fixtures.member("sam", List.of("sales"), "Team East");
    Lead lead = Fixtures.lead(rep, "Known", Fixtures.unique("Known Co"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.email = email;
              l.emailNormalized = Lead.normalizeEmail(email);
              l.phone = phone;
              l.phoneNormalized = Lead.normalizePhone(phone);
            });
    return lead;
  }

  private static List<Lead> withPhone(String phone) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Lead.list("phoneNormalized = ?1 order by id", Lead.normalizePhone(phone)));
  }

  @Test
  void theRule() {
    assertThat(SamePerson.byPhone("a@x.example", "a@x.example")).isTrue();
    assertThat(SamePerson.byPhone(null, "a@x.example")).isTrue();
    assertThat(SamePerson.byPhone("a@x.example", null)).isTrue();
    assertThat(SamePerson.byPhone("a@x.example", "b@x.example")).isFalse();
  }

  @Test
  @io.quarkus.test.security.TestSecurity(user = "sam", roles = "sales")
  void aVisitorWithAKnownPhoneAndANewEmailIsALeadOfTheirOwn() {
    String phone = phone();
    String first = Fixtures.unique("first").toLowerCase() + "@office.example";
    Lead a = known(first, phone);
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Phone"));
    String second = Fixtures.unique("second").toLowerCase() + "@office.example";
    Csrf.form()
        .formParam("lastName", "Colleague")
        .formParam("email", second)
        .formParam("phone", phone)
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(303);
    List<Lead> leads = withPhone(phone);
    assertThat(leads).hasSize(2);
    assertThat(leads.get(0).emailNormalized).isEqualTo(first);
    assertThat(leads.get(1).emailNormalized).isEqualTo(second);

    // the same phone without an e-mail is the known person: no third lead
    Csrf.form()
        .formParam("lastName", "Caller")
        .formParam("phone", phone)
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(303);
    assertThat(withPhone(phone)).hasSize(2);

    // the known lead's page names the other one as a possible duplicate
    Lead b = leads.get(1);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(b.id);
              l.owner = Member.find("username", "sam").firstResult();
              l.status = io.loopcrm.lead.LeadStatus.ASSIGNED;
            });
    String page = given().get("/sales/leads/" + a.id).then().statusCode(200).extract().asString();
    assertThat(page).contains("id=\"same-phone-link\"").contains("/sales/leads/" + b.id);
  }

  @Test
  @AsOperations
  void anImportRowWithAKnownPhoneAndANewEmailIsCreatedNotFolded() throws Exception {
    Fixtures.member("olga", List.of("operations"), null);
    String phone = phone();
    String first = Fixtures.unique("imp").toLowerCase() + "@office.example";
    known(first, phone);
    String second = Fixtures.unique("imp2").toLowerCase() + "@office.example";
    Path file = Files.createTempFile("same-phone", ".csv");
    Files.writeString(
        file,
        "First Name,Last Name,Email,Phone,Company\n"
            + "Kim,Colleague,"
            + second
            + ","
            + phone
            + ",Office\n"
            + "Lee,Caller,,"
            + phone
            + ",Office\n",
        StandardCharsets.UTF_8);
    long id = ImportTest.upload(file);
    ImportTest.start(id, ImportTest.job(id).mapping);
    var done = ImportTest.awaitDone(id, Duration.ofMinutes(1));
    assertThat(done.createdCount).isEqualTo(1);
    assertThat(done.updatedCount).isEqualTo(1);
    assertThat(withPhone(phone)).extracting(l -> l.emailNormalized).containsExactly(first, second);
    // the result page says why a row was only completed, not just how many
    given()
        .header("Accept-Language", "en")
        .get("/ops/import/" + id)
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("id=\"import-reasons\""))
        .body(org.hamcrest.Matchers.containsString("Same person as an earlier row of this file"));
  }

  @Test
  @AsOperations
  void anImportAsksHowItsSlashedDatesAreWrittenAndReadsThemAsAnswered() throws Exception {
    Fixtures.member("olga", List.of("operations"), null);
    String email = Fixtures.unique("dated").toLowerCase() + "@office.example";
    Path file = Files.createTempFile("dated", ".csv");
    Files.writeString(
        file,
        "First Name,Last Name,Email,Create Date\nMia,Dated," + email + ",11/03/2026\n",
        StandardCharsets.UTF_8);
    long id = ImportTest.upload(file);
    given()
        .header("Accept-Language", "en")
        .get("/ops/import/" + id)
        .then()
        .statusCode(200)
        .body(
            org.hamcrest.Matchers.containsString(
                "How does the file write dates such as 11/03/2026?"))
        .body(org.hamcrest.Matchers.containsString("id=\"date-order-open\""));
    Csrf.form()
        .formParam("target", (Object[]) ImportTest.job(id).mapping.split("\t", -1))
        .formParam("dayFirst", "true")
        .post("/ops/import/" + id + "/start")
        .then()
        .statusCode(303);
    ImportTest.awaitDone(id, Duration.ofMinutes(1));
    Lead lead =
        QuarkusTransaction.requiringNew()
            .call(() -> Lead.<Lead>find("emailNormalized", email).firstResult());
    assertThat(lead.createdAt).isEqualTo(java.time.Instant.parse("2026-03-11T00:00:00Z"));
  }
}
