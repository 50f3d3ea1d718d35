package io.loopcrm.capture;

import io.loopcrm.common.LoopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many public captures (web form, API, referral form) run at once. One past the limit waits a
 * moment for a place and then gets {@link Busy}, which the form answers with "try again" and the
 * API with 503 and Retry-After: under a flood the answer comes quickly instead of after a timeout,
 * the database pool stays free for the people working in the pages, and nothing is half saved (the
 * capture's transaction has not started).
 */
@ApplicationScoped
public class CaptureGate {
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

  private final Semaphore places;

  private volatile long waitMillis;

  CaptureGate(LoopConfig config) {
    this.places = new Semaphore(config.capture().concurrent(), true);
    this.waitMillis = config.capture().waitMs();
  }

  /** Runs the capture when a place is free within the wait, else throws {@link Busy}. */
  public <T> T run(Supplier<T> capture) {
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
      return capture.get();
    } catch (RuntimeException e) {
      throw io.loopcrm.web.Causes.databaseUnreachable(e) ? new Unavailable(e) : e;
    } finally {
      places.release();
    }
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
