package io.loopcrm.common;

import java.util.Set;
import java.util.function.Predicate;

/** What lies under an exception, however deep frameworks and commits wrapped it. */
public final class Causes {
  private Causes() {}

  /**
   * Whether {@code e}, one of its causes, an exception suppressed by one of them, or one of that
   * exception's own causes matches. A failed commit keeps the real reason in a suppressed
   * exception's cause (the connection that closed under it).
   */
  public static boolean any(Throwable e, Predicate<Throwable> matches) {
    return any(e, matches, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  private static boolean any(Throwable e, Predicate<Throwable> matches, Set<Throwable> seen) {
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (matches.test(t)) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (any(s, matches, seen)) {
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
