package io.loopcrm.web;

import io.loopcrm.lead.LeadCsv;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report table as a CSV download: UTF-8 with a byte order mark (spreadsheets read names right),
 * text cells defused against formula injection ({@link LeadCsv#safe}), null cells empty.
 */
public final class CsvDownload {
  private CsvDownload() {}

  public static Response of(String fileName, List<String> header, List<List<Object>> lines) {
    StreamingOutput body =
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          w.write('\uFEFF');
          CSVPrinter printer =
              new CSVPrinter(
                  w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
          for (List<Object> line : lines) {
            for (Object cell : line) {
              printer.print(
                  cell == null ? "" : cell instanceof String text ? LeadCsv.safe(text) : cell);
            }
            printer.println();
          }
          printer.flush();
          w.flush();
        };
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .header("Content-Type", "text/csv; charset=UTF-8")
        .build();
  }
}
