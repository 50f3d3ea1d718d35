package io.loopcrm.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.routing.RoutingRule;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.StatementCounter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The public capture routes: tracking link, web-to-lead form, against the real database. */
@QuarkusTest
class CaptureTest {
  @Inject EntityManagerFactory emf;
  @Inject RateLimiter limiter;
  @Inject ClickLog clickLog;
  @Inject CaptureGate gate;
  @Inject io.agroal.api.AgroalDataSource dataSource;
  @Inject HandEntry handEntry;

  @Test
  @io.loopcrm.testing.AsOperations
  void trackingLinkRecordsTheClickAndRedirectsOnlyToTheLandingPage() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Spring"));
    long before = clicks(v.id);
    Response r =
        given()
            .redirects()
            .follow(false)
            .header("Referer", "https://news.example/issue-7")
            .get(
                "/t/"
                    + v.trackingCode
                    + "?utm_source=newsletter&next=https://evil.example&url=//evil.example");
    assertThat(r.statusCode()).isEqualTo(302);
    String location = r.header("Location");
    assertThat(location)
        .startsWith("https://example.com/demo?")
        .contains("utm_source=newsletter")
        .contains("utm_medium=search")
        .contains("utm_content=" + v.trackingCode)
        .doesNotContain("evil");
    assertThat(r.cookie("loop_vid")).isNotBlank();
    // the landing page learns the visitor id, for a form embedded there (see below)
    assertThat(location).contains("loop_vid=" + r.cookie("loop_vid"));
    assertThat(clicks(v.id)).isEqualTo(before + 1);
    // the campaign list counts it (read from the funnel rollup)
    String list =
        given()
            .header("Accept-Language", "en")
            .get("/ops/campaigns?q=" + v.campaign.name)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    int row = list.indexOf("id=\"campaign-" + v.campaign.id + "\"");
    assertThat(row).isNotNegative();
    assertThat(list.substring(row, list.indexOf("</tr>", row)))
        .contains("<td class=\"text-end\">1</td>");
    String referrer =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (String)
                        Lead.getEntityManager()
                            .createNativeQuery(
                                "select referrer from click where variant_id = ?1 order by id desc limit 1")
                            .setParameter(1, v.id)
                            .getSingleResult());
    assertThat(referrer).isEqualTo("https://news.example/issue-7");
  }

  @Test
  void aClickIsKeptBeforeItsRedirectAndCostsNoEntityStatementOnceTheCodeIsCached() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Busy"));
    given().redirects().follow(false).get("/t/" + v.trackingCode).then().statusCode(302);
    long before = clicks(v.id);
    long statements =
        StatementCounter.count(
            emf,
            () ->
                given()
                    .redirects()
                    .follow(false)
                    .cookie("loop_vid", "6b1c1f9e-3a4b-4c5d-8e9f-0a1b2c3d4e5f")
                    .get("/t/" + v.trackingCode)
                    .then()
                    .statusCode(302));
    // the click is one row of the click log's batch insert, committed before the 302 went out
    assertThat(statements).isZero();
    assertThat(clicks(v.id)).isEqualTo(before + 1);
  }

  @Test
  void aNewLeadFromTheFormIsWrittenOnceWithinAStatementBudget() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Once"));
    org.hibernate.stat.Statistics stats =
        emf.unwrap(org.hibernate.SessionFactory.class).getStatistics();
    long updates = stats.getEntityUpdateCount();
    long statements =
        StatementCounter.count(
            emf,
            () ->
                Csrf.form()
                    .formParam("lastName", "Once")
                    .formParam("email", Fixtures.unique("once") + "@example.com")
                    .post("/f/" + v.trackingCode)
                    .then()
                    .statusCode(303));
    // inserted once (scored and routed before), never updated in the same breath
    assertThat(stats.getEntityUpdateCount() - updates).isZero();
    assertThat(statements).as(StatementCounter.last()).isLessThanOrEqualTo(12);
  }

  @Test
  void clicksAtTheSameTimeShareBatchesAndAllAreCounted() throws Exception {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Rush"));
    long batchesBefore = clickLog.batches();
    List<java.util.concurrent.CompletableFuture<Void>> kept = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      kept.add(clickLog.record(click(v, "rush")));
    }
    java.util.concurrent.CompletableFuture.allOf(
            kept.toArray(new java.util.concurrent.CompletableFuture[0]))
        .get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(clicks(v.id)).isEqualTo(200);
    assertThat(clickLog.batches() - batchesBefore).isLessThan(20);
    // the funnel's click counts follow the batch (one statement trigger), not lose rows of it
    Number rolled =
        (Number)
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        Campaign.getEntityManager()
                            .createNativeQuery(
                                "select coalesce(sum(clicks), 0) from funnel_rollup where grain ="
                                    + " 'd' and model = '*' and variant_id = ?1")
                            .setParameter(1, v.id)
                            .getSingleResult());
    assertThat(rolled.longValue()).isEqualTo(200);
  }

  @Test
  void aGracefulStopWritesEveryQueuedClick() throws Exception {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Stop"));
    // a click log of its own over the same database, stopped while clicks are still queued
    ClickLog log = new ClickLog();
    log.db = dataSource;
    log.batch = 7;
    log.capacity = 1_000;
    log.start(null);
    List<java.util.concurrent.CompletableFuture<Void>> kept = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      kept.add(log.record(click(v, "stop")));
    }
    log.stop(null);
    assertThat(kept).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    assertThat(clicks(v.id)).isEqualTo(300);
    // after the stop a click is still written, at once
    log.record(click(v, "late")).get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(clicks(v.id)).isEqualTo(301);
  }

  @Test
  void aClickTheDatabaseRefusesCostsNoOtherClickOfItsBatch() throws Exception {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Refused"));
    List<java.util.concurrent.CompletableFuture<Void>> kept = new ArrayList<>();
    java.util.concurrent.CompletableFuture<Void> refused = null;
    for (int i = 0; i < 200; i++) {
      kept.add(clickLog.record(click(v, "mixed")));
      if (i == 100) {
        // a variant that does not exist: the database refuses this row
        ClickLog.Click c = click(v, "mixed");
        refused =
            clickLog.record(
                new ClickLog.Click(
                    -1,
                    c.campaignId(),
                    c.visitor(),
                    "loop",
                    "email",
                    "mixed",
                    null,
                    c.at(),
                    null,
                    false));
      }
    }
    java.util.concurrent.CompletableFuture.allOf(
            kept.toArray(new java.util.concurrent.CompletableFuture[0]))
        .get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(clicks(v.id)).isEqualTo(200);
    java.util.concurrent.CompletableFuture<Void> bad = refused;
    assertThat(
            org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class,
                () -> bad.get(30, java.util.concurrent.TimeUnit.SECONDS)))
        .hasCauseInstanceOf(java.sql.SQLException.class);
  }

  @Test
  void aFullCaptureGateAnswersTryAgainAtOnceAndSavesNothing() throws Exception {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Flood"));
    String email = Fixtures.unique("flood") + "@example.com";
    long wait = gate.waitMillis();
    int places = gate.fill(50);
    try {
      long started = System.nanoTime();
      Csrf.form()
          .header("Accept-Language", "zh-CN")
          .formParam("lastName", "Flood")
          .formParam("email", email)
          .formParam("company", "Flood Works")
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(503)
          .header("Retry-After", "1")
          .body(containsString("此刻提交的人很多"))
          // what the visitor typed stays in the form for the second try
          .body(containsString("value=\"" + email + "\""))
          .body(containsString("value=\"Flood Works\""));
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(java.time.Duration.ofSeconds(2));
      given()
          .auth()
          .oauth2(io.loopcrm.api.ApiLeadsTest.token())
          .contentType(io.restassured.http.ContentType.JSON)
          .body("{\"lastName\":\"Flood\",\"email\":\"" + email + "\"}")
          .post("/api/leads")
          .then()
          .statusCode(503)
          .header("Retry-After", "1")
          .contentType(containsString("application/problem+json"))
          .body("status", org.hamcrest.Matchers.equalTo(503));
      assertThat(count(email)).isZero();
    } finally {
      gate.empty(places, wait);
      limiter.reset();
    }
    Csrf.form()
        .formParam("lastName", "Flood")
        .formParam("email", email)
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(303);
    assertThat(count(email)).isEqualTo(1);
  }

  @Test
  void unknownOrMalformedCodesAreAPlain404() {
    given().redirects().follow(false).get("/t/nosuchcode").then().statusCode(404);
    given().redirects().follow(false).get("/t/..%2F..%2Fadmin").then().statusCode(404);
    given().redirects().follow(false).get("/f/nosuchcode").then().statusCode(404);
  }

  @Test
  void aPausedCampaignStillRedirectsButCapturesNothing() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Paused"));
    setStatus(v, Campaign.Status.PAUSED);
    long before = clicks(v.id);
    given().redirects().follow(false).get("/t/" + v.trackingCode).then().statusCode(302);
    assertThat(clicks(v.id)).isEqualTo(before);
    given()
        .header("Accept-Language", "en")
        .get("/f/" + v.trackingCode)
        .then()
        .statusCode(410)
        .body(containsString("This form is closed"));
  }

  @Test
  void clickThenFormMakesAnAttributedLeadRoutedByTheRules() {
    String region = Fixtures.unique("North");
    Member rep =
        Fixtures.member(Fixtures.unique("northrep"), List.of("sales"), Fixtures.unique("Team N"));
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Webinar"));
    RoutingRule rule = rule(region, rep);
    try {
      Response click =
          given()
              .redirects()
              .follow(false)
              .get("/t/" + v.trackingCode + "?utm_source=linkedin&utm_medium=social");
      String visitor = click.cookie("loop_vid");

      given()
          .cookie("loop_vid", visitor)
          .get("/f/" + v.trackingCode + "?utm_source=linkedin")
          .then()
          .statusCode(200)
          .body(containsString("Close the loop in a week"))
          .body(containsString("Book a demo"))
          .header("Content-Security-Policy", containsString("frame-ancestors *"));

      String email = Fixtures.unique("ana") + "@Example.com";
      Csrf.form()
          .cookie("loop_vid", visitor)
          .formParam("firstName", "Ana")
          .formParam("lastName", "Lima")
          .formParam("email", "  " + email.toUpperCase() + " ")
          .formParam("company", "Lima Labs")
          .formParam("region", region)
          .formParam("utm_source", "linkedin")
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(303)
          .header("Location", containsString("/f/" + v.trackingCode + "/thanks"));

      Lead lead = leadByEmail(email);
      assertThat(lead.source).isEqualTo("web_form");
      assertThat(lead.variant.id).isEqualTo(v.id);
      assertThat(lead.campaign.id).isEqualTo(v.campaign.id);
      assertThat(lead.firstTouch.utmSource).isEqualTo("linkedin");
      assertThat(lead.firstTouch.utmMedium).isEqualTo("social");
      assertThat(lead.firstTouch.variantId).isEqualTo(v.id);
      assertThat(lead.lastTouch.variantId).isEqualTo(v.id);
      assertThat(lead.firstTouch.at).isBeforeOrEqualTo(lead.lastTouch.at);
      assertThat(lead.owner.id).isEqualTo(rep.id);
      assertThat(lead.status).isEqualTo(LeadStatus.ASSIGNED);
      assertThat(lead.routingRuleId).isEqualTo(rule.id);
      assertThat(lead.routingNote.rule()).isEqualTo(rule.name);

      // the same person again, e-mail written differently: the same lead, last touch moved
      Csrf.form()
          .formParam("lastName", "Lima")
          .formParam("email", email.toLowerCase())
          .formParam("phone", "+55 11 5555 0101")
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(303);
      assertThat(count(email)).isEqualTo(1);
      Lead again = leadByEmail(email);
      assertThat(again.id).isEqualTo(lead.id);
      assertThat(again.phone).isEqualTo("+55 11 5555 0101");
      assertThat(again.lastTouch.at).isAfterOrEqualTo(lead.lastTouch.at);
    } finally {
      QuarkusTransaction.requiringNew()
          .run(() -> RoutingRule.update("active = false where id = ?1", rule.id));
    }
  }

  @Test
  void aLeadTypedInByHandTakesItsFirstTouchFromItsFirstCampaignForm() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Typed first"));
    Member rep = Fixtures.member(Fixtures.unique("typist"), List.of("sales"), null);
    String email = Fixtures.unique("typed") + "@example.com";
    var fields =
        new io.loopcrm.lead.LeadFields(
            "Tia", "Typed", "Typed Co", null, email, null, null, null, null, null);
    long id = handEntry.create(fields, "manual", rep, rep, java.time.Instant.now()).created().id;
    assertThat(leadByEmail(email).firstTouch).isNull();

    Csrf.form()
        .formParam("lastName", "Typed")
        .formParam("email", email)
        .formParam("utm_source", "newsletter")
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(303);

    Lead lead = leadByEmail(email);
    assertThat(lead.id).isEqualTo(id);
    // the campaign that first reached this person is credited by the first-touch model
    assertThat(lead.firstTouch).isNotNull();
    assertThat(lead.firstTouch.campaignId).isEqualTo(v.campaign.id);
    assertThat(lead.firstTouch.variantId).isEqualTo(v.id);
    assertThat(lead.lastTouch.variantId).isEqualTo(v.id);

    // and a second campaign's form moves the last touch only
    CampaignVariant other = Fixtures.campaignWithVariant(Fixtures.unique("Typed later"));
    Csrf.form()
        .formParam("lastName", "Typed")
        .formParam("email", email)
        .post("/f/" + other.trackingCode)
        .then()
        .statusCode(303);
    Lead later = leadByEmail(email);
    assertThat(later.firstTouch.variantId).isEqualTo(v.id);
    assertThat(later.lastTouch.variantId).isEqualTo(other.id);
  }

  @Test
  void aFormEmbeddedInAnotherSiteKnowsTheVisitorFromTheAddress() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Embedded"));
    // the click sets our cookie and sends the visitor on to the landing page with its id
    Response click = given().redirects().follow(false).get("/t/" + v.trackingCode);
    String visitor = click.cookie("loop_vid");
    String landing = click.header("Location");
    assertThat(landing).contains("loop_vid=" + visitor);
    // the landing page's snippet opens the iframe with that id; the browser sends no cookie there
    given()
        .get("/f/" + v.trackingCode + "?loop_vid=" + visitor + "&utm_source=partner")
        .then()
        .statusCode(200)
        .body(containsString("name=\"loop_vid\" value=\"" + visitor + "\""));
    // a made-up id is not carried
    given()
        .get("/f/" + v.trackingCode + "?loop_vid=../../x")
        .then()
        .statusCode(200)
        .body(containsString("name=\"loop_vid\" value=\"\""));
    String email = Fixtures.unique("embedded") + "@example.com";
    Csrf.form()
        .formParam("lastName", "Frame")
        .formParam("email", email)
        .formParam("loop_vid", visitor)
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(303);
    Lead lead = leadByEmail(email);
    assertThat(lead.visitorId).hasToString(visitor);
    // the first touch comes from the visitor's click, as with our own cookie
    assertThat(lead.firstTouch.variantId).isEqualTo(v.id);
    assertThat(lead.firstTouch.at).isBeforeOrEqualTo(lead.lastTouch.at);
    // the snippet operations copies hands the address's id and UTM parameters to the form
    assertThat(v.embedSnippet("https://crm.example"))
        .contains("<iframe id=\"loop-form-" + v.trackingCode + "\"")
        .contains("src=\"https://crm.example/f/" + v.trackingCode + "\"")
        .contains("\"loop_vid\"")
        .contains("location.search");
  }

  @Test
  void twentyIdenticalSubmissionsInParallelMakeOneLead() throws Exception {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Burst"));
    String email = Fixtures.unique("burst") + "@example.com";
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return Csrf.form()
                      .formParam("lastName", "Burst")
                      .formParam("email", email)
                      .post("/f/" + v.trackingCode)
                      .statusCode();
                }));
      }
      start.countDown();
      for (Future<Integer> a : answers) {
        assertThat(a.get()).isEqualTo(303);
      }
    } finally {
      pool.shutdown();
      limiter.reset();
    }
    assertThat(count(email)).isEqualTo(1);
  }

  @Test
  void theFormWorksWithoutOurCookiesAsInAnIframeOnAnotherSite() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Embed"));
    String email = Fixtures.unique("embed") + "@example.com";
    // no CSRF cookie or token, no visitor cookie: what a browser blocking third-party cookies sends
    given()
        .redirects()
        .follow(false)
        .contentType("application/x-www-form-urlencoded")
        .formParam("lastName", "Embed")
        .formParam("email", email)
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(303);
    assertThat(count(email)).isEqualTo(1);
  }

  @Test
  void theHoneypotKeepsNothingButLooksFine() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Bots"));
    String email = Fixtures.unique("bot") + "@example.com";
    Csrf.form()
        .formParam("lastName", "Bot")
        .formParam("email", email)
        .formParam("website", "http://spam.example")
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(303);
    assertThat(count(email)).isZero();
  }

  @Test
  void tooManySubmissionsFromOneAddressAreRefusedByEveryInstance() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Flood"));
    String email = Fixtures.unique("flood") + "@example.com";
    try {
      // the count another instance wrote into the shared table (this minute and the next, so a
      // minute boundary during the test changes nothing)
      exhaust("127.0.0.1");
      Csrf.form()
          .header("Accept-Language", "en")
          .formParam("lastName", "Flood")
          .formParam("email", email)
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(429)
          .body(containsString("Too many submissions"));
      assertThat(count(email)).isZero();
    } finally {
      limiter.reset();
    }
  }

  @Test
  void behindATrustedProxyTheLimitCountsTheVisitorsAddressNotTheProxys() {
    // the test profile trusts 127.0.0.1 as a reverse proxy (README: running behind a proxy)
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Proxy"));
    String flooder = Fixtures.unique("flooder") + "@example.com";
    String visitor = Fixtures.unique("visitor") + "@example.com";
    try {
      exhaust("203.0.113.7");
      Csrf.form()
          .header("X-Forwarded-For", "203.0.113.7")
          .formParam("lastName", "Flooder")
          .formParam("email", flooder)
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(429);
      Csrf.form()
          .header("X-Forwarded-For", "203.0.113.8")
          .formParam("lastName", "Visitor")
          .formParam("email", visitor)
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(303);
      assertThat(count(flooder)).isZero();
      assertThat(count(visitor)).isEqualTo(1);
    } finally {
      limiter.reset();
    }
  }

  private static void exhaust(String address) {
    long minute = System.currentTimeMillis() / 60_000;
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Lead.getEntityManager()
                    .createNativeQuery(
                        "insert into capture_window (address, minute, submissions)"
                            + " values (?1, ?2, 100000), (?1, ?2 + 1, 100000)"
                            + " on conflict (address, minute) do update set submissions = 100000")
                    .setParameter(1, address)
                    .setParameter(2, minute)
                    .executeUpdate());
  }

  @Test
  void badInputIsExplainedNextToTheFieldsInTheVisitorsLanguage() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Bad"));
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("firstName", "X".repeat(150))
        .formParam("email", "not-an-address")
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-lastName\""))
        .body(containsString("Enter an e-mail address like name@example.com."))
        .body(containsString("This is too long."));
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("lastName", "王")
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(422)
        .body(containsString("请填写电子邮件或电话"));
  }

  private RoutingRule rule(String region, Member rep) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              RoutingRule r = new RoutingRule();
              r.position = 1;
              r.name = "Region " + region;
              r.region = region;
              r.team = Member.<Member>findById(rep.id).team;
              r.persist();
              return r;
            });
  }

  private static void setStatus(CampaignVariant v, Campaign.Status status) {
    QuarkusTransaction.requiringNew()
        .run(() -> Campaign.<Campaign>findById(v.campaign.id).status = status);
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

  /** A new visitor's click on the variant, for the click log itself. */
  private static ClickLog.Click click(CampaignVariant v, String campaign) {
    return new ClickLog.Click(
        v.id,
        v.campaign.id,
        java.util.UUID.randomUUID(),
        "loop",
        "email",
        campaign,
        null,
        java.time.Instant.now(),
        null,
        false);
  }

  private static long count(String email) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Lead.count("emailNormalized", Lead.normalizeEmail(email)));
  }

  private static Lead leadByEmail(String email) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Lead l =
                  Lead.<Lead>find(
                          "from Lead l left join fetch l.owner left join fetch l.variant left join fetch l.campaign"
                              + " where l.emailNormalized = ?1",
                          Lead.normalizeEmail(email))
                      .firstResult();
              assertThat(l).as("lead " + email).isNotNull();
              return l;
            });
  }
}
