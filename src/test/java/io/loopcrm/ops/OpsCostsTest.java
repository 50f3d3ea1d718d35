package io.loopcrm.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.campaign.CostEntry;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost ledger can be corrected: a typo is edited, an entry made by mistake deleted. */
@QuarkusTest
class OpsCostsTest {

  @Test
  @AsOperations
  void aTypoIsCorrectedAndAWrongEntryDeletedWithBothInTheHistory() {
    Fixtures.member("olga", List.of("operations"), null);
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Ledger"));
    long id = v.campaign.id;
    add(id, "2500000", "typo: one zero too many");
    add(id, "99", "made by mistake");
    assertThat(page(id, "en")).contains("id=\"n-cost\">$2,500,099.00<");
    long typo = entry(id, "typo: one zero too many");
    long mistake = entry(id, "made by mistake");

    // the entry's page shows what it holds; a bad amount comes back next to its field
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/campaigns/" + id + "/costs/" + typo)
        .then()
        .statusCode(200)
        .body(containsString("更正成本记录"))
        .body(containsString("value=\"2500000.00\""));
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("incurredOn", "2026-11-02")
        .formParam("amount", "-5")
        .formParam("currency", "USD")
        .formParam("note", "kept as typed")
        .post("/ops/campaigns/" + id + "/costs/" + typo)
        .then()
        .statusCode(422)
        .body(containsString("Enter an amount of 0 or more"))
        .body(containsString("value=\"kept as typed\""));
    assertThat(Fixtures.reload(CostEntry.class, typo).amount).isEqualByComparingTo("2500000");

    Csrf.form()
        .formParam("incurredOn", "2026-11-02")
        .formParam("amount", "250000")
        .formParam("currency", "USD")
        .formParam("variant", v.id)
        .formParam("note", "corrected")
        .post("/ops/campaigns/" + id + "/costs/" + typo)
        .then()
        .statusCode(303);
    Csrf.form()
        .post("/ops/campaigns/" + id + "/costs/" + mistake + "/delete")
        .then()
        .statusCode(303);
    assertThat(Fixtures.reload(CostEntry.class, mistake)).isNull();
    CostEntry corrected = Fixtures.reload(CostEntry.class, typo);
    assertThat(corrected.amount).isEqualByComparingTo("250000");
    assertThat(corrected.note).isEqualTo("corrected");

    // every figure follows; the history names the old and new amount and the deletion
    String page = page(id, "en");
    assertThat(page).contains("id=\"n-cost\">$250,000.00<");
    String history = page.substring(page.indexOf("id=\"history-table\""));
    assertThat(history).contains("2500000.00 → 250000");
    assertThat(history).containsPattern("(?s)>Deleted</span>.*made by mistake → —");

    // another campaign's entry is not found through this one
    CampaignVariant other = Fixtures.campaignWithVariant(Fixtures.unique("Other ledger"));
    given().get("/ops/campaigns/" + other.campaign.id + "/costs/" + typo).then().statusCode(404);
    Csrf.form()
        .post("/ops/campaigns/" + other.campaign.id + "/costs/" + typo + "/delete")
        .then()
        .statusCode(404);
    assertThat(Fixtures.reload(CostEntry.class, typo)).isNotNull();
  }

  private static void add(long campaign, String amount, String note) {
    Csrf.form()
        .formParam("incurredOn", "2026-11-02")
        .formParam("amount", amount)
        .formParam("currency", "USD")
        .formParam("note", note)
        .post("/ops/campaigns/" + campaign + "/costs")
        .then()
        .statusCode(303);
  }

  private static long entry(long campaign, String note) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                CostEntry.<CostEntry>find("campaign.id = ?1 and note = ?2", campaign, note)
                    .firstResult()
                    .id);
  }

  private static String page(long campaign, String language) {
    return given()
        .header("Accept-Language", language)
        .get("/ops/campaigns/" + campaign)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }
}
