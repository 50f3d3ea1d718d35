package io.loopcrm.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedTest {

  @Test
  void loadsOnceUntilInvalidated() {
    AtomicInteger loads = new AtomicInteger();
    Cached<Integer> cached = Cached.of(loads::incrementAndGet);
    assertThat(cached.get()).isEqualTo(1);
    assertThat(cached.get()).isEqualTo(1);
    cached.invalidate();
    assertThat(cached.get()).isEqualTo(2);
    assertThat(loads).hasValue(2);
  }

  @Test
  void anInvalidationDuringALoadIsNotLost() throws Exception {
    // the first load read the rows before a change committed; the change's invalidation comes
    // while that load is still running: its stale value must not be kept
    AtomicInteger rows = new AtomicInteger(3);
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch changed = new CountDownLatch(1);
    AtomicInteger loads = new AtomicInteger();
    Cached<Integer> cached =
        Cached.of(
            () -> {
              int seen = rows.get();
              if (loads.incrementAndGet() == 1) {
                reading.countDown();
                await(changed);
              }
              return seen;
            });
    CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(cached::get);
    assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
    rows.set(4);
    cached.invalidate();
    changed.countDown();
    assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(cached.get()).isEqualTo(4);
    assertThat(cached.get()).isEqualTo(4);
    assertThat(loads).hasValue(2);
  }

  @Test
  void aTimeToLiveLoadsAgainOnceExpired() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    Cached<Integer> cached = Cached.of(loads::incrementAndGet, Duration.ofMillis(50));
    assertThat(cached.get()).isEqualTo(1);
    assertThat(cached.get()).isEqualTo(1);
    Thread.sleep(80);
    assertThat(cached.get()).isEqualTo(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
