package io.loopcrm.capture;

import io.agroal.api.AgroalDataSource;
import io.loopcrm.common.LoopConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Form submissions per client address and minute (fixed window), counted in the database so that
 * every instance behind a load balancer shares one count. One upsert per submission, in autocommit
 * outside the request's transaction: a submission refused for bad input still counts. Keeps a
 * script from filling the lead queue; a person never comes near the limit.
 */
@ApplicationScoped
public class RateLimiter {
  private static final Logger LOG = Logger.getLogger(RateLimiter.class);

  @Inject LoopConfig config;

  @Inject AgroalDataSource db;

  private final Clock clock = Clock.systemUTC();

  public boolean allow(String address) {
    long minute = clock.millis() / 60_000;
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into capture_window (address, minute, submissions) values (?, ?, 1)"
                    + " on conflict (address, minute)"
                    + " do update set submissions = capture_window.submissions + 1"
                    + " returning submissions")) {
      s.setString(1, address);
      s.setLong(2, minute);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1) <= config.capture().submissionsPerMinute();
      }
    } catch (SQLException e) {
      // the database is needed for the lead anyway; let the submission fail there, not here
      LOG.warnf("rate limit not counted for %s: %s", address, e.getMessage());
      return true;
    }
  }

  /** Drops the minutes that are over. */
  @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void forgetOldMinutes() {
    execute("delete from capture_window where minute < " + (clock.millis() / 60_000 - 1));
  }

  /** Forgets every address (tests, and an admin's relief after a false alarm). */
  public void reset() {
    execute("delete from capture_window");
  }

  private void execute(String sql) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.executeUpdate();
    } catch (SQLException e) {
      LOG.warnf("capture_window: %s", e.getMessage());
    }
  }
}
