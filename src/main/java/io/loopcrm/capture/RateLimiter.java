package io.loopcrm.capture;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Form submissions per client address and minute (fixed window, in memory: per instance). Keeps a
 * script from filling the lead queue; a person never comes near the limit.
 */
@ApplicationScoped
public class RateLimiter {
  @ConfigProperty(name = "loop.capture.submissions-per-minute", defaultValue = "30")
  int perMinute;

  private final Clock clock = Clock.systemUTC();
  private volatile long window;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  public boolean allow(String address) {
    long now = clock.millis() / 60_000;
    if (now != window) {
      synchronized (this) {
        if (now != window) {
          counts.clear();
          window = now;
        }
      }
    }
    return counts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() <= perMinute;
  }

  /** Forgets every address (tests, and an admin's relief after a false alarm). */
  public void reset() {
    counts.clear();
  }
}
