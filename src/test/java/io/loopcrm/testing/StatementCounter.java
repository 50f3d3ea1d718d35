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
    long deadline = System.currentTimeMillis() + 120_000;
    while (!rescoring.isIdle() && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
    long before = stats.getPrepareStatementCount();
    block.run();
    return stats.getPrepareStatementCount() - before;
  }
}
