package io.loopcrm.imports;

import io.loopcrm.lead.Lead;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of an account, contact or deal file as its column mapping reads it, checked before
 * anything is written: the values by target, and the problem the row is skipped for, if any.
 */
public record RecordRow(long line, String kind, Map<String, String> values, String problem) {
  /** The codes of the report's reason column for these kinds (besides the lead ones). */
  public static final List<String> REASONS =
      List.of(
          "missing_name",
          "invalid_email",
          "too_long",
          "missing_account",
          "invalid_amount",
          "invalid_date",
          "missing_owner",
          "won_incomplete",
          "exists_kept",
          "account_of_another_rep",
          "unreadable");

  private static final Set<String> YES = Set.of("true", "yes", "1", "x", "y", "是", "真");

  /** Maps one record by the chosen targets and checks it. */
  static RecordRow parse(CSVRecord record, List<String> mapping, String kind) {
    Map<String, String> v = ImportFile.values(record, mapping);
    String last = v.get("lastName");
    if (last == null && v.get("fullName") != null && kind.equals("contact")) {
      String full = v.get("fullName");
      int cut = full.lastIndexOf(' ');
      if (cut > 0) {
        v.putIfAbsent("firstName", full.substring(0, cut).trim());
        v.put("lastName", full.substring(cut + 1).trim());
      } else {
        v.put("lastName", full);
      }
    }
    return new RecordRow(record.getRecordNumber(), kind, v, problem(kind, v));
  }

  private static String problem(String kind, Map<String, String> v) {
    boolean company = kind.equals("account") || YES.contains(lower(v.get("isCompany")));
    String email = v.get("email");
    if (email != null && !Lead.isEmail(email)) {
      return "invalid_email";
    }
    if (tooLong(v, "name", 200)
        || tooLong(v, "fullName", 200)
        || tooLong(v, "account", 200)
        || tooLong(v, "website", 200)
        || tooLong(v, "firstName", 100)
        || tooLong(v, "lastName", 100)
        || tooLong(v, "phone", 50)
        || tooLong(v, "title", 200)
        || tooLong(v, "industry", 80)
        || tooLong(v, "nextStep", 300)) {
      return "too_long";
    }
    switch (kind) {
      case "deal" -> {
        if (v.get("name") == null) {
          return "missing_name";
        }
        if (v.get("account") == null && v.get("website") == null) {
          return "missing_account";
        }
        if (v.get("amount") != null && amount(v.get("amount")) == null) {
          return "invalid_amount";
        }
        if (v.get("closeDate") != null && date(v.get("closeDate")) == null) {
          return "invalid_date";
        }
        return null;
      }
      default -> {
        if (company) {
          return accountName(v) == null ? "missing_name" : null;
        }
        if (v.get("lastName") == null) {
          return "missing_name";
        }
        if (v.get("account") == null
            && v.get("website") == null
            && io.loopcrm.deal.LeadConversion.companyDomainOf(email) == null) {
          return "missing_account";
        }
        return null;
      }
    }
  }

  public String get(String target) {
    return values.get(target);
  }

  /** Whether the row is a company (an account file, or a contact file's company row). */
  public boolean isCompany() {
    return kind.equals("account") || YES.contains(lower(values.get("isCompany")));
  }

  /** The company name of an account row. */
  static String accountName(Map<String, String> v) {
    return v.get("name") != null ? v.get("name") : v.get("fullName");
  }

  /** A name for the report. */
  public String name() {
    if (kind.equals("deal") || isCompany()) {
      String n = accountName(values);
      return n == null ? "" : n;
    }
    String first = values.get("firstName");
    String last = values.get("lastName") == null ? "" : values.get("lastName");
    return first == null ? last : first + " " + last;
  }

  /** The region a row's region, city and country make. */
  String region() {
    String region = values.get("region");
    String city = values.get("city");
    String country = values.get("country");
    if (region == null && (city != null || country != null)) {
      region = city == null ? country : country == null ? city : city + ", " + country;
    }
    return region == null || region.length() <= 60 ? region : region.substring(0, 60);
  }

  /**
   * An amount as exports write it: digits with a decimal point or comma, thousands separators and a
   * currency sign or code around them; null when it is none, or negative.
   */
  static BigDecimal amount(String raw) {
    String s = raw.replaceAll("[\\s\\p{Sc}A-Za-z]", "").replace("'", "");
    if (s.matches("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?")) {
      s = s.replace(".", "").replace(',', '.');
    } else if (s.matches("\\d+,\\d{1,2}")) {
      s = s.replace(',', '.');
    } else {
      s = s.replace(",", "");
    }
    try {
      BigDecimal a = new BigDecimal(s);
      return a.signum() < 0 || a.precision() - a.scale() > 12
          ? null
          : a.setScale(2, java.math.RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A date (or date and time) as exports write it, as the day in UTC. */
  static LocalDate date(String raw) {
    java.time.Instant at = ImportDates.created(raw);
    return at == null ? null : at.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String lower(String s) {
    return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
  }

  private static boolean tooLong(Map<String, String> v, String target, int max) {
    return v.get(target) != null && v.get(target).length() > max;
  }
}
