package io.loopcrm.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A campaign's split link {@code /t/c/{code}}: variants drawn by weight and kept per visitor. */
@QuarkusTest
class SplitLinkTest {
  private static final Pattern CONTENT = Pattern.compile("[?&]utm_content=([A-Za-z0-9_-]+)");

  @Test
  void twoThousandVisitorsSplitByTheWeightsAndEachClickCountsOnItsVariant() {
    CampaignVariant a = Fixtures.campaignWithVariant(Fixtures.unique("Split"));
    CampaignVariant b = variant(a.campaign, "C", 3 * CampaignVariant.DEFAULT_WEIGHT);
    String code = code(a.campaign.id);
    long clicksBefore = clicks(a.id) + clicks(b.id);
    Map<String, Integer> landed = new HashMap<>();
    for (int i = 0; i < 2_000; i++) {
      Response r = given().redirects().follow(false).get("/t/c/" + code);
      assertThat(r.statusCode()).isEqualTo(302);
      String variant = content(r.header("Location"));
      landed.merge(variant, 1, Integer::sum);
      // the cookie that keeps the variant names the one the visitor was sent to
      assertThat(r.cookie(SplitResource.cookieName(code))).isEqualTo(variant);
    }
    assertThat(landed.keySet()).containsExactlyInAnyOrder(a.trackingCode, b.trackingCode);
    // weight 3 of 4: 1,500 expected; the 99.9 % two-sided binomial bounds are ±3.29 σ,
    // σ = √(2000 · 0.75 · 0.25) ≈ 19.4, so 1,437 to 1,563
    assertThat(landed.get(b.trackingCode)).isBetween(1_437, 1_563);
    // every click was recorded, on the variant the visitor landed on
    assertThat(clicks(a.id) + clicks(b.id)).isEqualTo(clicksBefore + 2_000);
    assertThat(clicks(b.id)).isEqualTo(landed.get(b.trackingCode).longValue());
  }

  @Test
  void aReturningVisitorKeepsTheirVariantAndAStrangeCookieIsDrawnAgain() {
    CampaignVariant a = Fixtures.campaignWithVariant(Fixtures.unique("Keep"));
    CampaignVariant b = variant(a.campaign, "C", CampaignVariant.DEFAULT_WEIGHT);
    CampaignVariant elsewhere = Fixtures.campaignWithVariant(Fixtures.unique("Elsewhere"));
    String code = code(a.campaign.id);
    Response first = given().redirects().follow(false).get("/t/c/" + code);
    String kept = first.cookie(SplitResource.cookieName(code));
    String visitor = first.cookie("loop_vid");
    assertThat(kept).isIn(a.trackingCode, b.trackingCode);
    for (int i = 0; i < 30; i++) {
      Response again =
          given()
              .redirects()
              .follow(false)
              .cookie("loop_vid", visitor)
              .cookie(SplitResource.cookieName(code), kept)
              .get("/t/c/" + code + "?utm_source=newsletter");
      assertThat(again.statusCode()).isEqualTo(302);
      assertThat(content(again.header("Location"))).isEqualTo(kept);
      assertThat(again.header("Location")).contains("utm_source=newsletter");
      // a known visitor gets no new visitor id
      assertThat(again.cookie("loop_vid")).isNull();
    }
    // a cookie naming another campaign's variant, or nothing known, is not followed
    for (String strange : new String[] {elsewhere.trackingCode, "nonsense", ""}) {
      Response r =
          given()
              .redirects()
              .follow(false)
              .cookie(SplitResource.cookieName(code), strange)
              .get("/t/c/" + code);
      assertThat(r.statusCode()).isEqualTo(302);
      assertThat(content(r.header("Location"))).isIn(a.trackingCode, b.trackingCode);
    }
  }

  @Test
  void unknownCodesAre404AndAPausedCampaignRedirectsWithoutCounting() {
    given().redirects().follow(false).get("/t/c/nosuchcampaign").then().statusCode(404);
    given().redirects().follow(false).get("/t/c/..%2F..%2Fadmin").then().statusCode(404);
    given().redirects().follow(false).get("/t/c/" + "x".repeat(40)).then().statusCode(404);
    CampaignVariant a = Fixtures.campaignWithVariant(Fixtures.unique("Paused split"));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Campaign.update(
                    "status = ?1 where id = ?2", Campaign.Status.PAUSED, a.campaign.id));
    long before = clicks(a.id);
    Response r = given().redirects().follow(false).get("/t/c/" + code(a.campaign.id));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.header("Location")).startsWith("https://example.com/demo?");
    assertThat(clicks(a.id)).isEqualTo(before);
  }

  @Test
  @io.loopcrm.testing.AsOperations
  void theCampaignPageShowsTheSplitLinkAndEachVariantsShare() {
    CampaignVariant a = Fixtures.campaignWithVariant(Fixtures.unique("Shares"));
    variant(a.campaign, "C", 3 * CampaignVariant.DEFAULT_WEIGHT);
    String code = code(a.campaign.id);
    given()
        .header("Accept-Language", "en")
        .get("/ops/campaigns/" + a.campaign.id)
        .then()
        .statusCode(200)
        .body(containsString("/t/c/" + code + "\""))
        .body(containsString("weight 50 · 25% of the split link"))
        .body(containsString("weight 150 · 75% of the split link"));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/campaigns/" + a.campaign.id)
        .then()
        .statusCode(200)
        .body(containsString("拆分链接"))
        .body(containsString("权重 150 · 占拆分链接 75%"));
  }

  private static String content(String location) {
    Matcher m = CONTENT.matcher(location);
    assertThat(m.find()).as(location).isTrue();
    return m.group(1);
  }

  private static CampaignVariant variant(Campaign campaign, String name, int weight) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              CampaignVariant v = new CampaignVariant();
              v.campaign = Campaign.findById(campaign.id);
              v.name = name;
              v.weight = weight;
              v.landingUrl = "https://example.com/" + name.toLowerCase(java.util.Locale.ROOT);
              v.trackingCode = Fixtures.unique("t").replace("-", "");
              v.persist();
              return v;
            });
  }

  private static String code(long campaignId) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Campaign.<Campaign>findById(campaignId).code);
  }

  private static long clicks(long variantId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        Lead.getEntityManager()
                            .createNativeQuery("select count(*) from click where variant_id = ?1")
                            .setParameter(1, variantId)
                            .getSingleResult())
                    .longValue());
  }
}
