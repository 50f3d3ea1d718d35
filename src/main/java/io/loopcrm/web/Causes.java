package io.loopcrm.web;

import java.util.function.Predicate;

/** What lies under an exception, however deep frameworks and commits wrapped it. */
public final class Causes {
  private Causes() {}

  /** Whether {@code e}, one of its causes or a suppressed exception of them matches. */
  public static boolean any(Throwable e, Predicate<Throwable> matches) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (matches.test(t)) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (matches.test(s)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the database could not be reached (refused, lost or timed-out connection, server
   * shutting down), as opposed to a statement it refused.
   */
  public static boolean databaseUnreachable(Throwable e) {
    return any(
        e,
        t -> {
          if (t instanceof java.net.ConnectException
              || t instanceof org.hibernate.exception.JDBCConnectionException
              || t instanceof java.sql.SQLTransientConnectionException) {
            return true;
          }
          if (t instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            return (state != null && (state.startsWith("08") || state.startsWith("57P")))
                || String.valueOf(sql.getMessage()).contains("Acquisition timeout");
          }
          return false;
        });
  }
}
