package io.loopcrm.common;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * PostgreSQL advisory locks held until the transaction ends, by name, taken in the order given in
 * one round trip. A plain statement on the transaction's connection: as a native query, Hibernate
 * looked up a type for the {@code void} column on every call and built and caught an exception for
 * it (8 % of the form capture's CPU in a profile on the 1M dataset).
 */
public final class XactLocks {
  private XactLocks() {}

  /** Locks each name that is not null, in order. */
  public static void take(EntityManager em, String... names) {
    String[] taken = Arrays.stream(names).filter(Objects::nonNull).toArray(String[]::new);
    if (taken.length == 0) {
      return;
    }
    String sql =
        Arrays.stream(taken)
            .map(n -> "pg_advisory_xact_lock(hashtext(?))")
            .collect(Collectors.joining(", ", "select ", ""));
    // through Hibernate's statement preparer, so that its statistics count it (statement budgets)
    SessionImplementor session = em.unwrap(SessionImplementor.class);
    JdbcCoordinator jdbc = session.getJdbcCoordinator();
    PreparedStatement s = jdbc.getStatementPreparer().prepareStatement(sql);
    try {
      for (int i = 0; i < taken.length; i++) {
        s.setString(i + 1, taken[i]);
      }
      jdbc.getResultSetReturn().extract(s, sql);
    } catch (SQLException e) {
      throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "advisory lock", sql);
    } finally {
      jdbc.getLogicalConnection().getResourceRegistry().release(s);
      jdbc.afterStatementExecution();
    }
  }
}
