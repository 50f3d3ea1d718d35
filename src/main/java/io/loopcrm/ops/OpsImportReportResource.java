package io.loopcrm.ops;

import io.loopcrm.imports.ImportFile;
import io.loopcrm.imports.ImportJob;
import io.loopcrm.people.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An import's report as a CSV download: the outcome of every row with its codes, and the codes in
 * words in the reader's language next to them.
 */
@Path("/ops/import/{id}/report.csv")
@RolesAllowed(Roles.OPERATIONS)
public class OpsImportReportResource {
  @Inject io.quarkus.qute.Engine engine;
  @Inject io.loopcrm.web.RequestLocale locale;

  @GET
  @Produces("text/csv")
  public Response report(@PathParam("id") long id) {
    ImportJob job = ImportJob.findById(id);
    if (job == null
        || job.reportPath == null
        || !Files.exists(java.nio.file.Path.of(job.reportPath))) {
      throw new NotFoundException();
    }
    // the stored report holds codes; the download adds them in the reader's language
    Map<String, String> texts = new HashMap<>();
    io.quarkus.qute.Template label = engine.parse("{lbl:message(key)}");
    java.util.Set<String> reasons = new java.util.LinkedHashSet<>(ImportFile.REASONS);
    reasons.addAll(io.loopcrm.imports.RecordRow.REASONS);
    for (String code : reasons) {
      texts.put(
          "reason:" + code,
          label.data("key", "import_reason_" + code).setLocale(locale.get()).render());
    }
    for (String code : io.loopcrm.imports.RowOutcome.CODES) {
      texts.put(
          "outcome:" + code,
          label.data("key", "import_outcome_" + code).setLocale(locale.get()).render());
    }
    java.nio.file.Path stored = java.nio.file.Path.of(job.reportPath);
    jakarta.ws.rs.core.StreamingOutput body =
        out -> {
          var writer =
              new java.io.BufferedWriter(
                  new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
          // the byte-order mark first: the printer writes the header as it is made
          writer.write('\uFEFF');
          try (var reader =
                  Files.newBufferedReader(stored, java.nio.charset.StandardCharsets.UTF_8);
              var parser =
                  org.apache.commons.csv.CSVFormat.DEFAULT
                      .builder()
                      .setHeader()
                      .setSkipHeaderRecord(true)
                      .get()
                      .parse(skipBom(reader));
              var printer =
                  new org.apache.commons.csv.CSVPrinter(
                      writer,
                      org.apache.commons.csv.CSVFormat.DEFAULT
                          .builder()
                          .setHeader(header(job.isLeads()))
                          .get())) {
            for (org.apache.commons.csv.CSVRecord r : parser) {
              printer.printRecord(line(r, texts, job.isLeads()));
            }
          }
        };
    return Response.ok(body)
        .header("Content-Type", "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"import-" + id + "-report.csv\"")
        .build();
  }

  /** A stored line with the outcome's and reason's texts in the reader's language. */
  private static List<String> line(
      org.apache.commons.csv.CSVRecord r, java.util.Map<String, String> texts, boolean leads) {
    List<String> line = new java.util.ArrayList<>();
    line.add(unmarked(r.get("row")));
    line.add(r.get("outcome"));
    line.add(texts.getOrDefault("outcome:" + r.get("outcome"), ""));
    line.add(r.get("reason"));
    line.add(texts.getOrDefault("reason:" + r.get("reason"), ""));
    for (String column : leads ? LEAD_COLUMNS : RECORD_COLUMNS) {
      // reports of imports before the history columns have no "unmapped"
      line.add(r.isMapped(column) ? r.get(column) : "");
    }
    return line;
  }

  /**
   * Reports stored before the fix hold the byte-order mark in front of their first row's number (it
   * was written after the header); the download leaves it out.
   */
  private static String unmarked(String row) {
    return row.startsWith("\uFEFF") ? row.substring(1) : row;
  }

  private static final List<String> LEAD_COLUMNS = List.of("lead_id", "email", "name", "unmapped");
  private static final List<String> RECORD_COLUMNS =
      List.of("record", "record_id", "name", "unmapped");

  /** The download's columns: the stored ones, with the outcome's and reason's texts. */
  private static String[] header(boolean leads) {
    List<String> h =
        new java.util.ArrayList<>(
            List.of("row", "outcome", "outcome_text", "reason", "reason_text"));
    h.addAll(leads ? LEAD_COLUMNS : RECORD_COLUMNS);
    return h.toArray(String[]::new);
  }

  /** The reader past a byte-order mark. */
  private static java.io.Reader skipBom(java.io.BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }
}
