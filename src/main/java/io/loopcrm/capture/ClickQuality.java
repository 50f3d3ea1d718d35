package io.loopcrm.capture;

import io.loopcrm.common.LoopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What becomes of a click before it is written: not kept at all past the per-address cap (a fixed
 * window per minute, counted in memory by each instance: one address cannot fill the click log),
 * kept but not counted when a known bot made it ({@link Bots}). Repeats of a visitor within 30
 * minutes are found where the click is written ({@link ClickLog}), across instances.
 */
@ApplicationScoped
public class ClickQuality {
  /** Addresses counted in one minute at most: past it, further new addresses are not capped. */
  private static final int ADDRESSES = 100_000;

  /** The cap; a test sets its own ({@link #cap}). */
  private volatile int perAddressPerMinute;

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
    /** redirect the visitor without keeping the click */
    DROP
  }

  @Inject
  void configure(LoopConfig config) {
    perAddressPerMinute = config.clicks().perAddressPerMinute();
  }

  public Verdict of(String address, String userAgent) {
    if (!allow(address == null ? "unknown" : address)) {
      return Verdict.DROP;
    }
    return Bots.isBot(userAgent) ? Verdict.BOT : Verdict.COUNT;
  }

  private boolean allow(String address) {
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
        return true;
      }
      n = w.counts().computeIfAbsent(address, a -> new AtomicInteger());
    }
    return n.incrementAndGet() <= perAddressPerMinute;
  }

  /** Sets the cap, forgets this minute's counts and answers the cap before (tests). */
  int cap(int perMinute) {
    int before = perAddressPerMinute;
    perAddressPerMinute = perMinute;
    window = new Window(-1);
    return before;
  }
}
