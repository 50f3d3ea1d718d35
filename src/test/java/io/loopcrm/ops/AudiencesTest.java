package io.loopcrm.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.loopcrm.api.ApiLeadsTest;
import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Audience;
import io.loopcrm.people.Member;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audiences: each criterion against hand-counted leads of a region of their own (statuses, score
 * range, first-touch channel, customers of a campaign, and "bought from the spring campaign and not
 * since"), then the page as operations builds one (live count, members, CSV, the form's messages in
 * both languages, a stale save) and the API's read with the member count.
 */
@QuarkusTest
class AudiencesTest {
  @jakarta.inject.Inject EntityManager em;
  @jakarta.inject.Inject Clock clock;

  String region;
  long spring;
  long repId;

  /**
   * Six leads in a region of their own: two new (scores 10 and 50), one qualified (80, first touch
   * spring), two customers of spring (one bought again 10 days ago, one last 400 days ago), one
   * rejected.
   */
  @BeforeEach
  void leads() {
    region = Fixtures.unique("Aud");
    Member rep = Fixtures.member(Fixtures.unique("audrep"), List.of("sales"), null);
    repId = rep.id;
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Spring"));
    spring = v.campaign.id;
    long[] ids = new long[6];
    for (int i = 0; i < 6; i++) {
      ids[i] = Fixtures.lead(rep, Fixtures.unique("Aud" + i), "Aud Co " + i, null).id;
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              sql(
                  "update lead set region = ?1, score = 0 where id in (?2, ?3, ?4, ?5, ?6, ?7)",
                  region,
                  ids[0],
                  ids[1],
                  ids[2],
                  ids[3],
                  ids[4],
                  ids[5]);
              sql("update lead set status = 'new', score = 10 where id = ?1", ids[0]);
              sql("update lead set status = 'new', score = 50 where id = ?1", ids[1]);
              sql(
                  "update lead set status = 'qualified', score = 80, first_touch_campaign_id = ?1 where id = ?2",
                  spring,
                  ids[2]);
              sql("update lead set status = 'rejected' where id = ?1", ids[5]);
              customer(ids[3], 400, 0);
              customer(ids[4], 400, 10);
            });
  }

  /** A customer of spring: its own deal won {@code days} ago, and again {@code again} days ago. */
  private void customer(long lead, int days, int again) {
    var account = new io.loopcrm.customer.Account();
    account.name = "Aud account " + lead;
    account.persist();
    long won = deal(account.id, days);
    sql(
        "update lead set status = 'converted', deal_status = 'won', deal_amount = 100,"
            + " deal_currency = 'USD', deal_closed_at = ?1, first_touch_campaign_id = ?2,"
            + " converted_deal_id = ?3 where id = ?4",
        java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(days))),
        spring,
        won,
        lead);
    if (again > 0) {
      deal(account.id, again);
    }
  }

  private long deal(long account, int daysAgo) {
    io.loopcrm.deal.Deal d = new io.loopcrm.deal.Deal();
    d.name = "Aud deal";
    d.account = io.loopcrm.customer.Account.findById(account);
    d.owner = Member.findById(repId);
    d.stage =
        io.loopcrm.deal.PipelineStage.find("kind", io.loopcrm.deal.PipelineStage.Kind.WON)
            .firstResult();
    d.status = io.loopcrm.deal.Deal.Status.WON;
    d.closedAt = clock.instant().minus(java.time.Duration.ofDays(daysAgo));
    d.persist();
    em.flush();
    return d.id;
  }

  private void sql(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    q.executeUpdate();
  }

  private long count(Consumer<Audience> criteria) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Audience a = new Audience();
              a.region = region;
              criteria.accept(a);
              return a.count(clock.getZone(), clock.instant());
            });
  }

  @Test
  void eachCriterionCountsTheLeadsItNames() {
    assertThat(count(a -> {})).isEqualTo(6);
    assertThat(count(a -> a.statuses = "new")).isEqualTo(2);
    assertThat(count(a -> a.statuses = "new,rejected")).isEqualTo(3);
    assertThat(
            count(
                a -> {
                  a.minScore = 40;
                  a.maxScore = 90;
                }))
        .isEqualTo(2);
    long channelCount =
        count(
            a ->
                a.channel =
                    QuarkusTransaction.requiringNew()
                        .call(() -> Campaign.<Campaign>findById(spring).channel.code()));
    assertThat(channelCount).isEqualTo(3);
    assertThat(count(a -> a.firstTouchCampaign = Campaign.findById(spring))).isEqualTo(3);
    assertThat(count(a -> a.customersOfCampaign = Campaign.findById(spring))).isEqualTo(2);
    // "customers who bought from the spring campaign and not since": the one who bought again is
    // out
    assertThat(
            count(
                a -> {
                  a.customersOfCampaign = Campaign.findById(spring);
                  a.noPurchaseDays = 90;
                }))
        .isEqualTo(1);
    assertThat(count(a -> a.createdFrom = java.time.LocalDate.now(clock).plusDays(1))).isZero();
  }

  @Test
  @AsOperations
  void operationsBuildsAnAudienceOnItsPage() {
    given()
        .queryParam("region", region)
        .queryParam("statuses", "new")
        .get("/ops/audiences/count")
        .then()
        .statusCode(200)
        .body(containsString("2 leads match now"));
    // a control character in the query (the malformed-request run sent a NUL): not a 500
    given().queryParam("segment", "a\u0000b").get("/ops/audiences/count").then().statusCode(200);
    String name = Fixtures.unique("New in " + region);
    String location =
        Csrf.form()
            .formParam("name", name)
            .formParam("region", region)
            .formParam("statuses", "new")
            .formParam("statuses", "qualified")
            .post("/ops/audiences")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    String page = given().get(location).then().statusCode(200).extract().asString();
    assertThat(page).contains(name).contains("id=\"member-count\">3<").contains("Aud Co 2");
    String csv = given().get(location + "/export.csv").then().statusCode(200).extract().asString();
    assertThat(csv.lines().count()).isEqualTo(4);

    // the form's rules, next to each field, in the user's language
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", name.toUpperCase())
        .formParam("minScore", "90")
        .formParam("maxScore", "10")
        .formParam("channel", "pigeon")
        .post("/ops/audiences")
        .then()
        .statusCode(422)
        .body(containsString("An audience with this name already exists."))
        .body(containsString("The lowest score must not be above the highest."))
        .body(containsString("Choose one of the channels."));
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("name", "")
        .post("/ops/audiences")
        .then()
        .statusCode(422)
        .body(containsString("请填写此项"));
    long audiences =
        QuarkusTransaction.requiringNew()
            .call(() -> Audience.count("lower(name) = ?1", name.toLowerCase()));
    assertThat(audiences).isEqualTo(1);

    // a save over someone else's newer one: the saved audience again, nothing changed
    Csrf.form()
        .formParam("name", name)
        .formParam("region", "Elsewhere")
        .formParam("version", "99")
        .post(location)
        .then()
        .statusCode(409);
    Csrf.form()
        .formParam("name", name)
        .formParam("region", region)
        .formParam("statuses", "rejected")
        .formParam("version", "0")
        .post(location)
        .then()
        .statusCode(303);
    assertThat(given().get(location).then().extract().asString())
        .contains("id=\"member-count\">1<");

    // the audience is a campaign's target: chosen on its form, named on its page
    String audienceId = location.substring(location.lastIndexOf('/') + 1);
    String campaign =
        Csrf.form()
            .formParam("name", Fixtures.unique("Win-back"))
            .formParam("objective", "retention")
            .formParam("channel", "email")
            .formParam("currency", "USD")
            .formParam("audience", audienceId)
            .post("/ops/campaigns")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    given()
        .get(campaign)
        .then()
        .statusCode(200)
        .body(containsString("id=\"campaign-audience\">" + name + "<"));
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", Fixtures.unique("Win-back"))
        .formParam("objective", "retention")
        .formParam("channel", "email")
        .formParam("currency", "USD")
        .formParam("audience", "999999999")
        .post("/ops/campaigns")
        .then()
        .statusCode(422)
        .body(containsString("Choose one of the options."));
  }

  @Test
  void theApiReadsAnAudienceWithItsMembers() {
    long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Audience a = new Audience();
                  a.name = Fixtures.unique("Api audience");
                  a.region = region;
                  a.customersOfCampaign = Campaign.findById(spring);
                  a.persist();
                  return a.id;
                });
    given()
        .auth()
        .oauth2(ApiLeadsTest.readerToken())
        .get("/api/audiences/" + id)
        .then()
        .statusCode(200)
        .body("members", equalTo(2))
        .body("customersOfCampaignId", equalTo((int) spring));
    given().auth().oauth2(ApiLeadsTest.token()).get("/api/audiences").then().statusCode(200);
  }
}
