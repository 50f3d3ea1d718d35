package io.loopcrm.capture;

import io.agroal.api.AgroalDataSource;
import io.loopcrm.common.GroupWriter;
import io.loopcrm.common.LoopConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Writes tracking clicks in batches (group commit): each click waits until the transaction holding
 * it has committed, so the visitor's redirect is only sent for a click that is kept, while one
 * insert of many rows carries all clicks that arrived meanwhile. Writer threads take from one queue
 * ({@code loop.clicks.writers}, one by default; with more, one inserts while another waits for its
 * commit: a single writer spends nine tenths of its time waiting for the database on the 1M
 * dataset). The queue is bounded, and a full queue says so at once instead of letting clicks wait.
 * A graceful stop writes every queued click before the database goes away.
 */
@ApplicationScoped
public class ClickLog {
  private static final Logger LOG = Logger.getLogger(ClickLog.class);

  /**
   * One insert for the batch. A click of a known visitor (one with our cookie) on a variant they
   * had a counted click on in the 30 minutes before is kept as a repeat (not counted, V30); the
   * visitor's click index finds those. A new visitor's click cannot repeat anything.
   */
  private static final String INSERT =
      "insert into click (variant_id, campaign_id, visitor_id, utm_source, utm_medium,"
          + " utm_campaign, referrer, clicked_at, ignored)"
          + " select v, c, vis, s, m, ca, r, to_timestamp(ms / 1000.0),"
          + " coalesce(ig, case when known and exists (select 1 from click k"
          + "   where k.visitor_id = t.vis and k.variant_id = t.v and k.ignored is null"
          + "   and k.clicked_at > to_timestamp(t.ms / 1000.0) - interval '30 minutes')"
          + "   then 'repeat' end)"
          + " from unnest(?::bigint[], ?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::bigint[], ?::text[], ?::boolean[])"
          + " as t (v, c, vis, s, m, ca, r, ms, ig, known)";

  /** A click's repeats within this long are kept but not counted. */
  static final java.time.Duration REPEAT = java.time.Duration.ofMinutes(30);

  /** One click to keep. */
  public record Click(
      long variantId,
      long campaignId,
      UUID visitor,
      String utmSource,
      String utmMedium,
      String utmCampaign,
      String referrer,
      Instant at,
      String ignored,
      boolean knownVisitor) {}

  private record Pending(Click click, CompletableFuture<Void> kept) {}

  /** The queue is full: the caller answers "try again" rather than wait. */
  public static final class Full extends RuntimeException {
    Full() {
      super("click queue full", null, false, false);
    }
  }

  /** Clicks per transaction and queued clicks at most (a test's own log sets them itself). */
  int batch;

  int capacity;

  int writers = 1;

  @Inject AgroalDataSource db;

  private final java.util.concurrent.atomic.AtomicLong batches =
      new java.util.concurrent.atomic.AtomicLong();
  private BlockingQueue<Pending> queue;
  private List<GroupWriter<Pending>> running = List.of();
  private volatile boolean closed;

  @Inject
  void configure(LoopConfig config) {
    batch = config.clicks().batch();
    capacity = config.clicks().queue();
    writers = config.clicks().writers();
  }

  void start(@Observes StartupEvent e) {
    queue = new ArrayBlockingQueue<>(capacity);
    List<GroupWriter<Pending>> started = new ArrayList<>();
    for (int i = 1; i <= Math.max(1, writers); i++) {
      GroupWriter<Pending> w = new GroupWriter<>("click-log-" + i, queue, batch, this::write);
      w.start();
      started.add(w);
    }
    running = List.copyOf(started);
  }

  /** Writes what is queued, then lets the stop go on. */
  void stop(@Observes ShutdownEvent e) {
    running.forEach(w -> w.stop(30));
    writeLeft();
    closed = true;
    writeLeft();
  }

  private void writeLeft() {
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    if (!left.isEmpty()) {
      write(left);
    }
  }

  /**
   * Queues a click; the stage completes once it is committed, or fails ({@link Full} when the queue
   * is full, the database's error when the write failed).
   */
  public CompletableFuture<Void> record(Click click) {
    CompletableFuture<Void> kept = new CompletableFuture<>();
    if (closed) {
      write(List.of(new Pending(click, kept)));
    } else if (!queue.offer(new Pending(click, kept))) {
      kept.completeExceptionally(new Full());
    } else if (closed) {
      // the stop's last sweep may have run between the check and the offer
      writeLeft();
    }
    return kept;
  }

  /** Batches written since the start (tests see clicks share them). */
  public long batches() {
    return batches.get();
  }

  private void write(List<Pending> pending) {
    int n = pending.size();
    Columns columns = new Columns(pending);
    try (Connection con = db.getConnection();
        PreparedStatement s = con.prepareStatement(INSERT)) {
      columns.bind(con, s);
      s.executeUpdate();
      batches.incrementAndGet();
      pending.forEach(p -> p.kept().complete(null));
    } catch (SQLException ex) {
      if (n > 1 && !io.loopcrm.common.Causes.databaseUnreachable(ex)) {
        // one click the database refuses must not cost the others of its batch: each alone
        pending.forEach(p -> write(List.of(p)));
        return;
      }
      LOG.warnf("%d clicks not written: %s", n, ex.getMessage());
      pending.forEach(p -> p.kept().completeExceptionally(ex));
    }
  }

  /**
   * A batch's clicks column by column, the insert's arrays. A visitor's second click on a variant
   * within the batch is marked a repeat here: the insert's own check does not see rows of its
   * statement.
   */
  private static final class Columns {
    final Long[] variant;
    final Long[] campaign;
    final UUID[] visitor;
    final String[] source;
    final String[] medium;
    final String[] name;
    final String[] referrer;
    final Long[] at;
    final String[] ignored;
    final Boolean[] known;

    Columns(List<Pending> pending) {
      int n = pending.size();
      variant = new Long[n];
      campaign = new Long[n];
      visitor = new UUID[n];
      source = new String[n];
      medium = new String[n];
      name = new String[n];
      referrer = new String[n];
      at = new Long[n];
      ignored = new String[n];
      known = new Boolean[n];
      java.util.Map<String, Instant> counted = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        Click c = pending.get(i).click();
        variant[i] = c.variantId();
        campaign[i] = c.campaignId();
        visitor[i] = c.visitor();
        source[i] = c.utmSource();
        medium[i] = c.utmMedium();
        name[i] = c.utmCampaign();
        referrer[i] = c.referrer();
        at[i] = c.at().toEpochMilli();
        known[i] = c.knownVisitor();
        ignored[i] = c.ignored();
        if (ignored[i] == null) {
          Instant first = counted.putIfAbsent(c.visitor() + "/" + c.variantId(), c.at());
          if (first != null && c.at().isBefore(first.plus(REPEAT))) {
            ignored[i] = "repeat";
          }
        }
      }
    }

    void bind(Connection con, PreparedStatement s) throws SQLException {
      s.setArray(1, con.createArrayOf("bigint", variant));
      s.setArray(2, con.createArrayOf("bigint", campaign));
      s.setArray(3, con.createArrayOf("uuid", visitor));
      s.setArray(4, con.createArrayOf("text", source));
      s.setArray(5, con.createArrayOf("text", medium));
      s.setArray(6, con.createArrayOf("text", name));
      s.setArray(7, con.createArrayOf("text", referrer));
      s.setArray(8, con.createArrayOf("bigint", at));
      s.setArray(9, con.createArrayOf("text", ignored));
      s.setArray(10, con.createArrayOf("boolean", known));
    }
  }
}
