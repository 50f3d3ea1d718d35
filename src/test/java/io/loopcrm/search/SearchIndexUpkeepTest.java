package io.loopcrm.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchIndexUpkeepTest {
  @Inject SearchIndexUpkeep upkeep;
  @Inject EntityManager em;
  @Inject io.quarkus.scheduler.Scheduler scheduler;

  @Test
  void newLeadsWaitingInTheSearchIndexesPendingListAreMergedOffTheRequestPath() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("create extension if not exists pgstattuple").executeUpdate());
    // the job itself would merge the list at any moment: paused while the test looks at it
    scheduler.pause(SearchIndexUpkeep.JOB);
    try {
      addLeadsAndMerge();
    } finally {
      scheduler.resume(SearchIndexUpkeep.JOB);
    }
  }

  private void addLeadsAndMerge() {
    String tag = Fixtures.unique("pending");
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into lead (id, last_name, company, status, source, score, created_at,"
                            + " updated_at, version) select nextval('lead_seq'), 'Pending' || g, ?1,"
                            + " 'new', 'import', 0, now(), now(), 0 from generate_series(1, 50) g")
                    .setParameter(1, tag)
                    .executeUpdate());
    assertThat(pending()).isPositive();
    upkeep.mergePendingLists();
    assertThat(pending()).isZero();
  }

  private long pending() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select pending_tuples from pgstatginindex('lead_search_idx')")
                            .getSingleResult())
                    .longValue());
  }
}
