package io.loopcrm.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/** Waits for background work a test depends on, and fails (never goes on) when it does not end. */
public final class Await {
  private Await() {}

  /**
   * Polls {@code done} until it holds; an AssertionError naming {@code what} after {@code limit}.
   */
  public static void until(String what, Duration limit, Callable<Boolean> done) {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      while (!done.call()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(what + ": not after " + limit.toSeconds() + " s");
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting: " + what, e);
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("could not check: " + what, e);
    }
  }

  /** Until no import runs in the background (its rows would count for the next request). */
  public static void noImportRunning(DataSource db) {
    until(
        "every import ended",
        Duration.ofMinutes(1),
        () -> {
          try (Connection c = db.getConnection();
              ResultSet rs =
                  c.createStatement()
                      .executeQuery("select count(*) from import_job where status = 'running'")) {
            rs.next();
            return rs.getLong(1) == 0;
          }
        });
  }
}
