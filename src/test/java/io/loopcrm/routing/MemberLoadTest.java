package io.loopcrm.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The open-lead counters routing reads (member_load, kept by the lead trigger) equal a recount
 * after a random sequence of captures, status moves, reassignments, conversions and deletions.
 */
@QuarkusTest
class MemberLoadTest {
  static final List<String> STATUSES =
      List.of(
          "new",
          "assigned",
          "working",
          "accepted",
          "rejected",
          "qualified",
          "converted",
          "recycled");

  @Inject EntityManager em;

  @Test
  void countersEqualARecountAfterRandomLeadChanges() {
    String team = Fixtures.unique("Load");
    List<Long> reps = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      reps.add(Fixtures.member(Fixtures.unique("rep" + i), List.of("sales"), team).id);
    }
    Random random = new Random(20261129L);
    List<Long> leads = new ArrayList<>();
    for (int step = 0; step < 600; step++) {
      int op = leads.isEmpty() ? 0 : random.nextInt(6);
      Long owner = random.nextInt(6) == 0 ? null : reps.get(random.nextInt(reps.size()));
      String status = STATUSES.get(random.nextInt(STATUSES.size()));
      Long lead = leads.isEmpty() ? null : leads.get(random.nextInt(leads.size()));
      // several changes per transaction now and then, as an import batch makes them
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                switch (op) {
                  case 0, 1 -> leads.add(capture(owner, status));
                  case 2 -> sql("update lead set status = ?2 where id = ?1", lead, status);
                  case 3 ->
                      sql(
                          "update lead set owner_id = cast(?2 as bigint), assigned_at = now() where id = ?1",
                          lead,
                          owner);
                  case 4 ->
                      sql(
                          "update lead set status = 'converted', owner_id = cast(?2 as bigint) where id = ?1",
                          lead,
                          owner);
                  default -> {
                    sql("delete from lead_event where lead_id = ?1", lead);
                    sql("delete from lead where id = ?1", lead);
                  }
                }
              });
      if (op == 5) {
        leads.remove(lead);
      }
    }
    assertThat(counters(reps)).isEqualTo(recount(reps));
    assertThat(counters(reps).values().stream().mapToLong(Long::longValue).sum()).isPositive();
    // the routing page shows each rep's counter: the same figures as a recount
    Map<Long, Long> recounted = recount(reps);
    Map<Long, Long> shown =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Map<Long, Long> m = new TreeMap<>();
                  for (RepLoad r : RepLoad.all()) {
                    if (reps.contains(r.id())) {
                      m.put(r.id(), r.open());
                    }
                  }
                  return m;
                });
    for (long rep : reps) {
      assertThat(shown.get(rep)).as("rep " + rep).isEqualTo(recounted.getOrDefault(rep, 0L));
    }
  }

  private Long capture(Long owner, String status) {
    return ((Number)
            em.createNativeQuery(
                    "insert into lead (id, last_name, status, owner_id, assigned_at, source)"
                        + " values (-nextval('lead_seq'), 'Load', ?1, cast(?2 as bigint),"
                        + " case when cast(?2 as bigint) is null then null else now() end, 'test')"
                        + " returning id")
                .setParameter(1, status)
                .setParameter(2, owner)
                .getSingleResult())
        .longValue();
  }

  private void sql(String statement, Object... params) {
    var q = em.createNativeQuery(statement);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    q.executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private Map<Long, Long> counters(List<Long> reps) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<Long, Long> m = new TreeMap<>();
              for (Object[] r :
                  (List<Object[]>)
                      em.createNativeQuery(
                              "select m.id, coalesce(ml.open_leads, 0) from member m"
                                  + " left join member_load ml on ml.member_id = m.id")
                          .getResultList()) {
                m.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
              }
              return m;
            });
  }

  @SuppressWarnings("unchecked")
  private Map<Long, Long> recount(List<Long> reps) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<Long, Long> m = new TreeMap<>();
              for (Object[] r :
                  (List<Object[]>)
                      em.createNativeQuery(
                              "select m.id, count(l.id) from member m left join lead l"
                                  + " on l.owner_id = m.id"
                                  + " and l.status in ('new', 'assigned', 'working', 'accepted')"
                                  + " group by m.id")
                          .getResultList()) {
                m.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
              }
              return m;
            });
  }
}
