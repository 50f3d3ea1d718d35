package io.loopcrm.capture;

import io.loopcrm.audit.AuditInterceptor;
import io.loopcrm.common.GroupWriter;
import io.loopcrm.common.LoopConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Public captures (web form, API, referral form) in groups: each capture waits for a place (at most
 * {@code loop.capture.concurrent} in flight), then for one writer thread that runs every capture
 * queued meanwhile in one transaction (group commit). A person's lead, its routing, score, funnel
 * rollups and audit entries are written as before, but the rows many captures share (a rep's
 * open-lead counter, a day's funnel rows) are locked once per group instead of once per lead, and
 * the group pays one commit. When a group fails, each of its captures runs again alone, so one bad
 * capture answers for itself only.
 *
 * <p>One past the limit waits a moment for a place and then gets {@link Busy}, which the form
 * answers with "try again" and the API with 503 and Retry-After: under a flood the answer comes
 * quickly instead of after a timeout, and nothing is half saved (the capture's transaction has not
 * started, or rolled back whole).
 */
@ApplicationScoped
public class CaptureGate {
  private static final Logger LOG = Logger.getLogger(CaptureGate.class);

  /** Seconds a client is told to wait before it tries again. */
  public static final int RETRY_AFTER_SECONDS = 1;

  /** No place became free in time. */
  public static final class Busy extends RuntimeException {
    Busy() {
      super("captures busy", null, false, false);
    }
  }

  /**
   * The database could not be reached (stopped, restarting, no connection within the pool's
   * timeout): the capture's transaction did not commit, so nothing was saved, and sending again is
   * safe (a capture finds the same person again by e-mail and phone).
   */
  public static final class Unavailable extends RuntimeException {
    Unavailable(Throwable cause) {
      super("database unavailable", cause, false, false);
    }
  }

  /**
   * A capture waiting for the writer, with the user its audit entries name. Its work may answer a
   * {@link PendingLeads.Deferred}, resolved once the group's new leads are written.
   */
  private record Job(
      Supplier<?> work,
      LeadCapture.Submission person,
      String actor,
      CompletableFuture<Object> done) {
    void run(List<Object> results) {
      results.add(as(work));
    }

    /** The answer, once the group's new leads are written (in the same transaction). */
    Object resolve(Object result) {
      return result instanceof PendingLeads.Deferred<?> later ? as(later::get) : result;
    }

    private Object as(Supplier<?> step) {
      AuditInterceptor.BACKGROUND_ACTOR.set(actor);
      try {
        return step.get();
      } finally {
        AuditInterceptor.BACKGROUND_ACTOR.remove();
      }
    }
  }

  @Inject EntityManager em;
  @Inject PendingLeads pending;

  private final Semaphore places;
  private final int batch;
  private volatile long waitMillis;
  private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final AtomicLong groups = new AtomicLong();
  private GroupWriter<Job> writer;
  private volatile RuntimeException unreachable;
  private volatile long unreachableUntil;

  CaptureGate(LoopConfig config) {
    this.places = new Semaphore(config.capture().concurrent(), true);
    this.batch = Math.max(1, config.capture().batch());
    this.waitMillis = config.capture().waitMs();
  }

  void start(@Observes StartupEvent e) {
    writer = new GroupWriter<>("capture-writer", queue, batch, this::write);
    writer.start();
  }

  /** Lets the captures queued so far finish before the database goes away. */
  void stop(@Observes ShutdownEvent e) {
    writer.stop(30);
  }

  /**
   * Runs the capture in the writer's transaction when a place is free within the wait, else throws
   * {@link Busy}; returns what it returned once that transaction committed. The work must not start
   * a transaction of its own, and reads nothing of the request (the user is passed on).
   */
  public <T> T run(Supplier<T> capture) {
    return enter(null, capture);
  }

  /**
   * As {@link #run}, for the capture of {@code person}, whose answer waits for the group's new
   * leads; the group locks and looks up its people's addresses together.
   */
  public <T> T runDeferred(
      LeadCapture.Submission person, Supplier<PendingLeads.Deferred<T>> capture) {
    return enter(person, capture);
  }

  @SuppressWarnings("unchecked")
  private <T> T enter(LeadCapture.Submission person, Supplier<?> capture) {
    boolean entered;
    try {
      entered = places.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy();
    }
    if (!entered) {
      throw new Busy();
    }
    try {
      Job job = new Job(capture, person, AuditInterceptor.actor(), new CompletableFuture<>());
      if (writer.stopping()) {
        runAlone(job);
      } else {
        queue.add(job);
      }
      return (T) await(job.done());
    } finally {
      places.release();
    }
  }

  private static <T> T await(CompletableFuture<T> done) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return done.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void write(List<Job> taken) {
    try {
      RuntimeException away = unreachable;
      if (away != null && System.nanoTime() < unreachableUntil) {
        // the database was found away a moment ago: answer "try again" now instead of
        // making these captures wait for another connection timeout
        taken.forEach(j -> j.done().completeExceptionally(new Unavailable(away)));
      } else {
        runGroup(taken);
      }
    } catch (RuntimeException re) {
      LOG.error("capture group", re);
      taken.forEach(j -> j.done().completeExceptionally(re));
    }
  }

  private void runGroup(List<Job> jobs) {
    if (jobs.size() == 1) {
      runAlone(jobs.get(0));
      return;
    }
    List<Object> results = new ArrayList<>(jobs.size());
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                pending.begin();
                try {
                  pending.prepare(
                      jobs.stream().map(Job::person).filter(java.util.Objects::nonNull).toList());
                  for (Job j : jobs) {
                    j.run(results);
                    pending.letGo();
                  }
                  pending.write();
                  for (int i = 0; i < jobs.size(); i++) {
                    results.set(i, jobs.get(i).resolve(results.get(i)));
                  }
                } finally {
                  pending.end();
                }
              });
    } catch (RuntimeException failed) {
      if (io.loopcrm.common.Causes.databaseUnreachable(failed)) {
        // no capture of the group could be saved: all answer "try again" at once
        awayFor(failed);
        jobs.forEach(j -> j.done().completeExceptionally(new Unavailable(failed)));
        return;
      }
      // one capture (or the commit) failed: each runs alone, and answers for itself only
      LOG.debugf("capture group of %d failed, each runs alone: %s", jobs.size(), failed);
      jobs.forEach(this::runAlone);
      return;
    }
    groups.incrementAndGet();
    for (int i = 0; i < jobs.size(); i++) {
      jobs.get(i).done().complete(results.get(i));
    }
  }

  private void runAlone(Job job) {
    List<Object> result = new ArrayList<>(1);
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                job.run(result);
                result.set(0, job.resolve(result.get(0)));
              });
      groups.incrementAndGet();
      job.done().complete(result.get(0));
    } catch (RuntimeException e) {
      boolean away = io.loopcrm.common.Causes.databaseUnreachable(e);
      if (away) {
        awayFor(e);
      }
      job.done().completeExceptionally(away ? new Unavailable(e) : e);
    }
  }

  /**
   * The database could not be reached: for the next second the writer answers the captures it takes
   * with "try again" at once, so that none waits for more than one connection timeout.
   */
  private void awayFor(RuntimeException cause) {
    unreachable = cause;
    unreachableUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
  }

  /** Transactions the writer committed since the start (tests see captures share them). */
  public long groups() {
    return groups.get();
  }

  /** Captures waiting for the writer (tests wait until theirs are queued). */
  int queued() {
    return queue.size();
  }

  /** Takes every free place and shortens the wait (tests of a full gate); returns the places. */
  int fill(long wait) {
    waitMillis = wait;
    return places.drainPermits();
  }

  /** Gives the places back and sets the wait again. */
  void empty(int taken, long wait) {
    waitMillis = wait;
    places.release(taken);
  }

  long waitMillis() {
    return waitMillis;
  }
}
