package io.loopcrm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scoring a single lead, with rules given to it (nothing shared with the rescoring threads). */
@QuarkusTest
class LeadScorerTest {
  @Inject LeadScorer scorer;

  private static ScoringRule rule(String kind, String attribute, String value, int points) {
    ScoringRule r = new ScoringRule();
    r.kind = kind;
    r.attribute = attribute;
    r.value = value;
    r.points = points;
    return r;
  }

  @Test
  void aLeadWithoutAVisitorIsScoredWhenEngagementRulesExist() {
    // imported and API leads have no visitor id: scoring them once failed on the click lookup
    // ("could not determine data type of parameter") and kept their old score
    Member owner = Fixtures.member(Fixtures.unique("scorer"), List.of("sales"), null);
    Lead created = Fixtures.lead(owner, "Novisitor", Fixtures.unique("Noclick Co"), null);
    String industry = Fixtures.unique("Agritech");
    List<ScoringRule> rules =
        List.of(rule("fit", "industry", industry, 12), rule("engagement", "click", null, 3));
    Lead scored =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Lead l = Lead.findById(created.id);
                  l.industry = industry;
                  l.visitorId = null;
                  scorer.rescore(l, Instant.now(), rules);
                  return l;
                });
    assertThat(scored.score).isEqualTo(12);
    assertThat(io.loopcrm.scoring.LeadScorer.reasons(scored.scoreReasons))
        .extracting(LeadScorer.Reason::attribute)
        .containsExactly("industry");
    assertThat(Fixtures.reload(Lead.class, created.id).score).isEqualTo(12);
  }
}
