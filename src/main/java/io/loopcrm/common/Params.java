package io.loopcrm.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
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

  /**
   * A decimal number of at most {@code whole} digits before the point and {@code decimals} after it
   * ("1250.50", "48,000", "-3"), or null. A longer text or one like "1E999999" is no number here
   * and is never expanded into its digits.
   */
  public static BigDecimal parseDecimal(String s, int whole, int decimals) {
    if (s == null || s.isBlank() || s.length() > 40) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(s.trim().replace(",", ""));
      return d.scale() > decimals || d.precision() - d.scale() > whole ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The first and last day a date may name: years 1 to 9999, what every column and page holds. */
  public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

  public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  /** The longest text read as a date, month or moment ("2026-12-31T23:59:59.999999999"). */
  private static final int DATE_TEXT = 40;

  /** An ISO day ("2026-12-31") in years 1 to 9999, or null. */
  public static LocalDate parseDate(String s) {
    try {
      return s == null || s.isBlank() || s.length() > DATE_TEXT
          ? null
          : sane(LocalDate.parse(s.trim()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** An ISO month ("2026-12") in years 1 to 9999, or null. */
  public static YearMonth parseMonth(String s) {
    try {
      if (s == null || s.isBlank() || s.length() > DATE_TEXT) {
        return null;
      }
      YearMonth m = YearMonth.parse(s.trim());
      return sane(m.atDay(1)) == null ? null : m;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** An ISO moment on the wall clock ("2026-12-31T09:30") in years 1 to 9999, or null. */
  public static LocalDateTime parseDateTime(String s) {
    try {
      if (s == null || s.isBlank() || s.length() > DATE_TEXT) {
        return null;
      }
      LocalDateTime t = LocalDateTime.parse(s.trim());
      return sane(t.toLocalDate()) == null ? null : t;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The day when it lies in years 1 to 9999, else null: a year like +999999999 parses in Java but
   * no column, interval or page holds it.
   */
  public static LocalDate sane(LocalDate day) {
    return day == null || day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY) ? null : day;
  }

  private static final java.util.regex.Pattern UUID_TEXT =
      java.util.regex.Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * A UUID in its canonical form only ("1-1-1-1-1", which {@link java.util.UUID#fromString} takes,
   * is none), or null.
   */
  public static java.util.UUID parseUuid(String s) {
    return s == null || !UUID_TEXT.matcher(s).matches() ? null : java.util.UUID.fromString(s);
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
