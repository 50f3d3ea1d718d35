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
    Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
    long before = stats.getPrepareStatementCount();
    block.run();
    return stats.getPrepareStatementCount() - before;
  }
}
