package io.loopcrm.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One daemon thread that takes what others queue and hands it on in groups: it waits for a first
 * item, adds whatever else is queued by then (up to {@code batch} in all) and passes the group to
 * {@code write}, so work that arrives together is written together. On {@link #stop} it writes what
 * is still queued and ends. The click log and the capture writer run on one each.
 */
public final class GroupWriter<T> {
  private static final Logger LOG = Logger.getLogger(GroupWriter.class);

  private final String name;
  private final BlockingQueue<T> queue;
  private final int batch;
  private final Consumer<List<T>> write;
  private Thread thread;
  private volatile boolean stopping;

  public GroupWriter(String name, BlockingQueue<T> queue, int batch, Consumer<List<T>> write) {
    this.name = name;
    this.queue = queue;
    this.batch = Math.max(1, batch);
    this.write = write;
  }

  public void start() {
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Lets what is queued be written, waiting at most {@code seconds} for it. */
  public void stop(int seconds) {
    stopping = true;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(seconds));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether a stop has begun (new work should not wait for this thread any more). */
  public boolean stopping() {
    return stopping;
  }

  private void run() {
    List<T> taken = new ArrayList<>(batch);
    while (!stopping || !queue.isEmpty()) {
      try {
        T first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        taken.add(first);
        queue.drainTo(taken, batch - 1);
        write.accept(taken);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException re) {
        LOG.error(name, re);
      } finally {
        taken.clear();
      }
    }
  }
}
