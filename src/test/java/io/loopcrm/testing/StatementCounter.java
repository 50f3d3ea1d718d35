package io.loopcrm.testing;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Counts the SQL statements Hibernate prepares while a block runs (Odoo's assertQueryCount idea).
 */
public final class StatementCounter {
  private StatementCounter() {}

  public static long count(EntityManagerFactory emf, Runnable block) {
    // the counters are global: let background scoring finish first
    io.loopcrm.scoring.Rescoring rescoring =
        io.quarkus.arc.Arc.container().instance(io.loopcrm.scoring.Rescoring.class).get();
    long deadline = System.currentTimeMillis() + 300_000;
    while (!rescoring.isIdle()) {
      if (System.currentTimeMillis() > deadline) {
        // counting now would count the rescoring's statements too: a wrong figure, not a pass
        throw new AssertionError("background rescoring still busy after 5 minutes");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the rescoring", e);
      }
    }
    Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
    RecordedStatements.SEEN.clear();
    RecordedStatements.recording = true;
    long before = stats.getPrepareStatementCount();
    try {
      block.run();
      return stats.getPrepareStatementCount() - before;
    } finally {
      RecordedStatements.recording = false;
    }
  }

  /** The statements the last count counted, one per line (for a failing budget's message). */
  public static String last() {
    return String.join("\n", RecordedStatements.SEEN);
  }
}
