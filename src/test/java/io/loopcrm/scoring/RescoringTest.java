package io.loopcrm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Await;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rescoring work lives in the database, not in one instance's memory: what an instance noted or
 * left half done before it stopped is finished by whichever instance runs next.
 */
@QuarkusTest
class RescoringTest {
  @Inject Rescoring rescoring;
  @Inject LeadScorer scorer;
  @Inject EntityManager em;

  private String industry;
  private Long ruleId;
  private Lead lead;
  private UUID visitor;
  private Long variantId;

  @BeforeEach
  void aLeadWhoseScoreIsBehind() {
    industry = Fixtures.unique("Rescoreware");
    Member owner = Fixtures.member(Fixtures.unique("rescorer"), List.of("sales"), null);
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Rescoring"));
    lead = Fixtures.lead(owner, "Behind", Fixtures.unique("Behind Co"), v);
    variantId = v.id;
    visitor = UUID.randomUUID();
    ruleId =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  ScoringRule r = new ScoringRule();
                  r.kind = "fit";
                  r.attribute = "industry";
                  r.value = industry;
                  r.points = 7;
                  r.active = true;
                  r.persist();
                  // the lead fits the rule, but nothing scored it yet (as if the instance that
                  // should have stopped first)
                  em.createNativeQuery(
                          "update lead set industry = ?1, visitor_id = ?2, score = 0 where id = ?3")
                      .setParameter(1, industry)
                      .setParameter(2, visitor)
                      .setParameter(3, lead.id)
                      .executeUpdate();
                  return r.id;
                });
    scorer.invalidate();
  }

  @AfterEach
  void dropTheRule() {
    QuarkusTransaction.requiringNew().run(() -> ScoringRule.deleteById(ruleId));
    scorer.invalidate();
  }

  @Test
  void aClickNotesItsVisitorsLeadsAndAnyInstanceScoresThem() {
    UUID stranger = UUID.randomUUID();
    List<Object> noted =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  em.createNativeQuery(
                          "insert into click (variant_id, campaign_id, visitor_id)"
                              + " select cv.id, cv.campaign_id, v from campaign_variant cv,"
                              + " unnest(cast(?1 as uuid[])) v where cv.id = ?2")
                      .setParameter(1, new UUID[] {visitor, stranger, visitor})
                      .setParameter(2, variantId)
                      .executeUpdate();
                  // seen inside the click's own transaction, before any drain can take it
                  return em.createNativeQuery(
                          "select visitor_id from rescore_request where visitor_id in (?1, ?2)")
                      .setParameter(1, visitor)
                      .setParameter(2, stranger)
                      .<Object>getResultList();
                });
    // only visitors who have leads, once each
    assertThat(noted).containsExactly(visitor);
    Await.until("the click's lead rescored", Duration.ofSeconds(30), () -> score() == 7);
  }

  @Test
  void requestsLeftInTheDatabaseAreDone() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("insert into rescore_request values (?1)")
                    .setParameter(1, visitor)
                    .executeUpdate());
    Await.until("the noted lead rescored", Duration.ofSeconds(30), () -> score() == 7);
    Await.until("rescoring idle", Duration.ofSeconds(30), rescoring::isIdle);
  }

  @Test
  void aPassLeftHalfDoneIsFinishedAndAHeldOneIsNotWaitedFor() throws Exception {
    // another instance holds the pass: this one goes on with its other work
    var other =
        java.sql.DriverManager.getConnection(
            io.loopcrm.stack.TestStack.get().jdbcUrl(io.loopcrm.stack.TestStack.DATABASE),
            io.loopcrm.stack.PostgresServer.USER,
            io.loopcrm.stack.PostgresServer.PASSWORD);
    try (other) {
      other.setAutoCommit(false);
      try (var s = other.createStatement()) {
        s.executeUpdate("update rescoring_pass set after_lead = " + (lead.id - 1));
      }
      Thread.sleep(3_000);
      assertThat(score()).isZero();
      assertThat(rescoring.isRescoringAll()).isFalse();
      // that instance stops half way: its cursor stays, and this instance finishes the pass
      other.commit();
    }
    Await.until("the pass reached the lead", Duration.ofSeconds(30), () -> score() == 7);
    Await.until("the pass ended", Duration.ofSeconds(60), () -> !rescoring.isRescoringAll());
  }

  private int score() {
    return Fixtures.reload(Lead.class, lead.id).score;
  }
}
