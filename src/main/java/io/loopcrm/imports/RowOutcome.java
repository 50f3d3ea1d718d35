package io.loopcrm.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What an import made of one row of the file; the report's "outcome" column holds its code. */
public enum RowOutcome {
  CREATED,
  UPDATED,
  SKIPPED;

  /** Every code, in the report's order. */
  public static final List<String> CODES = Arrays.stream(values()).map(RowOutcome::code).toList();

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
