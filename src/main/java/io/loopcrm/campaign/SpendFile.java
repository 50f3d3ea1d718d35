package io.loopcrm.campaign;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of spend for the cost ledger: one row per cost with its day, the campaign it belongs
 * to (a variant's tracking code, the campaign's split-link code, or its name), the amount and
 * optionally currency, channel and note. Columns are found by their header, in English or Chinese.
 * Each row is checked as the ledger's form checks an entry; a row equal to an entry already in the
 * ledger is "already recorded", so the same file imported twice counts once.
 */
public final class SpendFile {
  public static final int MAX_ROWS = 5_000;

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

  /** A row: what it would record, or why it cannot (a message key). */
  public record Row(
      long line,
      LocalDate day,
      Campaign campaign,
      CampaignVariant variant,
      BigDecimal amount,
      String currency,
      String channel,
      String note,
      String raw,
      String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  /** The file's rows, or a problem with the file as a whole (a message key). */
  public record Result(List<Row> rows, String problem) {
    public long good() {
      return rows.stream().filter(Row::ok).count();
    }

    public long skipped() {
      return rows.size() - good();
    }

    /** Totals of the rows that would be recorded, per currency. */
    public Map<String, BigDecimal> totals() {
      Map<String, BigDecimal> t = new java.util.TreeMap<>();
      rows.stream()
          .filter(Row::ok)
          .forEach(r -> t.merge(r.currency(), r.amount(), BigDecimal::add));
      return t;
    }
  }

  private SpendFile() {}

  /** Reads and checks the file against the campaigns and the ledger as they are now. */
  public static Result read(Path file, Collection<String> currencies) {
    try {
      if (io.loopcrm.common.CsvText.charsetOf(file).isEmpty()) {
        return new Result(List.of(), "import_error_encoding");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try (Reader reader = io.loopcrm.common.CsvText.reader(file);
        CSVParser parser = FORMAT.parse(reader)) {
      List<CSVRecord> records = new ArrayList<>();
      for (CSVRecord r : parser) {
        records.add(r);
        if (records.size() > MAX_ROWS + 1) {
          return new Result(List.of(), "spend_error_too_many");
        }
      }
      if (records.isEmpty()) {
        return new Result(List.of(), "spend_error_columns");
      }
      Map<String, Integer> columns = new HashMap<>();
      CSVRecord header = records.get(0);
      for (int i = 0; i < header.size(); i++) {
        String key = SpendColumns.of(header.get(i));
        if (key != null) {
          columns.putIfAbsent(key, i);
        }
      }
      if (!columns.containsKey("date")
          || !columns.containsKey("campaign")
          || !columns.containsKey("amount")) {
        return new Result(List.of(), "spend_error_columns");
      }
      Targets targets = Targets.load();
      List<Row> read = new ArrayList<>();
      for (CSVRecord r : records.subList(1, records.size())) {
        read.add(row(r, columns, targets, currencies));
      }
      Set<String> recorded = recorded(read);
      Set<String> seen = new HashSet<>();
      List<Row> rows = new ArrayList<>();
      for (Row row : read) {
        if (row.ok()) {
          String key = key(row);
          if (recorded.contains(key)) {
            row = problem(row, "spend_problem_recorded");
          } else if (!seen.add(key)) {
            row = problem(row, "spend_problem_twice");
          }
        }
        rows.add(row);
      }
      return new Result(rows, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException | IllegalStateException unreadable) {
      return new Result(List.of(), "spend_error_columns");
    }
  }

  private static Row row(
      CSVRecord r, Map<String, Integer> columns, Targets targets, Collection<String> currencies) {
    String raw = SpendColumns.cell(r, columns, "campaign");
    LocalDate day = SpendColumns.day(SpendColumns.cell(r, columns, "date"));
    BigDecimal amount = SpendColumns.amount(SpendColumns.cell(r, columns, "amount"));
    CampaignVariant variant = raw == null ? null : targets.variants.get(raw);
    Campaign campaign =
        variant != null
            ? variant.campaign
            : raw == null
                ? null
                : targets.campaigns.getOrDefault(
                    raw, targets.byName.get(raw.toLowerCase(Locale.ROOT)));
    String currency = SpendColumns.cell(r, columns, "currency");
    currency = currency == null && campaign != null ? campaign.currency : currency;
    currency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
    String channel = SpendColumns.cell(r, columns, "channel");
    channel = channel == null ? null : channel.toLowerCase(Locale.ROOT);
    String note = SpendColumns.cell(r, columns, "note");
    String problem = null;
    if (day == null) {
      problem = "spend_problem_date";
    } else if (campaign == null) {
      problem = "spend_problem_campaign";
    } else if (amount == null
        || amount.signum() < 0
        || amount.scale() > 2
        || amount.precision() - amount.scale() > 12) {
      problem = "spend_problem_amount";
    } else if (!currencies.contains(currency)) {
      problem = "spend_problem_currency";
    } else if (channel != null && !Campaign.CHANNELS.contains(channel)) {
      problem = "spend_problem_channel";
    } else if (note != null && note.length() > 300) {
      problem = "spend_problem_note";
    }
    return new Row(
        r.getRecordNumber(), day, campaign, variant, amount, currency, channel, note, raw, problem);
  }

  private static Row problem(Row r, String problem) {
    return new Row(
        r.line(),
        r.day(),
        r.campaign(),
        r.variant(),
        r.amount(),
        r.currency(),
        r.channel(),
        r.note(),
        r.raw(),
        problem);
  }

  /** What makes two entries the same: campaign, variant, day, amount, currency and note. */
  private static String key(Row r) {
    return key(
        r.campaign().id,
        r.variant() == null ? null : r.variant().id,
        r.day(),
        r.amount(),
        r.currency(),
        r.note());
  }

  private static String key(
      long campaign, Long variant, LocalDate day, BigDecimal amount, String currency, String note) {
    return campaign
        + "|"
        + variant
        + "|"
        + day
        + "|"
        + amount.stripTrailingZeros().toPlainString()
        + "|"
        + currency
        + "|"
        + (note == null ? "" : note);
  }

  /** The ledger's entries of the file's campaigns and days: one query, not the whole ledger. */
  private static Set<String> recorded(List<Row> rows) {
    Set<String> keys = new HashSet<>();
    List<Long> campaigns =
        rows.stream().filter(Row::ok).map(r -> r.campaign().id).distinct().toList();
    if (campaigns.isEmpty()) {
      return keys;
    }
    LocalDate first = rows.stream().filter(Row::ok).map(Row::day).min(LocalDate::compareTo).get();
    LocalDate last = rows.stream().filter(Row::ok).map(Row::day).max(LocalDate::compareTo).get();
    for (CostEntry e :
        CostEntry.<CostEntry>list(
            "from CostEntry e left join fetch e.variant where e.campaign.id in ?1"
                + " and e.incurredOn between ?2 and ?3",
            campaigns,
            first,
            last)) {
      keys.add(
          key(
              e.campaign.id,
              e.variant == null ? null : e.variant.id,
              e.incurredOn,
              e.amount,
              e.currency,
              e.note));
    }
    return keys;
  }

  /** Campaigns by code and by name, variants by tracking code. */
  private record Targets(
      Map<String, CampaignVariant> variants,
      Map<String, Campaign> campaigns,
      Map<String, Campaign> byName) {
    static Targets load() {
      Map<String, CampaignVariant> variants = new HashMap<>();
      Map<String, Campaign> campaigns = new HashMap<>();
      Map<String, Campaign> byName = new HashMap<>();
      for (CampaignVariant v :
          CampaignVariant.<CampaignVariant>list("from CampaignVariant v join fetch v.campaign")) {
        variants.put(v.trackingCode, v);
      }
      for (Campaign c : Campaign.<Campaign>listAll()) {
        campaigns.put(c.code, c);
        byName.putIfAbsent(c.name.toLowerCase(Locale.ROOT), c);
      }
      return new Targets(variants, campaigns, byName);
    }
  }
}
