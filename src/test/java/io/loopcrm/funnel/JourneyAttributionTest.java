package io.loopcrm.funnel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Linear attribution shares a lead among every campaign and variant of its journey. */
@QuarkusTest
class JourneyAttributionTest {

  /** One "today" for the whole test, so that its captures and the report share a day. */
  static final java.time.Instant NOW = java.time.Instant.parse("2026-06-16T12:00:00Z");

  @org.junit.jupiter.api.BeforeEach
  void pinTheClock() {
    io.loopcrm.testing.TestClock.pin(NOW);
  }

  @org.junit.jupiter.api.AfterEach
  void releaseTheClock() {
    io.loopcrm.testing.TestClock.release();
  }

  @Test
  @AsOperations
  void linearCreditIsSharedByEveryTouchOfTheJourneyAndFollowsItsChanges() {
    CampaignVariant x = Fixtures.campaignWithVariant(Fixtures.unique("Journey X"));
    CampaignVariant y = Fixtures.campaignWithVariant(Fixtures.unique("Journey Y"));
    CampaignVariant z = Fixtures.campaignWithVariant(Fixtures.unique("Journey Z"));
    CampaignVariant w = Fixtures.campaignWithVariant(Fixtures.unique("Journey W"));
    String visitor = click(x, null);
    click(y, visitor);
    click(x, visitor);
    String email = Fixtures.unique("journey") + "@example.com";
    submit(z, visitor, email);

    Lead lead = lead(email);
    assertThat(lead.journeyCampaignIds)
        .containsExactly(x.campaign.id, y.campaign.id, z.campaign.id);
    assertThat(lead.journeyVariantIds).containsExactly(x.id, y.id, z.id);
    assertThat(lead.firstTouch.campaignId).isEqualTo(x.campaign.id);
    assertThat(lead.lastTouch.campaignId).isEqualTo(z.campaign.id);

    // shares to the hundredth, the last touch takes the rest: the lead counts exactly once
    Map<String, String> linear = leadsByCampaign("linear");
    assertThat(linear.get(x.campaign.name)).isEqualTo("0.33");
    assertThat(linear.get(y.campaign.name)).isEqualTo("0.33");
    assertThat(linear.get(z.campaign.name)).isEqualTo("0.34");
    assertThat(leadsByCampaign("first").get(x.campaign.name)).isEqualTo("1");
    // (the campaign still has a row for its clicks)
    assertThat(leadsByCampaign("first").get(y.campaign.name)).isEqualTo("0");
    assertThat(leadsByCampaign("last").get(z.campaign.name)).isEqualTo("1");

    // the person comes back through another campaign and sends the form again: four touches
    click(w, visitor);
    submit(z, visitor, email);
    lead = lead(email);
    assertThat(lead.journeyCampaignIds)
        .containsExactly(x.campaign.id, y.campaign.id, z.campaign.id, w.campaign.id);
    linear = leadsByCampaign("linear");
    for (CampaignVariant v : List.of(x, y, z, w)) {
      assertThat(linear.get(v.campaign.name)).as(v.campaign.name).isEqualTo("0.25");
    }
    // the lead page lists the journey in order
    String page =
        given()
            .header("Accept-Language", "en")
            .get("/sales/leads/" + lead.id)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String journey = page.substring(page.indexOf("id=\"journey\""));
    journey = journey.substring(0, journey.indexOf("</ol>"));
    assertThat(journey).contains("Journey (shared under linear attribution)");
    int at = -1;
    for (CampaignVariant v : List.of(x, y, z, w)) {
      int next = journey.indexOf(v.campaign.name + " · " + v.name);
      assertThat(next).as(v.campaign.name).isGreaterThan(at);
      at = next;
    }
    // every model still hands out the same total
    assertThat(total("linear")).isEqualByComparingTo(total("first"));
    assertThat(total("last")).isEqualByComparingTo(total("first"));
  }

  private static String click(CampaignVariant v, String visitor) {
    var request = given().redirects().follow(false);
    if (visitor != null) {
      request = request.cookie("loop_vid", visitor);
    }
    String set =
        request.get("/t/" + v.trackingCode).then().statusCode(302).extract().cookie("loop_vid");
    return visitor != null ? visitor : set;
  }

  private static void submit(CampaignVariant v, String visitor, String email) {
    Csrf.form()
        .cookie("loop_vid", visitor)
        .formParam("lastName", "Journey")
        .formParam("email", email)
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(303);
  }

  private static Lead lead(String email) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Lead.<Lead>find("emailNormalized", Lead.normalizeEmail(email)).firstResult());
  }

  private static String today() {
    String day = LocalDate.ofInstant(NOW, ZoneOffset.UTC).toString();
    return "from=" + day + "&to=" + day;
  }

  /** Leads per campaign name from the breakdown CSV of today. */
  private static Map<String, String> leadsByCampaign(String model) {
    Map<String, String> out = new HashMap<>();
    for (String[] cells : csv(model)) {
      if (!cells[0].equals("campaign") && !cells[0].equals("total")) {
        out.put(cells[0], cells[2]);
      }
    }
    return out;
  }

  private static BigDecimal total(String model) {
    for (String[] cells : csv(model)) {
      if (cells[0].equals("total")) {
        return new BigDecimal(cells[2]);
      }
    }
    throw new AssertionError("no total");
  }

  private static List<String[]> csv(String model) {
    String csv =
        given()
            .get("/ops/funnel/breakdown.csv?" + today() + "&by=campaign&model=" + model)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return java.util.Arrays.stream(csv.replace("\uFEFF", "").split("\r\n"))
        .map(line -> line.split(",", -1))
        .toList();
  }
}
