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
    // counting while it runs would count its statements too: a wrong figure, not a pass
    Await.until("background rescoring idle", java.time.Duration.ofMinutes(5), rescoring::isIdle);
    Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
    RecordedStatements.SEEN.clear();
    RecordedStatements.SCHEDULED.set(0);
    RecordedStatements.recording = true;
    long before = stats.getPrepareStatementCount();
    try {
      block.run();
      // the counters are global: a scheduled job's statements meanwhile are not the block's
      return stats.getPrepareStatementCount() - before - RecordedStatements.SCHEDULED.get();
    } finally {
      RecordedStatements.recording = false;
    }
  }

  /** The statements the last count counted, one per line (for a failing budget's message). */
  public static String last() {
    return String.join("\n", RecordedStatements.SEEN);
  }
}
