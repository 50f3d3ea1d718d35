package io.loopcrm.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The first step of reading a spend file: which column holds what (by its header, in English or
 * Chinese) and the cells as values (days as 2026-11-02 or 2026/11/2, amounts with thousands
 * separators or a currency sign).
 */
final class SpendColumns {
  private static final Map<String, String> HEADERS = headers();
  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

  private SpendColumns() {}

  /** What a header names: date, campaign, amount, currency, channel, note; else null. */
  static String of(String header) {
    return HEADERS.get(header.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " "));
  }

  static String cell(CSVRecord r, Map<String, Integer> columns, String key) {
    Integer i = columns.get(key);
    if (i == null || i >= r.size()) {
      return null;
    }
    String v = r.get(i);
    return v == null || v.isBlank() ? null : v.trim();
  }

  static LocalDate day(String s) {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s, SLASHED);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  static BigDecimal amount(String s) {
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s.replace(",", "").replaceAll("^[$€£¥]", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Map<String, String> headers() {
    Map<String, String> h = new HashMap<>();
    for (String s : List.of("date", "day", "incurred on", "日期")) {
      h.put(s, "date");
    }
    for (String s :
        List.of("campaign", "campaign code", "variant", "variant code", "code", "活动", "活动代码")) {
      h.put(s, "campaign");
    }
    for (String s : List.of("amount", "cost", "spend", "金额", "花费")) {
      h.put(s, "amount");
    }
    for (String s : List.of("currency", "币种", "货币")) {
      h.put(s, "currency");
    }
    for (String s : List.of("channel", "渠道")) {
      h.put(s, "channel");
    }
    for (String s : List.of("note", "description", "memo", "备注")) {
      h.put(s, "note");
    }
    return h;
  }
}
