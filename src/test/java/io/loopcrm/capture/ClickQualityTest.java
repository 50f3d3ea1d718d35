package io.loopcrm.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clicks that cannot be stuffed: scripted floods of one visitor, bots, many clicks of one address.
 * Every kept click stays in the click table; the funnel (read here through its rollup, as the
 * campaign list, the funnel and the A/B verdict read it) counts one per visitor, variant and 30
 * minutes and none from bots.
 */
@QuarkusTest
class ClickQualityTest {
  @jakarta.inject.Inject io.micrometer.core.instrument.MeterRegistry metrics;
  static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Safari/537.36";
  static final String GOOGLEBOT =
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  @Inject ClickQuality quality;
  @Inject ClickLog clickLog;

  @Test
  @io.loopcrm.testing.AsOperations
  void thirtyClicksOfOneVisitorAndTenOfABotCountOnce() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Stuffed"));
    String visitor = UUID.randomUUID().toString();
    for (int i = 0; i < 30; i++) {
      click(v, visitor, CHROME, "198.51.100.1").then().statusCode(302);
    }
    for (int i = 0; i < 10; i++) {
      click(v, null, GOOGLEBOT, "66.249.66.1").then().statusCode(302);
    }
    // a script that sends no user agent is no person either
    given()
        .redirects()
        .follow(false)
        .header("User-Agent", "")
        .get("/t/" + v.trackingCode)
        .then()
        .statusCode(302);
    // all 41 stay for audit, with the reason they do not count
    assertThat(count(v, "ignored is null")).isEqualTo(1);
    assertThat(count(v, "ignored = 'repeat'")).isEqualTo(29);
    assertThat(count(v, "ignored = 'bot'")).isEqualTo(11);
    assertThat(rollup(v, "clicks")).isEqualTo(1);
    assertThat(rollup(v, "clicks_ignored")).isEqualTo(40);
    // the campaign page counts one click and says how many it left out, in both languages
    given()
        .header("Accept-Language", "en")
        .get("/ops/campaigns/" + v.campaign.id)
        .then()
        .statusCode(200)
        .body(containsString("id=\"n-clicks\">1</div>"))
        .body(containsString("+ 40 not counted"));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/campaigns/" + v.campaign.id)
        .then()
        .statusCode(200)
        .body(containsString("另有 40 次未计入"));
  }

  @Test
  void aVisitorCountsAgainAfterThirtyMinutesAndOnEachVariant() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Half hour"));
    CampaignVariant other = Fixtures.campaignWithVariant(Fixtures.unique("Other"));
    String early = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    // earlier clicks of two visitors: one 31 minutes ago, one 29 minutes ago
    sql(
        "insert into click (variant_id, campaign_id, visitor_id, clicked_at) values (?1, ?2,"
            + " cast(?3 as uuid), now() - interval '31 minutes'), (?1, ?2, cast(?4 as uuid),"
            + " now() - interval '29 minutes')",
        v.id,
        v.campaign.id,
        early,
        recent);
    click(v, early, CHROME, "198.51.100.2").then().statusCode(302);
    click(v, recent, CHROME, "198.51.100.2").then().statusCode(302);
    click(other, recent, CHROME, "198.51.100.2").then().statusCode(302);
    assertThat(count(v, "ignored is null")).isEqualTo(3);
    assertThat(count(v, "ignored = 'repeat' and visitor_id = cast('" + recent + "' as uuid)"))
        .isEqualTo(1);
    assertThat(count(other, "ignored is null")).isEqualTo(1);
  }

  @Test
  void clicksOfOneVisitorWrittenTogetherCountOnce() throws Exception {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Together"));
    UUID visitor = UUID.randomUUID();
    List<CompletableFuture<Void>> kept = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      kept.add(
          clickLog.record(
              new ClickLog.Click(
                  v.id,
                  v.campaign.id,
                  visitor,
                  "loop",
                  "search",
                  "together",
                  null,
                  java.time.Instant.now(),
                  null,
                  true)));
    }
    CompletableFuture.allOf(kept.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
    // whether they shared one batch (the writer's own check) or not (the insert's): one counts
    assertThat(count(v, "ignored is null")).isEqualTo(1);
    assertThat(count(v, "ignored = 'repeat'")).isEqualTo(19);
    assertThat(rollup(v, "clicks")).isEqualTo(1);
  }

  @Test
  void oneAddressGetsItsCapCountedItsFloodKeptAndEveryRedirect() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Flood"));
    double droppedBefore = metrics.counter("loop.clicks.dropped").count();
    int[] before = quality.cap(5, 20);
    try {
      for (int i = 0; i < 50; i++) {
        // new visitors each time (no cookie), as a script that drops cookies
        Response r = click(v, null, CHROME, "203.0.113.9");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.header("Location")).startsWith("https://example.com/demo?");
      }
      click(v, null, CHROME, "203.0.113.10").then().statusCode(302);
    } finally {
      quality.cap(before[0], before[1]);
    }
    // five counted and fifteen kept as a flood of the busy address, the other address's one
    // counted; the thirty past the flood limit never reached the log, and the metric says so
    assertThat(count(v, "true")).isEqualTo(21);
    assertThat(count(v, "ignored = 'flood'")).isEqualTo(15);
    assertThat(rollup(v, "clicks")).isEqualTo(6);
    assertThat(rollup(v, "clicks_ignored")).isEqualTo(15);
    assertThat(metrics.counter("loop.clicks.dropped").count() - droppedBefore).isEqualTo(30);
  }

  @Test
  void ua_parsersListNamesTheBotsAndLetsBrowsersAndTestClientsThrough() {
    assertThat(Bots.isBot(GOOGLEBOT)).isTrue();
    assertThat(
            Bots.isBot("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"))
        .isTrue();
    assertThat(Bots.isBot("facebookexternalhit/1.1")).isTrue();
    assertThat(
            Bots.isBot(
                "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0)"))
        .isTrue();
    assertThat(Bots.isBot(null)).isTrue();
    assertThat(Bots.isBot(" ")).isTrue();
    assertThat(Bots.isBot(CHROME)).isFalse();
    assertThat(
            Bots.isBot(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
                    + " (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"))
        .isFalse();
  }

  private static Response click(CampaignVariant v, String visitor, String agent, String address) {
    var spec =
        given()
            .redirects()
            .follow(false)
            .header("User-Agent", agent)
            .header("X-Forwarded-For", address);
    if (visitor != null) {
      spec.cookie("loop_vid", visitor);
    }
    return spec.get("/t/" + v.trackingCode);
  }

  private static long count(CampaignVariant v, String where) {
    return number("select count(*) from click where variant_id = ?1 and " + where, v.id);
  }

  private static long rollup(CampaignVariant v, String column) {
    return number(
        "select coalesce(sum("
            + column
            + "), 0) from funnel_rollup where grain = 'd'"
            + " and model = '*' and variant_id = ?1",
        v.id);
  }

  private static long number(String sql, Object... params) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var q = Lead.getEntityManager().createNativeQuery(sql);
              for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
              }
              return ((Number) q.getSingleResult()).longValue();
            });
  }

  private static void sql(String sql, Object... params) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var q = Lead.getEntityManager().createNativeQuery(sql);
              for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
              }
              q.executeUpdate();
            });
  }
}
