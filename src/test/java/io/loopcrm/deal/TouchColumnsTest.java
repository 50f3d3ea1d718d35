package io.loopcrm.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.customer.Account;
import io.loopcrm.funnel.Touch;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Touches are written to their prefixed columns; a lead's move with its visits, a deal's are the
 * copies made when it was created and stay as they were.
 */
@QuarkusTest
class TouchColumnsTest {
  private static final Instant THEN = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aLeadsTouchesGoToTheirColumnsAndMove() {
    Member rep = Fixtures.member(Fixtures.unique("touchrep"), List.of("sales"), null);
    Lead lead = Fixtures.lead(rep, "Touched", Fixtures.unique("Touch Co"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.firstTouch = new Touch(null, null, "news", "email", "spring", THEN);
              l.lastTouch = new Touch(null, null, "google", "cpc", "brand", THEN.plusSeconds(60));
            });
    assertThat(columns("lead", lead.id))
        .containsExactly("news", "email", "spring", "google", "cpc", "brand");
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Lead.<Lead>findById(lead.id).lastTouch =
                    new Touch(null, null, "bing", "cpc", "later", THEN.plusSeconds(120)));
    assertThat(columns("lead", lead.id))
        .containsExactly("news", "email", "spring", "bing", "cpc", "later");
  }

  @Test
  void aDealsTouchesStayAsTheyWereCopied() {
    Member rep = Fixtures.member(Fixtures.unique("touchrep"), List.of("sales"), null);
    long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Account a = new Account();
                  a.name = Fixtures.unique("Touch Account");
                  a.persist();
                  Deal d = new Deal();
                  d.name = "Touched deal";
                  d.account = a;
                  d.owner = Member.findById(rep.id);
                  d.stage = PipelineStage.listActive().get(0);
                  d.currency = "EUR";
                  d.firstTouch = new Touch(null, null, "news", "email", "spring", THEN);
                  d.lastTouch = new Touch(null, null, "google", "cpc", "brand", THEN);
                  d.conversionTouch = new Touch(null, null, "direct", "none", "call", THEN);
                  d.persist();
                  return d.id;
                });
    assertThat(columns("deal", id))
        .containsExactly("news", "email", "spring", "google", "cpc", "brand");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Deal d = Deal.findById(id);
              d.firstTouch = new Touch(null, null, "rewritten", "x", "x", THEN);
              d.lastTouch.utmSource = "edited";
              d.conversionTouch = null;
              d.name = "Renamed deal";
            });
    assertThat(columns("deal", id))
        .containsExactly("news", "email", "spring", "google", "cpc", "brand");
    assertThat(Fixtures.reload(Deal.class, id).name).isEqualTo("Renamed deal");
    assertThat(Fixtures.reload(Deal.class, id).conversionTouch.utmSource).isEqualTo("direct");
  }

  private static List<String> columns(String table, long id) {
    Object[] row =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        Lead.getEntityManager()
                            .createNativeQuery(
                                "select first_touch_utm_source, first_touch_utm_medium,"
                                    + " first_touch_utm_campaign, last_touch_utm_source,"
                                    + " last_touch_utm_medium, last_touch_utm_campaign from "
                                    + table
                                    + " where id = ?1")
                            .setParameter(1, id)
                            .getSingleResult());
    return java.util.Arrays.stream(row).map(String::valueOf).toList();
  }
}
