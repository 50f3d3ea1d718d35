package io.loopcrm.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How an import reads its created dates: the formats the three CRMs' exports write, and which way a
 * file writes its dates with slashes: month first (11/03/2026 is 3 November) or day first (11
 * March). A day above 12 in either place settles it; when none does, the dates leave it open and
 * the preview asks.
 */
public final class ImportDates {
  private ImportDates() {}

  /** What the file's dates say. */
  public enum Order {
    /** No date with slashes: nothing to ask. */
    NONE,
    MONTH_FIRST,
    DAY_FIRST,
    /** Every date fits both ways ({@link Reading#example} is one of them). */
    OPEN
  }

  /** The order and a date of the file that shows the question ("11/03/2026"). */
  public record Reading(Order order, String example) {
    public boolean isAsked() {
      return order != Order.NONE;
    }

    public boolean isOpen() {
      return order == Order.OPEN;
    }

    /** Whether the question's answer shown is "day first": the file's, else the job's choice. */
    public boolean selectsDayFirst(boolean chosen) {
      return order == Order.DAY_FIRST || (order == Order.OPEN && chosen);
    }
  }

  /** How many rows are looked at: a settled order shows early in any real export. */
  static final int ROWS = 5_000;

  private static final Pattern SLASHED = Pattern.compile("^\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");

  /** The order of the created dates of {@code file} as {@code mapping} reads it. */
  public static Reading of(Path file, List<String> mapping) throws IOException {
    int column = mapping.indexOf("createdDate");
    if (column < 0) {
      return new Reading(Order.NONE, null);
    }
    String example = null;
    try (Reader in = ImportFile.open(file);
        CSVParser parser = ImportFile.FORMAT.parse(in)) {
      int seen = 0;
      boolean header = true;
      for (CSVRecord r : parser) {
        if (header) {
          header = false;
          continue;
        }
        if (++seen > ROWS) {
          break;
        }
        if (column >= r.size()) {
          continue;
        }
        Matcher m = SLASHED.matcher(r.get(column));
        if (!m.find()) {
          continue;
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        if (first > 12 && second <= 12) {
          return new Reading(Order.DAY_FIRST, m.group());
        }
        if (second > 12 && first <= 12) {
          return new Reading(Order.MONTH_FIRST, m.group());
        }
        if (example == null || (example.startsWith(m.group(1) + "/" + m.group(1)))) {
          example = m.group().trim();
        }
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      // an unreadable file says nothing about its dates: the import names its rows
    }
    return new Reading(example == null ? Order.NONE : Order.OPEN, example);
  }

  /** The moment a created date names (UTC), slashed dates month first; null when none. */
  public static Instant created(String raw) {
    return created(raw, false);
  }

  /**
   * The moment a created date names (UTC), slashed dates day first when {@code dayFirst}; null when
   * it is none of the formats the three CRMs' exports write.
   */
  public static Instant created(String raw, boolean dayFirst) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.trim();
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      // not an instant with a zone
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      // no offset either
    }
    for (DateTimeFormatter f : dayFirst ? DATE_TIMES_DAY_FIRST : DATE_TIMES) {
      try {
        return LocalDateTime.parse(v, f).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // the next format
      }
    }
    for (DateTimeFormatter f : dayFirst ? DATES_DAY_FIRST : DATES) {
      try {
        return LocalDate.parse(v, f).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        // the next format
      }
    }
    return null;
  }

  /** Moments and days as the exports write them; slashed ones month first ("M/d"). */
  private static final List<String> DATE_TIME_PATTERNS =
      List.of(
          "yyyy-MM-dd HH:mm:ss",
          "yyyy-MM-dd HH:mm",
          "yyyy/M/d H:mm",
          "M/d/yyyy H:mm",
          "M/d/yyyy h:mm a");

  private static final List<String> DATE_PATTERNS = List.of("yyyy/M/d", "M/d/yyyy", "d.M.yyyy");

  private static final List<DateTimeFormatter> DATE_TIMES = formats(DATE_TIME_PATTERNS, false);
  private static final List<DateTimeFormatter> DATES = isoFirst(formats(DATE_PATTERNS, false));
  private static final List<DateTimeFormatter> DATE_TIMES_DAY_FIRST =
      formats(DATE_TIME_PATTERNS, true);
  private static final List<DateTimeFormatter> DATES_DAY_FIRST =
      isoFirst(formats(DATE_PATTERNS, true));

  /** The patterns as formatters, their slashed month and day swapped when {@code dayFirst}. */
  private static List<DateTimeFormatter> formats(List<String> patterns, boolean dayFirst) {
    return patterns.stream()
        .map(p -> dayFirst ? p.replace("M/d/", "d/M/") : p)
        .map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH))
        .toList();
  }

  private static List<DateTimeFormatter> isoFirst(List<DateTimeFormatter> rest) {
    List<DateTimeFormatter> all = new java.util.ArrayList<>();
    all.add(DateTimeFormatter.ISO_LOCAL_DATE);
    all.addAll(rest);
    return List.copyOf(all);
  }
}
