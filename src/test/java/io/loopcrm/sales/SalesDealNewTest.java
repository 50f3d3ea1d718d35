package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.customer.Account;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deals logged by hand on an existing customer: no lead, direct, a repeat purchase when won again.
 */
@QuarkusTest
class SalesDealNewTest {
  Member sam;
  Member rita;

  @BeforeEach
  void people() {
    sam = Fixtures.member("sam", List.of("sales"), "Team East");
    rita = Fixtures.member("rita", List.of("sales"), "Team West");
  }

  private static long dealId(String location) {
    return Long.parseLong(location.replaceAll(".*/sales/deals/(\\d+).*", "$1"));
  }

  private static void win(long dealId) {
    long won =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    PipelineStage.<PipelineStage>find(
                            "kind = ?1 and archived = false", PipelineStage.Kind.WON)
                        .firstResult()
                        .id);
    Csrf.form()
        .formParam("stage", won)
        .post("/sales/deals/" + dealId + "/stage")
        .then()
        .statusCode(303);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aSecondWinOnTheAccountWithoutALeadCountsAsARepeatPurchase() {
    Lead lead =
        Fixtures.lead(
            sam,
            "First",
            Fixtures.unique("Repeat Co"),
            Fixtures.campaignWithVariant(Fixtures.unique("Fair")));
    QuarkusTransaction.requiringNew()
        .run(() -> Lead.<Lead>findById(lead.id).accept(5, Instant.now()));
    long first =
        dealId(
            Csrf.form()
                .formParam("dealName", "First order")
                .formParam("amount", "1000")
                .formParam("currency", "EUR")
                .formParam("expectedClose", LocalDate.now().toString())
                .post("/sales/leads/" + lead.id + "/convert")
                .then()
                .statusCode(303)
                .extract()
                .header("Location"));
    win(first);
    long account =
        QuarkusTransaction.requiringNew().call(() -> Deal.<Deal>findById(first).account.id);
    given()
        .get("/sales/deals/new?account=" + account)
        .then()
        .statusCode(200)
        .body(containsString("id=\"deal-form\""));
    long second =
        dealId(
            Csrf.form()
                .formParam("dealName", "Second order")
                .formParam("amount", "2500")
                .formParam("currency", "EUR")
                .formParam("expectedClose", LocalDate.now().toString())
                .post("/sales/deals/new?account=" + account)
                .then()
                .statusCode(303)
                .extract()
                .header("Location"));
    Deal direct = Fixtures.reload(Deal.class, second);
    assertThat(direct.lead).isNull();
    assertThat(direct.firstTouch == null || direct.firstTouch.isEmpty()).isTrue();
    assertThat(retainedAt(lead.id)).isNull();
    win(second);
    assertThat(retainedAt(lead.id)).isNotNull();
    given()
        .get("/sales/accounts/" + account)
        .then()
        .statusCode(200)
        .body(containsString("Second order"));
  }

  private static Object retainedAt(long leadId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Panache.getEntityManager()
                    .createNativeQuery("select retained_at from lead where id = ?1")
                    .setParameter(1, leadId)
                    .getSingleResult());
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void badInputAndHiddenAccountsAreRefused() {
    Account mine = SalesCustomersTest.account(sam, Fixtures.unique("Mine"), null);
    Account theirs = SalesCustomersTest.account(rita, Fixtures.unique("Theirs"), null);
    Csrf.form()
        .formParam("dealName", "")
        .formParam("amount", "-3")
        .formParam("currency", "EUR")
        .formParam("stage", "abc")
        .post("/sales/deals/new?account=" + mine.id)
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-dealName\""))
        .body(containsString("id=\"error-amount\""))
        .body(containsString("id=\"error-stage\""));
    given().get("/sales/deals/new?account=" + theirs.id).then().statusCode(404);
    Csrf.form()
        .formParam("dealName", "Sneaky")
        .formParam("currency", "EUR")
        .post("/sales/deals/new?account=" + theirs.id)
        .then()
        .statusCode(404);
    given().redirects().follow(false).get("/sales/deals/new").then().statusCode(303);
  }
}
