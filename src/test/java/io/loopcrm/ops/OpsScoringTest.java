package io.loopcrm.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.scoring.ScoringRule;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explainable scoring: fit and engagement rules, reasons on the lead, updates on new events. */
@QuarkusTest
class OpsScoringTest {

  @Test
  @AsOperations
  void aLeadScoresByFitAndEngagementWithReasonsAndMoreOnEachEvent() throws Exception {
    String industry = Fixtures.unique("Biotech");
    Csrf.form()
        .formParam("attribute", "industry")
        .formParam("value", industry)
        .formParam("points", "15")
        .post("/ops/scoring")
        .then()
        .statusCode(303);
    Csrf.form()
        .formParam("attribute", "title")
        .formParam("value", "director")
        .formParam("points", "5")
        .post("/ops/scoring")
        .then()
        .statusCode(303);
    Csrf.form()
        .formParam("attribute", "form")
        .formParam("points", "10")
        .post("/ops/scoring")
        .then()
        .statusCode(303);
    Csrf.form()
        .formParam("attribute", "click")
        .formParam("points", "2")
        .post("/ops/scoring")
        .then()
        .statusCode(303);
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("attribute", "industry")
        .formParam("value", "")
        .formParam("points", "zero")
        .post("/ops/scoring")
        .then()
        .statusCode(422)
        .body(containsString("Please fill this in."))
        .body(containsString("Enter a whole number from -1000 to 1000"));
    // in Chinese, each mistake at its field, and no rule saved
    long before = QuarkusTransaction.requiringNew().call(() -> ScoringRule.count());
    for (String[] bad : new String[][] {{"nonsense", "5"}, {"click", "0"}, {"click", "1001"}}) {
      String page =
          Csrf.form()
              .header("Accept-Language", "zh-CN")
              .formParam("attribute", bad[0])
              .formParam("points", bad[1])
              .post("/ops/scoring")
              .then()
              .statusCode(422)
              .extract()
              .asString();
      assertThat(page)
          .contains(bad[0].equals("nonsense") ? "id=\"error-attribute\"" : "id=\"error-points\"");
    }
    assertThat(QuarkusTransaction.requiringNew().call(() -> ScoringRule.count())).isEqualTo(before);
    awaitRescoring();
    List<Long> ruleIds =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ScoringRule.<ScoringRule>list(
                            "value = ?1 or attribute in ('form', 'click') or value = 'director'",
                            industry)
                        .stream()
                        .map(r -> r.id)
                        .toList());
    try {
      CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Score"));
      String visitor =
          given()
              .redirects()
              .follow(false)
              .get("/t/" + v.trackingCode)
              .then()
              .extract()
              .cookie("loop_vid");
      String email = Fixtures.unique("score") + "@example.com";
      Csrf.form()
          .cookie("loop_vid", visitor)
          .formParam("lastName", "Score")
          .formParam("email", email)
          .formParam("title", "Research Director")
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(303);
      awaitRescoring();
      Lead lead = lead(email);
      // title contains "director" (+5), one form (+10), one click (+2); industry unknown yet
      assertThat(lead.score).isEqualTo(17);
      assertThat(io.loopcrm.scoring.LeadScorer.reasons(lead.scoreReasons))
          .extracting(r -> r.attribute())
          .containsExactlyInAnyOrder("title", "form", "click");

      // the same person sends the form again: a new event, a higher score
      Csrf.form()
          .cookie("loop_vid", visitor)
          .formParam("lastName", "Score")
          .formParam("email", email)
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(303);
      assertThat(lead(email).score).isEqualTo(27);

      // the same click again within 30 minutes is a repeat: kept, but no new engagement
      given()
          .redirects()
          .follow(false)
          .cookie("loop_vid", visitor)
          .get("/t/" + v.trackingCode)
          .then()
          .statusCode(302);
      awaitRescoring();
      assertThat(lead(email).score).isEqualTo(27);
      // a click by the known visitor on another campaign is scored off the request path, shortly
      // after
      CampaignVariant other = Fixtures.campaignWithVariant(Fixtures.unique("Score again"));
      given()
          .redirects()
          .follow(false)
          .cookie("loop_vid", visitor)
          .get("/t/" + other.trackingCode)
          .then()
          .statusCode(302);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
      while (lead(email).score != 29 && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
      assertThat(lead(email).score).isEqualTo(29);

      // the lead page explains the score
      given()
          .header("Accept-Language", "en")
          .get("/sales/leads/" + lead.id)
          .then()
          .statusCode(200)
          .body(containsString("id=\"score-value\">29<"))
          .body(containsString("Job title contains"))
          .body(containsString("Each form submission"));

      // lists filter by score
      given()
          .get("/ops/leads?minScore=29&q=" + email)
          .then()
          .body(containsString("id=\"lead-" + lead.id + "\""));
      given()
          .get("/ops/leads?minScore=30&q=" + email)
          .then()
          .body(containsString("id=\"no-leads\""));
    } finally {
      for (Long id : ruleIds) {
        Csrf.form().post("/ops/scoring/" + id + "/delete").then().statusCode(303);
      }
      awaitRescoring();
    }
  }

  @jakarta.inject.Inject io.loopcrm.scoring.Rescoring rescoring;

  /**
   * Waits until no rescoring runs or waits (after a large import of another test a pass over every
   * lead takes a while), and fails if it does not end: a pass that began before this test's rules
   * existed is followed by another one, so only then are the scores final.
   */
  private void awaitRescoring() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (!rescoring.isIdle() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(rescoring.isIdle()).as("rescoring ended within 5 minutes").isTrue();
  }

  private static Lead lead(String email) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Lead.<Lead>find("emailNormalized", email).firstResult());
  }
}
