package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.StatementCounter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts and contacts: lists, pages, forms, dedupe, and the one visibility rule. */
@QuarkusTest
class SalesCustomersTest {
  @Inject EntityManagerFactory emf;

  Member sam;
  Member rita;

  @BeforeEach
  void people() {
    sam = Fixtures.member("sam", List.of("sales"), "Team East");
    rita = Fixtures.member("rita", List.of("sales"), "Team West");
  }

  static Account account(Member owner, String name, String domain) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Account a = new Account();
              a.name = name;
              a.domain = domain;
              a.owner = owner == null ? null : Member.findById(owner.id);
              a.persist();
              return a;
            });
  }

  static Contact contact(Member owner, Account account, String lastName) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Contact c = new Contact();
              c.account = Account.findById(account.id);
              c.lastName = lastName;
              c.email =
                  lastName.toLowerCase() + "@" + Fixtures.unique("c").toLowerCase() + ".example";
              c.emailNormalized = c.email;
              c.phone = "+86 555 0199";
              c.owner = Member.findById(owner.id);
              c.persist();
              return c;
            });
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepCreatesEditsAndFindsAnAccountRefusedWhenItsDomainIsKnown() {
    String domain = Fixtures.unique("acme").toLowerCase() + ".example";
    String location =
        Csrf.form()
            .formParam("name", "Acme Trading")
            .formParam("domain", "https://www." + domain + "/")
            .formParam("industry", "Retail")
            .formParam("region", "East")
            .post("/sales/accounts/new")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    Account saved = Fixtures.reload(Account.class, id);
    assertThat(saved.domain).isEqualTo(domain);
    given()
        .get("/sales/accounts?q=" + domain)
        .then()
        .statusCode(200)
        .body(containsString("/sales/accounts/" + id + "\""));
    given()
        .get("/sales/accounts/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Acme Trading"))
        .body(containsString("id=\"edit-account\""));
    Csrf.form()
        .formParam("name", "Acme Again")
        .formParam("domain", domain.toUpperCase())
        .post("/sales/accounts/new")
        .then()
        .statusCode(422)
        .body(containsString("href=\"/sales/accounts/" + id + "\" class=\"alert-link\""));
    Account theirs = account(rita, "Rita's Co", Fixtures.unique("rita").toLowerCase() + ".example");
    String hidden =
        Csrf.form()
            .formParam("name", "Copy")
            .formParam("domain", theirs.domain)
            .post("/sales/accounts/new")
            .then()
            .statusCode(422)
            .body(containsString("belongs to someone else"))
            .extract()
            .asString();
    assertThat(hidden).doesNotContain("/sales/accounts/" + theirs.id);
    Csrf.form()
        .formParam("name", "Acme Trading Ltd")
        .formParam("domain", domain)
        .formParam("version", saved.version)
        .post("/sales/accounts/" + id + "/edit")
        .then()
        .statusCode(303);
    assertThat(Fixtures.reload(Account.class, id).name).isEqualTo("Acme Trading Ltd");
    Csrf.form()
        .formParam("name", "Stale")
        .formParam("version", saved.version)
        .post("/sales/accounts/" + id + "/edit")
        .then()
        .statusCode(409);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void anotherRepsAccountAndContactAreNotFoundAndNotListed() {
    String name = Fixtures.unique("Hidden Co");
    Account theirs = account(rita, name, null);
    Contact theirContact = contact(rita, theirs, "Secret");
    given().get("/sales/accounts/" + theirs.id).then().statusCode(404);
    given().get("/sales/accounts/" + theirs.id + "/edit").then().statusCode(404);
    Csrf.form()
        .formParam("name", "Mine")
        .post("/sales/accounts/" + theirs.id + "/edit")
        .then()
        .statusCode(404);
    given().get("/sales/contacts/new?account=" + theirs.id).then().statusCode(404);
    given().get("/sales/contacts/" + theirContact.id).then().statusCode(404);
    given().get("/sales/contacts/" + theirContact.id + "/edit").then().statusCode(404);
    Csrf.form()
        .formParam("lastName", "Mine")
        .post("/sales/contacts/" + theirContact.id + "/edit")
        .then()
        .statusCode(404);
    given()
        .get("/sales/accounts?q=" + name)
        .then()
        .statusCode(200)
        .body(containsString("id=\"no-accounts\""));
    given()
        .get("/sales/contacts?q=Secret")
        .then()
        .statusCode(200)
        .body(not(containsString("/sales/contacts/" + theirContact.id + "\"")));

    // a contact of sam's on that account makes the account visible to sam, not rita's contact
    Contact mine = contact(sam, theirs, "Mine");
    given()
        .get("/sales/accounts/" + theirs.id)
        .then()
        .statusCode(200)
        .body(containsString("/sales/contacts/" + mine.id + "\""))
        .body(not(containsString("/sales/contacts/" + theirContact.id + "\"")));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aContactIsCreatedOnAnAccountAndDedupedByEmail() {
    Account mine = account(sam, Fixtures.unique("Mine Co"), null);
    String email = Fixtures.unique("li").toLowerCase() + "@mine.example";
    String location =
        Csrf.form()
            .formParam("firstName", "Li")
            .formParam("lastName", "Wang")
            .formParam("email", email)
            .formParam("title", "CFO")
            .post("/sales/contacts/new?account=" + mine.id)
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    given()
        .get("/sales/contacts/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Li Wang"))
        .body(containsString("CFO"));
    Csrf.form()
        .formParam("lastName", "Again")
        .formParam("email", email.toUpperCase())
        .post("/sales/contacts/new?account=" + mine.id)
        .then()
        .statusCode(422)
        .body(containsString("href=\"/sales/contacts/" + id + "\""));
    Csrf.form()
        .formParam("lastName", "")
        .formParam("email", "not-an-email")
        .post("/sales/contacts/new?account=" + mine.id)
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-lastName\""))
        .body(containsString("id=\"error-email\""));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void theAccountPageShowsDealsTotalsAndTheLeadItCameFromWithItsCampaign() {
    CampaignVariant variant = Fixtures.campaignWithVariant(Fixtures.unique("Expo"));
    Lead lead = Fixtures.lead(sam, "Origin", Fixtures.unique("Origin Co"), variant);
    QuarkusTransaction.requiringNew()
        .run(() -> Lead.<Lead>findById(lead.id).accept(4, Instant.now()));
    String deal =
        Csrf.form()
            .formParam("dealName", "First order")
            .formParam("amount", "1200")
            .formParam("currency", "EUR")
            .formParam("expectedClose", LocalDate.now().plusDays(5).toString())
            .post("/sales/leads/" + lead.id + "/convert")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    long dealId = Long.parseLong(deal.replaceAll(".*/sales/deals/(\\d+).*", "$1"));
    long accountId =
        QuarkusTransaction.requiringNew()
            .call(() -> io.loopcrm.deal.Deal.<io.loopcrm.deal.Deal>findById(dealId).account.id);
    given()
        .get("/sales/accounts/" + accountId)
        .then()
        .statusCode(200)
        .body(containsString("First order"))
        .body(containsString("id=\"deal-totals\""))
        .body(containsString(variant.campaign.name))
        .body(containsString("/sales/leads/" + lead.id + "\""));
  }

  @Test
  @TestSecurity(user = "olga", roles = "operations")
  void operationsReadsAccountsWithDealTotalsOnlyAndNoForms() {
    Account a = account(sam, Fixtures.unique("Ops View"), null);
    given()
        .get("/sales/accounts/" + a.id)
        .then()
        .statusCode(200)
        .body(not(containsString("id=\"edit-account\"")))
        .body(not(containsString("id=\"new-deal\"")));
    given().get("/sales/accounts/" + a.id + "/edit").then().statusCode(403);
    given().get("/sales/accounts/new").then().statusCode(403);
  }

  @Test
  @TestSecurity(user = "ada", roles = "admin")
  void adminReadsAccountsAndContactsWithoutForms() {
    Account a = account(sam, Fixtures.unique("Admin View"), null);
    Contact c = contact(sam, a, "Visible");
    given()
        .get("/sales/accounts/" + a.id)
        .then()
        .statusCode(200)
        .body(not(containsString("id=\"edit-account\"")));
    given()
        .get("/sales/contacts/" + c.id)
        .then()
        .statusCode(200)
        .body(not(containsString("id=\"edit-contact\"")));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void theListsReadInAtMostThreeStatements() {
    account(sam, Fixtures.unique("Budget Co"), null);
    given().get("/sales/accounts").then().statusCode(200);
    assertThat(
            StatementCounter.count(
                emf, () -> given().get("/sales/accounts").then().statusCode(200)))
        .isLessThanOrEqualTo(3);
    assertThat(
            StatementCounter.count(
                emf, () -> given().get("/sales/contacts").then().statusCode(200)))
        .isLessThanOrEqualTo(3);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void theConvertPageDoesNotNameAnotherRepsContact() {
    Account theirs = account(rita, Fixtures.unique("Their Co"), null);
    Contact hidden = contact(rita, theirs, "Concealed");
    Lead lead = Fixtures.lead(sam, "Samelead", Fixtures.unique("Same Co"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.email = hidden.email;
              l.emailNormalized = hidden.email;
              l.accept(3, Instant.now());
            });
    given()
        .get("/sales/leads/" + lead.id + "/convert")
        .then()
        .statusCode(200)
        .body(not(containsString("Concealed")));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void theAccountAndContactPagesReadInAFixedNumberOfStatements() {
    Account a = account(sam, Fixtures.unique("Budget Page Co"), null);
    Contact first = contact(sam, a, "First");
    Runnable deal =
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        io.loopcrm.deal.DealOpening.direct(
                            "Page deal",
                            Account.findById(a.id),
                            null,
                            Member.findById(sam.id),
                            io.loopcrm.deal.PipelineStage.listActive().get(0),
                            Instant.now()));
    deal.run();
    given().get("/sales/accounts/" + a.id).then().statusCode(200);
    long one =
        StatementCounter.count(
            emf, () -> given().get("/sales/accounts/" + a.id).then().statusCode(200));
    for (int i = 0; i < 4; i++) {
      contact(sam, a, "More" + i);
      deal.run();
    }
    long many =
        StatementCounter.count(
            emf, () -> given().get("/sales/accounts/" + a.id).then().statusCode(200));
    assertThat(many).isEqualTo(one).isLessThanOrEqualTo(9);
    assertThat(
            StatementCounter.count(
                emf, () -> given().get("/sales/contacts/" + first.id).then().statusCode(200)))
        .isLessThanOrEqualTo(7);
  }
}
