package io.loopcrm.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Lenient parsing of query parameters: a malformed value counts as absent, never as an error page.
 */
public final class Params {
  private Params() {}

  public static Long parseLong(String s) {
    try {
      return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static LocalDate parseDate(String s) {
    try {
      return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Trimmed, at most {@code max} characters, or null when blank. */
  public static String trimToNull(String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.trim();
    return t.length() > max ? t.substring(0, max) : t;
  }
}
