package io.loopcrm.scoring;

import io.loopcrm.lead.Lead;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Scores leads again off the request path: the leads of visitors who clicked a tracking link (the
 * click itself stays one insert), every few seconds; and all leads when the rules change.
 */
@ApplicationScoped
public class Rescoring {
  private static final Logger LOG = Logger.getLogger(Rescoring.class);
  private static final int BATCH = 500;

  @Inject LeadScorer scorer;

  private final Set<UUID> clicked = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean allRunning = new AtomicBoolean();
  private ScheduledExecutorService timer;

  /** Rescoring every lead runs apart, so a click's rescoring never waits for a whole table. */
  private java.util.concurrent.ExecutorService allWorker;

  void start(@Observes StartupEvent e) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lead-rescoring");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::drainClicks, 2, 2, TimeUnit.SECONDS);
    allWorker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "lead-rescoring-all");
              t.setDaemon(true);
              return t;
            });
  }

  void stop(@Observes ShutdownEvent e) {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (allWorker != null) {
      allWorker.shutdownNow();
    }
  }

  /** A known visitor clicked: their leads get scored again shortly. */
  public void clicked(UUID visitor) {
    if (visitor != null && clicked.size() < 100_000) {
      clicked.add(visitor);
    }
  }

  private final AtomicBoolean draining = new AtomicBoolean();

  /** Whether nothing is waiting or running (tests that count statements wait for this). */
  public boolean isIdle() {
    return clicked.isEmpty() && !draining.get() && !allRunning.get();
  }

  void drainClicks() {
    if (clicked.isEmpty()) {
      return;
    }
    draining.set(true);
    try {
      List<UUID> batch = new ArrayList<>();
      for (UUID v : clicked) {
        batch.add(v);
        if (batch.size() == BATCH) {
          break;
        }
      }
      batch.forEach(clicked::remove);
      rescore("visitorId in ?1", batch);
    } catch (RuntimeException ex) {
      LOG.warn("rescoring after clicks failed", ex);
    } finally {
      draining.set(false);
    }
  }

  private final AtomicBoolean allAgain = new AtomicBoolean();

  /**
   * Scores every lead again, in batches, in the background (after the rules changed). A change
   * while a pass runs starts another pass when this one ends, so the leads already passed get the
   * newest rules too. Returns whether a new pass started now.
   */
  public boolean rescoreAll() {
    allAgain.set(true);
    if (!allRunning.compareAndSet(false, true)) {
      return false;
    }
    allWorker.execute(this::rescoreAllPasses);
    return true;
  }

  private void rescoreAllPasses() {
    try {
      while (allAgain.getAndSet(false)) {
        rescoreAllOnce();
      }
    } catch (RuntimeException ex) {
      LOG.warn("rescoring all leads failed", ex);
    } finally {
      allRunning.set(false);
      // a change that came between the last check and now
      if (allAgain.get() && allRunning.compareAndSet(false, true)) {
        allWorker.execute(this::rescoreAllPasses);
      }
    }
  }

  private void rescoreAllOnce() {
    long after = 0;
    while (true) {
      long from = after;
      List<Long> ids =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      Lead.<Lead>find("id > ?1 order by id", from)
                          .range(0, BATCH - 1)
                          .project(IdOnly.class)
                          .list()
                          .stream()
                          .map(IdOnly::id)
                          .toList());
      if (ids.isEmpty()) {
        return;
      }
      try {
        rescore("id in ?1", ids);
      } catch (RuntimeException busy) {
        // a lead changed meanwhile (and was scored with that change): go on
        LOG.debugf("rescoring batch after %d skipped: %s", from, busy.getMessage());
      }
      after = ids.get(ids.size() - 1);
    }
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
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
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
            });
  }

  /** Projection of a lead's id. */
  @io.quarkus.runtime.annotations.RegisterForReflection
  public record IdOnly(Long id) {}

  public boolean isRescoringAll() {
    return allRunning.get();
  }
}
