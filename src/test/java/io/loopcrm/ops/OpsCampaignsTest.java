package io.loopcrm.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.AsSales;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operations' campaign pages: create, lifecycle, variants, cost ledger, and the boundaries. */
@QuarkusTest
class OpsCampaignsTest {

  @Test
  @AsOperations
  void createActivateAddAVariantAndRecordCosts() {
    Fixtures.member("olga", List.of("operations"), null);
    String name = Fixtures.unique("Autumn webinar");
    String location =
        Csrf.form()
            .formParam("name", name)
            .formParam("objective", "acquisition")
            .formParam("channel", "email")
            .formParam("startsOn", "2026-12-01")
            .formParam("endsOn", "2026-12-31")
            .formParam("budget", "5000")
            .formParam("currency", "USD")
            .formParam("targetRegion", "East")
            .formParam("goalLeads", "200")
            .post("/ops/campaigns")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    long id = Long.parseLong(location.replaceAll(".*/ops/campaigns/(\\d+).*", "$1"));
    Campaign c = Fixtures.reload(Campaign.class, id);
    assertThat(c.status).isEqualTo(Campaign.Status.DRAFT);
    assertThat(c.goalLeads).isEqualTo(200);
    assertThat(c.targetRegion).isEqualTo("East");
    // variant A weighs as a new variant does (a B typed at 40 is 40 beside 50, not beside 1), and
    // its form, with no copy yet, shows a neutral heading, never the campaign's internal name
    io.loopcrm.campaign.CampaignVariant a =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    io.loopcrm.campaign.CampaignVariant.<io.loopcrm.campaign.CampaignVariant>find(
                            "campaign.id", id)
                        .firstResult());
    assertThat(a.weight).isEqualTo(io.loopcrm.campaign.CampaignVariant.DEFAULT_WEIGHT);

