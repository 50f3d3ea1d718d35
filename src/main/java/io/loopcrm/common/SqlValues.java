package io.loopcrm.common;

import java.time.LocalDate;

/** Values of native query results, whichever Java type the driver handed back. */
public final class SqlValues {
  private SqlValues() {}

  public static LocalDate localDate(Object value) {
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return LocalDate.parse(value.toString().substring(0, 10));
  }
}
