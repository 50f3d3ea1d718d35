package io.loopcrm.lead;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes lead rows as CSV, safe to open in a spreadsheet: a cell that starts with {@code = + - @},
 * a tab or a carriage return is prefixed with an apostrophe so it is never run as a formula.
 */
public final class LeadCsv {
  static final String[] HEADER = {
    "id",
    "first_name",
    "last_name",
    "company",
    "email",
    "phone",
    "status",
    "score",
    "source",
    "region",
    "campaign",
    "owner",
    "created_at"
  };

  private final CSVPrinter printer;
  private final Writer writer;

  public LeadCsv(OutputStream out) throws IOException {
    writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    // a byte order mark, so spreadsheet programs read UTF-8 names correctly
    writer.write('\uFEFF');
    printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
  }

  public void write(LeadSearch.Row r) throws IOException {
    printer.printRecord(
        r.id(),
        safe(r.firstName()),
        safe(r.lastName()),
        safe(r.company()),
        safe(r.email()),
        safe(r.phone()),
        r.status().name().toLowerCase(java.util.Locale.ROOT),
        r.score(),
        safe(r.source()),
        safe(r.region()),
        safe(r.campaignName()),
        safe(r.ownerName()),
        r.createdAt() == null ? "" : r.createdAt().toString());
  }

  public void flush() throws IOException {
    printer.flush();
    writer.flush();
  }

  /** Neutralises spreadsheet formulas (CSV injection). */
  public static String safe(String value) {
    return io.loopcrm.common.CsvText.safe(value);
  }
}