    // the page shows variant A with its links and the lifecycle buttons a draft allows
    given()
        .get("/ops/campaigns/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Variant A"))
        .body(containsString("/t/"))
        .body(containsString("/f/"))
        .body(containsString("id=\"to-active\""))
        .body(containsString("id=\"to-scheduled\""))
        .body(not(containsString("id=\"to-completed\"")));

    // a draft cannot jump to completed
    Csrf.form()
        .formParam("status", "completed")
        .post("/ops/campaigns/" + id + "/status")
        .then()
        .statusCode(422);
    Csrf.form()
        .formParam("status", "active")
        .post("/ops/campaigns/" + id + "/status")
        .then()
        .statusCode(303);
    assertThat(Fixtures.reload(Campaign.class, id).status).isEqualTo(Campaign.Status.ACTIVE);
    given()
        .header("Accept-Language", "en")
        .get("/f/" + a.trackingCode)
        .then()
        .statusCode(200)
        .body(containsString("Get in touch"))
        .body(org.hamcrest.Matchers.not(containsString(name)));

    // variant B: a landing URL that is not http(s) is refused, a good one is kept
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", "B")
        .formParam("landingUrl", "javascript:alert(1)")
        .formParam("weight", "1")
        .post("/ops/campaigns/" + id + "/variants")
        .then()
        .statusCode(422)
        .body(containsString("Enter a full web address starting with https://"));
    Csrf.form()
        .formParam("name", "B")
        .formParam("headline", "Save 5 hours a week")
        .formParam("callToAction", "Start free")
        .formParam("landingUrl", "https://example.com/b")
        .formParam("weight", "2")
        .post("/ops/campaigns/" + id + "/variants")
        .then()
        .statusCode(303);
    List<CampaignVariant> variants =
        QuarkusTransaction.requiringNew()
            .call(
                () -> CampaignVariant.<CampaignVariant>list("campaign.id = ?1 order by name", id));
    assertThat(variants).extracting(v -> v.name).containsExactly("A", "B");
    assertThat(variants.get(1).weight).isEqualTo(2);
    assertThat(variants.get(1).trackingCode).isNotEqualTo(variants.get(0).trackingCode);

    // cost ledger: bad amount explained; two entries add up against the budget
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("incurredOn", "2026-12-02")
        .formParam("amount", "-3")
        .formParam("currency", "USD")
        .post("/ops/campaigns/" + id + "/costs")
        .then()
        .statusCode(422)
        .body(containsString("Enter an amount of 0 or more"));
    Csrf.form()
        .formParam("incurredOn", "2026-12-02")
        .formParam("amount", "1200")
        .formParam("currency", "USD")
        .post("/ops/campaigns/" + id + "/costs")
        .then()
        .statusCode(303);
    Csrf.form()
        .formParam("incurredOn", "2026-12-03")
        .formParam("amount", "300.50")
        .formParam("currency", "USD")
        .formParam("variant", variants.get(1).id)
        .formParam("channel", "email")
        .formParam("note", "Newsletter slot")
        .post("/ops/campaigns/" + id + "/costs")
        .then()
        .statusCode(303);
    given()
        .header("Accept-Language", "en")
        .get("/ops/campaigns/" + id)
        .then()
        .body(containsString("$1,500.50"))
        .body(containsString("of $5,000.00 budget"))
        .body(containsString("Newsletter slot"));
    // a Chinese page formats dates and money the Chinese way, not only its texts
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/campaigns/" + id)
        .then()
        .body(containsString("2026年12月2日"))
        .body(containsString("US$1,500.50"));
    given()
        .header("Accept-Language", "en")
        .get("/ops/campaigns?status=active&q=" + name.substring(0, 10))
        .then()
        .body(containsString(name))
        .body(containsString("30% of budget"));

    // completed is read-only
    Csrf.form()
        .formParam("status", "completed")
        .post("/ops/campaigns/" + id + "/status")
        .then()
        .statusCode(303);
    Csrf.form()
        .formParam("name", "Renamed")
        .formParam("objective", "acquisition")
        .formParam("channel", "email")
        .formParam("currency", "USD")
        .redirects()
        .follow(false)
        .post("/ops/campaigns/" + id)
        .then()
        .statusCode(303);
    assertThat(Fixtures.reload(Campaign.class, id).name).isEqualTo(name);
    given()
        .get("/ops/campaigns/" + id)
        .then()
        .body(not(containsString("id=\"edit-campaign\"")))
        .body(not(containsString("id=\"to-active\"")));
  }

  @Test
  @AsOperations
  void operationsSeeTheCampaignsHistoryOnItsPage() {
    Fixtures.member("olga", List.of("operations"), null);
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("History"));
    long id = v.campaign.id;
    Csrf.form()
        .formParam("status", "paused")
        .post("/ops/campaigns/" + id + "/status")
        .then()
        .statusCode(303);
    Csrf.form()
        .formParam("incurredOn", "2026-11-02")
        .formParam("amount", "250")
        .formParam("currency", "USD")
        .formParam("note", "history check")
        .post("/ops/campaigns/" + id + "/costs")
        .then()
        .statusCode(303);

    String page =
        given()
            .header("Accept-Language", "en")
            .get("/ops/campaigns/" + id)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String history = page.substring(page.indexOf("id=\"history-table\""));
    // who changed what, newest first: the cost, then the status move, then the campaign's start
    assertThat(history).contains("olga").contains("Cost entry").contains("Campaign");
    // in words: the field's label and the statuses' names, not their codes
    assertThat(history).containsPattern("Status</span>: \\w+ → Paused");
    assertThat(history.indexOf("Cost entry")).isLessThan(history.indexOf("Status</span>"));
    // operations are not sent to the administrators' audit page (403 for them)
    assertThat(page).doesNotContain("/admin/audit");
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/campaigns/" + id)
        .then()
        .statusCode(200)
        .body(containsString("此活动的历史"));
  }

  @Test
  @AsOperations
  void badCampaignInputIsExplainedAndNothingIsSaved() {
    String name = Fixtures.unique("Broken");
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", name)
        .formParam("objective", "fame")
        .formParam("channel", "carrier-pigeon")
        .formParam("startsOn", "2026-12-10")
        .formParam("endsOn", "2026-12-01")
        .formParam("budget", "lots")
        .formParam("currency", "USD")
        .formParam("goalLeads", "-1")
        .post("/ops/campaigns")
        .then()
        .statusCode(422)
        .body(containsString("Choose an objective."))
        .body(containsString("Choose a channel from the list."))
        .body(containsString("The end cannot be before the start."))
        .body(containsString("Enter an amount of 0 or more"))
        .body(containsString("Enter a whole number of 0 or more."))
        .body(containsString("value=\"" + name + "\""));
    assertThat(QuarkusTransaction.requiringNew().call(() -> Campaign.count("name", name))).isZero();

    // the rules over lists and records, in Chinese, each next to its field
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("name", " ")
        .formParam("objective", "revenue")
        .formParam("channel", "search")
        .formParam("currency", "USD")
        .formParam("targetRegion", "r".repeat(61))
        .formParam("targetCompanySize", "enormous")
        .formParam("owner", "987654321")
        .formParam("parent", "not-a-campaign")
        .post("/ops/campaigns")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-name\""))
        .body(containsString("请填写此项。"))
        .body(containsString("id=\"error-targetRegion\""))
        .body(containsString("内容过长。"))
        .body(containsString("请从列表中选择公司规模。"))
        .body(containsString("请从列表中选择负责人。"))
        .body(containsString("请选择另一个活动作为上级活动。"))
        .body(not(containsString("id=\"error-objective\"")))
        .body(not(containsString("id=\"error-channel\"")));

    // a campaign cannot be its own parent; nothing of the edit is saved
    long id = Fixtures.campaignWithVariant(Fixtures.unique("Own parent")).campaign.id;
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", "Renamed")
        .formParam("objective", "acquisition")
        .formParam("channel", "search")
        .formParam("currency", "USD")
        .formParam("parent", id)
        .post("/ops/campaigns/" + id)
        .then()
        .statusCode(422)
        .body(containsString("Choose another campaign as parent."));
    assertThat(Fixtures.reload(Campaign.class, id).name).isNotEqualTo("Renamed");
  }

  @Test
  @AsOperations
  void variantAndCostMistakesAreExplainedOnTheirForms() {
    CampaignVariant a = Fixtures.campaignWithVariant(Fixtures.unique("Mistakes"));
    CampaignVariant other = Fixtures.campaignWithVariant(Fixtures.unique("Elsewhere"));
    long id = a.campaign.id;
    // a second variant named like the first, whatever its case, and a weight out of range
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", a.name.toUpperCase(java.util.Locale.ROOT))
        .formParam("weight", "1001")
        .post("/ops/campaigns/" + id + "/variants")
        .then()
        .statusCode(422)
        .body(containsString("Enter a whole number from 1 to 1000"))
        .body(not(containsString("already has a variant")));
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", " " + a.name.toLowerCase(java.util.Locale.ROOT) + " ")
        .formParam("weight", "3")
        .post("/ops/campaigns/" + id + "/variants")
        .then()
        .statusCode(422)
        .body(containsString("This campaign already has a variant with this name."))
        .body(containsString("value=\"3\""));
    // the edit page shows what the variant holds; a blank name and a bad weight come back there
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/campaigns/" + id + "/variants/" + a.id)
        .then()
        .statusCode(200)
        .body(containsString("id=\"variant-form\""))
        .body(containsString("value=\"" + a.name + "\""));
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", " ")
        .formParam("headline", "Kept as typed")
        .formParam("weight", "many")
        .post("/ops/campaigns/" + id + "/variants/" + a.id)
        .then()
        .statusCode(422)
        .body(containsString("id=\"variant-form\""))
        .body(containsString("Enter a whole number from 1 to 1000"))
        .body(containsString("value=\"Kept as typed\""));
    // its own name is not taken by itself; a variant of another campaign is not found here
    Csrf.form()
        .formParam("name", a.name)
        .formParam("weight", "0")
        .post("/ops/campaigns/" + id + "/variants/" + a.id)
        .then()
        .statusCode(422);
    Csrf.form()
        .formParam("name", a.name)
        .formParam("weight", "7")
        .post("/ops/campaigns/" + id + "/variants/" + a.id)
        .then()
        .statusCode(303);
    assertThat(Fixtures.reload(CampaignVariant.class, a.id).weight).isEqualTo(7);
    given().get("/ops/campaigns/" + id + "/variants/" + other.id).then().statusCode(404);
    // a cost on another campaign's variant, an unknown currency and channel, a bad day
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("incurredOn", "2026-02-30")
        .formParam("amount", "12.345")
        .formParam("currency", "XXX")
        .formParam("variant", other.id)
        .formParam("channel", "carrier-pigeon")
        .formParam("note", "Kept note")
        .post("/ops/campaigns/" + id + "/costs")
        .then()
        .statusCode(422)
        .body(containsString("Enter a date."))
        .body(containsString("Choose a variant of this campaign."))
        .body(containsString("Choose a currency."))
        .body(containsString("Choose a channel from the list."))
        .body(containsString("Enter an amount of 0 or more"))
        .body(containsString("value=\"Kept note\""));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> io.loopcrm.campaign.CostEntry.count("campaign.id", id)))
        .isZero();
  }

  @Test
  @AsOperations
  void aSignedInPostWithoutItsCsrfTokenIsRefused() {
    String name = Fixtures.unique("Forged");
    given()
        .redirects()
        .follow(false)
        .formParam("name", name)
        .formParam("objective", "acquisition")
        .formParam("channel", "email")
        .formParam("currency", "USD")
        .post("/ops/campaigns")
        .then()
        .statusCode(400);
    // a bearer header does not open the pages' posts either: only /api takes bearer tokens
    given()
        .redirects()
        .follow(false)
        .header("Authorization", "Bearer forged")
        .formParam("name", name)
        .post("/ops/campaigns")
        .then()
        .statusCode(400);
    assertThat(QuarkusTransaction.requiringNew().call(() -> Campaign.count("name", name))).isZero();
  }

  @Test
  @AsSales
  void salesCannotReachCampaigns() {
    given().get("/ops/campaigns").then().statusCode(403);
    Csrf.form().formParam("name", "x").post("/ops/campaigns").then().statusCode(403);
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Guarded"));
    Csrf.form()
        .formParam("status", "paused")
        .post("/ops/campaigns/" + v.campaign.id + "/status")
        .then()
        .statusCode(403);
    Csrf.form()
        .formParam("amount", "1")
        .post("/ops/campaigns/" + v.campaign.id + "/costs")
        .then()
        .statusCode(403);
  }

  @Test
  @AsOperations
  void operationsCannotWorkDeals() {
    given().get("/sales/pipeline").then().statusCode(403);
    Csrf.form().formParam("stage", "5").post("/sales/deals/1/stage").then().statusCode(403);
  }
}
