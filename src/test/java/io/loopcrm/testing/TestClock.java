package io.loopcrm.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock in tests: the system clock, unless a test pins it to an instant, so that
 * a test about "this month" or "today" means the same month and day from its data to its last
 * assertion, also across a UTC midnight or month end. A test that pins releases it after.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {
  private static volatile Instant pinned;

  /** From now on the application reads {@code at} as the time (until {@link #release}). */
  public static void pin(Instant at) {
    pinned = at;
  }

  public static void release() {
    pinned = null;
  }

  /** The time the application reads now. */
  public static Instant now() {
    Instant at = pinned;
    return at != null ? at : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneId.systemDefault();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    TestClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  @Override
  public Instant instant() {
    return now();
  }
}
