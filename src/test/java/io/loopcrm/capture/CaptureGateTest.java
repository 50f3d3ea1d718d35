package io.loopcrm.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Group commit of captures: queued captures share one transaction, a failing one sinks none. */
@QuarkusTest
class CaptureGateTest {
  @Inject CaptureGate gate;
  @Inject EntityManager em;

  @Test
  void capturesQueuedMeanwhileShareOneTransactionAndABadOneAnswersAlone() throws Exception {
    String actor = Fixtures.unique("gate");
    CountDownLatch writerBusy = new CountDownLatch(1);
    CountDownLatch queued = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      // the first capture keeps the writer busy until the others are queued behind it
      Future<Integer> first =
          pool.submit(
              () ->
                  gate.run(
                      () -> {
                        writerBusy.countDown();
                        await(queued);
                        return write(actor, 0);
                      }));
      assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
      long groupsBefore = gate.groups();
      List<Future<Integer>> good = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        int n = i;
        good.add(pool.submit(() -> gate.run(() -> write(actor, n))));
      }
      Future<Integer> bad =
          pool.submit(
              () ->
                  gate.run(
                      () -> {
                        write(actor, 99);
                        throw new IllegalStateException("this capture fails");
                      }));
      waitUntilQueued(11);
      queued.countDown();

      assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
      for (int i = 0; i < good.size(); i++) {
        assertThat(good.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i + 1);
      }
      assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .hasRootCauseMessage("this capture fails");
      // every good capture kept once, the bad one's write rolled back
      assertThat(written(actor))
          .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
      // the group failed on the bad capture, so each ran alone: first the group, then alone
      assertThat(gate.groups() - groupsBefore).isEqualTo(1 + 10);

      // without a bad one, captures queued together commit together
      CountDownLatch busyAgain = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<Integer> holder =
          pool.submit(
              () ->
                  gate.run(
                      () -> {
                        busyAgain.countDown();
                        await(release);
                        return write(actor, 100);
                      }));
      assertThat(busyAgain.await(10, TimeUnit.SECONDS)).isTrue();
      long before = gate.groups();
      List<Future<Integer>> together = new ArrayList<>();
      for (int i = 101; i <= 110; i++) {
        int n = i;
        together.add(pool.submit(() -> gate.run(() -> write(actor, n))));
      }
      waitUntilQueued(10);
      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
      for (Future<Integer> f : together) {
        f.get(30, TimeUnit.SECONDS);
      }
      assertThat(gate.groups() - before)
          .as("the holder's transaction, then one for ten")
          .isEqualTo(2);
      assertThat(written(actor)).hasSize(22);
    } finally {
      queued.countDown();
      pool.shutdownNow();
    }
  }

  private int write(String actor, int n) {
    em.createNativeQuery(
            "insert into audit_entry (actor, entity_type, entity_id, action) values (?1, 'gate', ?2, 'create')")
        .setParameter(1, actor)
        .setParameter(2, n)
        .executeUpdate();
    return n;
  }

  @SuppressWarnings("unchecked")
  private List<Long> written(String actor) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((List<Number>)
                        em.createNativeQuery(
                                "select entity_id from audit_entry where actor = ?1 and entity_type = 'gate'")
                            .setParameter(1, actor)
                            .getResultList())
                    .stream().map(Number::longValue).toList());
  }

  private void waitUntilQueued(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gate.queued() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(gate.queued()).isEqualTo(n);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
