package io.loopcrm.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One value read from the database and kept in memory until {@link #invalidate()} (and, with a time
 * to live, until it is older than that). An invalidation that comes while a load runs wins: the
 * load may have read the rows before the change committed, so its value is handed to its own caller
 * but not kept, and the next caller loads again.
 */
public final class Cached<T> {
  private record Entry<T>(T value, long generation, long loadedAt) {}

  private final Supplier<T> loader;
  private final long ttlNanos;
  private final AtomicLong generation = new AtomicLong();
  private volatile Entry<T> entry;

  private Cached(Supplier<T> loader, Duration ttl) {
    this.loader = loader;
    this.ttlNanos = ttl == null ? Long.MAX_VALUE : ttl.toNanos();
  }

  /**
   * How long a value changed through another instance may still be served here: every instance
   * reads again after this, the one where the change was made at once (its {@link #invalidate()}).
   * {@code loop.cache.other-instances}, 15 s; the tests' own instance keeps its lists for an hour,
   * so a reload does not fall into a page whose statements they count.
   */
  public static final Duration OTHER_INSTANCES =
      org.eclipse.microprofile.config.ConfigProvider.getConfig()
          .getOptionalValue("loop.cache.other-instances", Duration.class)
          .orElse(Duration.ofSeconds(15));

  /** Kept until invalidated or older than {@link #OTHER_INSTANCES}. */
  public static <T> Cached<T> of(Supplier<T> loader) {
    return new Cached<>(loader, OTHER_INSTANCES);
  }

  /** Kept until invalidated or older than {@code ttl} (for changes made on other instances). */
  public static <T> Cached<T> of(Supplier<T> loader, Duration ttl) {
    return new Cached<>(loader, ttl);
  }

  public T get() {
    long now = System.nanoTime();
    long current = generation.get();
    Entry<T> e = entry;
    if (e != null && e.generation() == current && now - e.loadedAt() < ttlNanos) {
      return e.value();
    }
    T value = loader.get();
    // kept only when no invalidation came since this load began
    if (generation.get() == current) {
      entry = new Entry<>(value, current, now);
    }
    return value;
  }

  /** The next {@link #get()} loads again, also when a load runs now. */
  public void invalidate() {
    generation.incrementAndGet();
    entry = null;
  }
}
