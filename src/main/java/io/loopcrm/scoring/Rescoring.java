package io.loopcrm.scoring;

import io.loopcrm.lead.Lead;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Scores leads again off the request path: the leads of visitors who clicked a tracking link (noted
 * in {@code rescore_request} by the click insert's trigger, V24), every couple of seconds; and
 * every lead when the rules change ({@code rescoring_pass}). Both live in the database: any
 * instance takes the work ({@code for update skip locked}), and an instance that stops leaves what
 * it did not finish to the others.
 */
@ApplicationScoped
public class Rescoring {
  private static final Logger LOG = Logger.getLogger(Rescoring.class);
  private static final int BATCH = 500;

  @Inject LeadScorer scorer;

  /** Drains and passes running on this instance now. */
  private final AtomicInteger running = new AtomicInteger();

  /** Whether nothing is waiting or running, on any instance (tests wait for this). */
  public boolean isIdle() {
    return running.get() == 0
        && QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Boolean)
                        Lead.getEntityManager()
                            .createNativeQuery(
                                "select not exists (select 1 from rescore_request)"
                                    + " and (select after_lead is null from rescoring_pass)")
                            .getSingleResult());
  }

  /** Whether a pass over every lead is due or running (the scoring page says so). */
  public boolean isRescoringAll() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (Boolean)
                    Lead.getEntityManager()
                        .createNativeQuery("select after_lead is not null from rescoring_pass")
                        .getSingleResult());
  }

  /** Scores the leads of the visitors who clicked since the last drain, a batch at a time. */
  @Scheduled(
      identity = "rescoring-after-clicks",
      every = "2s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void drainClicks() {
    batches("rescoring after clicks", () -> drainBatch() == BATCH);
  }

  /** Runs batches while {@code more} says another is due, counted as running meanwhile. */
  private void batches(String what, java.util.function.BooleanSupplier more) {
    running.incrementAndGet();
    try {
      while (more.getAsBoolean()) {
        // the next batch
      }
    } catch (RuntimeException ex) {
      LOG.warn(what + " failed", ex);
    } finally {
      running.decrementAndGet();
    }
  }

  /**
   * Takes up to a batch of requests and scores their leads in the same transaction: a crash before
   * the commit leaves the requests for the next drain, here or on another instance.
   */
  @SuppressWarnings("unchecked")
  private int drainBatch() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<UUID> visitors =
                  Lead.getEntityManager()
                      .createNativeQuery(
                          "delete from rescore_request where visitor_id in (select visitor_id"
                              + " from rescore_request limit "
                              + BATCH
                              + " for update skip locked) returning visitor_id",
                          UUID.class)
                      .getResultList();
              if (!visitors.isEmpty()) {
                rescoreHere("visitorId in ?1", visitors);
              }
              return visitors.size();
            });
  }

  /**
   * Asks for every lead to be scored again, in batches, in the background (after the rules
   * changed). A change while a pass runs starts the pass again from the first lead, so every lead
   * gets the newest rules.
   */
  public void rescoreAll() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Lead.getEntityManager()
                    .createNativeQuery("update rescoring_pass set after_lead = 0")
                    .executeUpdate());
  }

  /**
   * Works through a due pass, one batch per transaction, while this instance holds it (a pass asked
   * for starts within two seconds, on whichever instance looks first).
   */
  @Scheduled(
      identity = "rescoring-all-leads",
      every = "2s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void runPass() {
    batches("rescoring all leads", this::passBatch);
  }

  /** One batch of a pass; false when no pass is due or another instance holds it just now. */
  @SuppressWarnings("unchecked")
  private boolean passBatch() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var em = Lead.getEntityManager();
              List<Number> cursor =
                  em.createNativeQuery(
                          "select after_lead from rescoring_pass where after_lead is not null"
                              + " for update skip locked")
                      .getResultList();
              if (cursor.isEmpty()) {
                return false;
              }
              long from = cursor.get(0).longValue();
              if (from == 0) {
                // the rules may have changed on another instance
                scorer.invalidate();
              }
              List<Long> ids =
                  Lead.<Lead>find("id > ?1 order by id", from)
                      .range(0, BATCH - 1)
                      .project(IdOnly.class)
                      .list()
                      .stream()
                      .map(IdOnly::id)
                      .toList();
              if (!ids.isEmpty()) {
                try {
                  rescore("id in ?1", ids);
                } catch (RuntimeException busy) {
                  // a lead changed meanwhile (and was scored with that change): go on
                  LOG.debugf("rescoring batch after %d skipped: %s", from, busy.getMessage());
                }
              }
              if (ids.isEmpty()) {
                em.createNativeQuery("update rescoring_pass set after_lead = null").executeUpdate();
              } else {
                em.createNativeQuery("update rescoring_pass set after_lead = ?1")
                    .setParameter(1, ids.get(ids.size() - 1))
                    .executeUpdate();
              }
              return !ids.isEmpty();
            });
  }

  /** Scores these leads again now (what a pass does to each of its batches). */
  public void rescoreLeads(List<Long> ids) {
    rescore("id in ?1", ids);
  }

  /**
   * Scores the leads the query finds for the keys again, in one transaction of their own. A score
   * is derived, not something a person changed: it is written without a new version, so a rep
   * saving the lead meanwhile gets no conflict (and, the lead being updated column by column, does
   * not write the old score back).
   */
  private void rescore(String query, List<?> keys) {
    QuarkusTransaction.requiringNew().run(() -> rescoreHere(query, keys));
  }

  /** {@link #rescore} in the current transaction. */
  private void rescoreHere(String query, List<?> keys) {
    Instant now = Instant.now();
    var em = Lead.getEntityManager();
    List<Long> ids = new ArrayList<>();
    List<Integer> scores = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Lead l : Lead.<Lead>list(query, keys)) {
      int score = l.score;
      String before = l.scoreReasons;
      scorer.rescore(l, now);
      if (l.score != score || !java.util.Objects.equals(l.scoreReasons, before)) {
        ids.add(l.id);
        scores.add(l.score);
        reasons.add(l.scoreReasons);
      }
      em.detach(l);
    }
    if (!ids.isEmpty()) {
      // one statement for the batch's changed scores
      em.createNativeQuery(
              "update lead set score = t.score, score_reasons = t.reasons"
                  + " from unnest(cast(?1 as bigint[]), cast(?2 as int[]),"
                  + " cast(?3 as text[])) as t (id, score, reasons)"
                  + " where lead.id = t.id")
          .setParameter(1, ids.toArray(new Long[0]))
          .setParameter(2, scores.toArray(new Integer[0]))
          .setParameter(3, reasons.toArray(new String[0]))
          .executeUpdate();
    }
  }

  /** Projection of a lead's id. */
  @io.quarkus.runtime.annotations.RegisterForReflection
  public record IdOnly(Long id) {}
}
