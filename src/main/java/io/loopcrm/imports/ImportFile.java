package io.loopcrm.imports;

import io.loopcrm.lead.Lead;
import io.loopcrm.web.PlainText;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The first step of an import: reading the CSV file (UTF-8, with or without a byte order mark) and
 * checking each row as the chosen column mapping reads it; the header and preview of the mapping
 * page come from here too.
 */
public final class ImportFile {
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

  private ImportFile() {}

  /** One parsed row: the lead's fields, or why it cannot be imported. */
  record Row(
      long line,
      String firstName,
      String lastName,
      String email,
      String phone,
      String company,
      String title,
      String region,
      String industry,
      String companySize,
      String segment,
      String source,
      String problem,
      History history) {}

  /**
   * What a row brings from the CRM it was exported from, as written there: when the lead was
   * created, its owner, status and campaign, source and medium, and a description. Each is matched
   * to ours when the batch is written; what does not match is named in the report.
   */
  public record History(
      String createdDate,
      String owner,
      String status,
      String campaign,
      String sourceRaw,
      String medium,
      String description) {
    static final History NONE = new History(null, null, null, null, null, null, null);
  }

  /** The codes of the report's reason column. */
  public static final List<String> REASONS =
      List.of(
          "missing_name",
          "invalid_email",
          "missing_contact",
          "too_long",
          "duplicate_in_file",
          "already_known",
          "unreadable");

  /** The header cells of a file; none when it cannot be read as CSV (say, an unclosed quote). */
  /** The longest column name a header may have: the three CRMs' longest are under 60. */
  static final int HEADER_CELL = 200;

  /**
   * Why an uploaded file cannot be imported, as a message key, or null when it can: an encoding we
   * do not read, no header line of 2 to 200 columns, a column name over {@value #HEADER_CELL}
   * characters.
   */
  public static String problemOf(Path file) throws IOException {
    if (io.loopcrm.common.CsvText.charsetOf(file).isEmpty()) {
      return "import_error_encoding";
    }
    List<String> header = header(file);
    if (header.size() < 2 || header.size() > 200) {
      return "import_error_not_csv";
    }
    return header.stream().anyMatch(c -> c.length() > HEADER_CELL)
        ? "import_error_header_long"
        : null;
  }

  public static List<String> header(Path file) throws IOException {
    try (Reader reader = open(file);
        CSVParser parser = FORMAT.parse(reader)) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        return List.of();
      }
      List<String> cells = new ArrayList<>();
      it.next().forEach(cells::add);
      return cells;
    } catch (java.io.UncheckedIOException unreadable) {
      return List.of();
    }
  }

  /**
   * A record's cells by the target their column is mapped to: cleaned and trimmed, blank ones left
   * out, the first column of a target winning.
   */
  static Map<String, String> values(CSVRecord record, List<String> mapping) {
    Map<String, String> v = new HashMap<>();
    for (int i = 0; i < mapping.size() && i < record.size(); i++) {
      String target = mapping.get(i);
      String cell = record.get(i) == null ? "" : PlainText.clean(record.get(i)).trim();
      if (!target.isEmpty() && !cell.isEmpty() && !v.containsKey(target)) {
        v.put(target, cell);
      }
    }
    return v;
  }

  static Row parse(CSVRecord record, List<String> mapping) {
    Map<String, String> v = values(record, mapping);
    Name name = Name.of(v);
    return new Row(
        record.getRecordNumber(),
        name.first(),
        name.last(),
        v.get("email"),
        v.get("phone"),
        v.get("company"),
        v.get("title"),
        region(v),
        v.get("industry"),
        size(v.get("companySize")),
        v.get("segment"),
        source(v.get("source")),
        problem(v, name),
        new History(
            v.get("createdDate"),
            clip(v.get("owner"), 200),
            clip(v.get("status"), 100),
            clip(v.get("campaign"), 200),
            clip(v.get("source"), 200),
            clip(v.get("medium"), 200),
            clip(v.get("description"), 10_000)));
  }

  /** A person's first and last name; a full name alone is cut at its last space. */
  private record Name(String first, String last) {
    static Name of(Map<String, String> v) {
      String first = v.get("firstName");
      String last = v.get("lastName");
      String full = v.get("fullName");
      if (last != null || full == null) {
        return new Name(first, last);
      }
      int cut = full.lastIndexOf(' ');
      if (cut <= 0) {
        return new Name(first, full);
      }
      return new Name(
          first == null ? full.substring(0, cut).trim() : first, full.substring(cut + 1).trim());
    }
  }

  /** Why the row cannot be a lead (a report reason), or null. */
  private static String problem(Map<String, String> v, Name name) {
    String email = v.get("email");
    String phone = v.get("phone");
    if (name.last() == null || name.last().isBlank()) {
      return "missing_name";
    }
    if (email != null && !Lead.isEmail(email)) {
      return "invalid_email";
    }
    if (email == null && (phone == null || Lead.normalizePhone(phone) == null)) {
      return "missing_contact";
    }
    boolean tooLong =
        tooLong(name.first(), 100)
            || tooLong(name.last(), 100)
            || tooLong(phone, 50)
            || tooLong(v.get("company"), 200)
            || tooLong(v.get("title"), 200)
            || tooLong(v.get("region"), 60)
            || tooLong(v.get("industry"), 80)
            || tooLong(v.get("segment"), 60)
            || tooLong(v.get("source"), 40);
    return tooLong ? "too_long" : null;
  }

  /** The region column, else "city, country" (either alone), at most 60 characters. */
  private static String region(Map<String, String> v) {
    String region = v.get("region");
    String city = v.get("city");
    String country = v.get("country");
    if (region != null || (city == null && country == null)) {
      return region;
    }
    region = city == null ? country : country == null ? city : city + ", " + country;
    return region.length() > 60 ? region.substring(0, 60) : region;
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** Employee counts become the size buckets forms use. */
  static String size(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(raw.replaceAll("[^0-9]", ""));
      return n <= 10
          ? "1-10"
          : n <= 50 ? "11-50" : n <= 200 ? "51-200" : n <= 1000 ? "201-1000" : "1000+";
    } catch (NumberFormatException e) {
      return Lead.COMPANY_SIZES.contains(raw) ? raw : null;
    }
  }

  private static String source(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    return s.isEmpty() ? null : s.length() > 40 ? s.substring(0, 40) : s;
  }

  private static boolean tooLong(String s, int max) {
    return s != null && s.length() > max;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String name(Row r) {
    return r.firstName() == null
        ? (r.lastName() == null ? "" : r.lastName())
        : r.firstName() + " " + (r.lastName() == null ? "" : r.lastName());
  }

  static String safe(String s) {
    return io.loopcrm.lead.LeadCsv.safe(s);
  }

  /** A UTF-8 reader that drops a byte order mark. */
  static Reader open(Path file) throws IOException {
    return io.loopcrm.common.CsvText.reader(file);
  }
}
