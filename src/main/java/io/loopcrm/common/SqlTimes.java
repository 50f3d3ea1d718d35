package io.loopcrm.common;

import java.time.Instant;

/** A timestamp column of a native query as an instant, whichever type the driver handed back. */
public final class SqlTimes {
  private SqlTimes() {}

  /** The instant, or null for null. */
  public static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("a timestamp as " + value.getClass());
  }
}
