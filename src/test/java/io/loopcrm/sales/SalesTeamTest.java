package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.deal.Quota;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SalesTeamTest {

  @Test
  @TestSecurity(
      user = "max",
      roles = {"sales", "sales-manager"})
  void aManagerSeesTheTeamAndSetsQuotas() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Fixtures.member("max", List.of("sales", "sales-manager"), "Team East");
    Member rita = Fixtures.member("rita", List.of("sales"), "Team West");
    given()
        .get("/sales/team")
        .then()
        .statusCode(200)
        .body(containsString("id=\"team-table\""))
        .body(containsString(">Sam"));

    Csrf.form()
        .formParam("member", sam.id)
        .formParam("amount", "45000")
        .formParam("currency", "USD")
        .post("/sales/team/quota")
        .then()
        .statusCode(303);
    Quota quota =
        QuarkusTransaction.requiringNew()
            .call(() -> Quota.forMonth(Member.findById(sam.id), LocalDate.now()).orElseThrow());
    assertThat(quota.amount).isEqualByComparingTo("45000");

    Csrf.form()
        .formParam("member", rita.id)
        .formParam("amount", "1")
        .formParam("currency", "USD")
        .post("/sales/team/quota")
        .then()
        .statusCode(422);
    Csrf.form()
        .formParam("member", sam.id)
        .formParam("amount", "-3")
        .formParam("currency", "USD")
        .post("/sales/team/quota")
        .then()
        .statusCode(422)
        .body(containsString("Enter an amount of 0 or more"))
        // what was typed stays in Sam's form, marked
        .body(
            containsString(
                "id=\"quota-" + sam.id + "\" name=\"amount\" inputmode=\"decimal\" value=\"-3\""))
        .body(containsString("quota-amount is-invalid"));
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("member", sam.id)
        .formParam("amount", "")
        .formParam("currency", "ZZZ")
        .post("/sales/team/quota")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-amount\""))
        .body(containsString("请输入 0 或以上的金额"))
        .body(containsString("id=\"error-currency\""))
        .body(containsString("请选择币种。"));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> Quota.forMonth(Member.findById(sam.id), LocalDate.now()).orElseThrow())
                .amount)
        .as("a refused quota changes nothing")
        .isEqualByComparingTo("45000");
  }

  @Test
  @TestSecurity(
      user = "max",
      roles = {"sales", "sales-manager"})
  void aMemberWithDealsInTwoCurrenciesHasOneQuotaForm() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Fixtures.member("max", List.of("sales", "sales-manager"), "Team East");
    for (String currency : List.of("CNY", "USD")) {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                io.loopcrm.customer.Account a = new io.loopcrm.customer.Account();
                a.name = Fixtures.unique("Two currencies");
                a.owner = Member.findById(sam.id);
                a.persist();
                io.loopcrm.deal.Deal d = new io.loopcrm.deal.Deal();
                d.name = "In " + currency;
                d.account = a;
                d.owner = a.owner;
                d.stage = io.loopcrm.deal.PipelineStage.listActive().get(0);
                d.currency = currency;
                d.amount = java.math.BigDecimal.TEN;
                d.probability = 10;
                d.persist();
              });
    }
    String page = given().get("/sales/team").then().statusCode(200).extract().asString();
    assertThat(page).contains("id=\"team-row-" + sam.id + "-CNY\"");
    assertThat(page).contains("id=\"team-row-" + sam.id + "-USD\"");
    assertThat(page.split("id=\"quota-" + sam.id + "\"", -1)).hasSize(2);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void repsHaveNoTeamPage() {
    given().get("/sales/team").then().statusCode(403);
  }
}
