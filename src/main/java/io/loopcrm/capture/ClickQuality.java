package io.loopcrm.capture;

import io.loopcrm.common.LoopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What becomes of a click before it is written: past the per-address cap (a fixed window per
 * minute, counted in memory by each instance) kept but not counted, as a flood (200 people on one
 * event Wi-Fi lose no click from the log); dropped only past a much higher flood limit, and then
 * counted in the {@code loop.clicks.dropped} metric (one address cannot fill the click log); kept
 * but not counted when a known bot made it ({@link Bots}). Repeats of a visitor within 30 minutes
 * are found where the click is written ({@link ClickLog}), across instances.
 */
@ApplicationScoped
public class ClickQuality {
  /** Addresses counted in one minute at most: past it, further new addresses are not capped. */
  private static final int ADDRESSES = 100_000;

  /** The cap; a test sets its own ({@link #cap}). */
  private volatile int perAddressPerMinute;

  /** Past this many an address's clicks are not kept at all. */
  private volatile int floodPerAddressPerMinute;

  @Inject io.micrometer.core.instrument.MeterRegistry metrics;

  private final Clock clock = Clock.systemUTC();
  private volatile Window window = new Window(-1);

  private record Window(long minute, Map<String, AtomicInteger> counts) {
    Window(long minute) {
      this(minute, new ConcurrentHashMap<>());
    }
  }

  /** What to do with one click. */
  public enum Verdict {
    COUNT,
    /** keep it, but the funnel does not count it */
    BOT,
    /** keep it, not counted: the address is past its cap this minute */
    FLOOD,
    /** redirect the visitor without keeping the click */
    DROP
  }

  @Inject
  void configure(LoopConfig config) {
    perAddressPerMinute = config.clicks().perAddressPerMinute();
    floodPerAddressPerMinute = config.clicks().floodPerAddressPerMinute();
  }

  public Verdict of(String address, String userAgent) {
    int n = seen(address == null ? "unknown" : address);
    if (n > floodPerAddressPerMinute) {
      metrics.counter("loop.clicks.dropped").increment();
      return Verdict.DROP;
    }
    if (n > perAddressPerMinute) {
      return Verdict.FLOOD;
    }
    return Bots.isBot(userAgent) ? Verdict.BOT : Verdict.COUNT;
  }

  /** The click's number from its address this minute (1 for the first; 0 when not counted). */
  private int seen(String address) {
    long minute = clock.millis() / 60_000;
    Window w = window;
    if (w.minute() != minute) {
      synchronized (this) {
        w = window;
        if (w.minute() != minute) {
          w = new Window(minute);
          window = w;
        }
      }
    }
    AtomicInteger n = w.counts().get(address);
    if (n == null) {
      if (w.counts().size() >= ADDRESSES) {
        return 0;
      }
      n = w.counts().computeIfAbsent(address, a -> new AtomicInteger());
    }
    return n.incrementAndGet();
  }

  /**
   * Sets the cap and the flood limit, forgets this minute's counts and answers both before, to put
   * back (tests).
   */
  int[] cap(int perMinute, int floodPerMinute) {
    int[] before = {perAddressPerMinute, floodPerAddressPerMinute};
    perAddressPerMinute = perMinute;
    floodPerAddressPerMinute = floodPerMinute;
    window = new Window(-1);
    return before;
  }
}
