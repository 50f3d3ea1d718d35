package io.loopcrm.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Why rows were skipped or only completed, counted from a finished import's report, so that the
 * result page says it (the report has the row by row detail): one read of the report, most frequent
 * first.
 */
public final class ImportReasons {
  private ImportReasons() {}

  /** The reasons an import writes, each with its label. */
  private static final java.util.Set<String> KNOWN = known();

  private static java.util.Set<String> known() {
    java.util.Set<String> all = new java.util.HashSet<>(ImportFile.REASONS);
    all.addAll(RecordRow.REASONS);
    return java.util.Set.copyOf(all);
  }

  /** A reason ({@code import_reason_} + code in the labels) and how many rows had it. */
  public record Count(String code, int count) {
    public String labelKey() {
      return "import_reason_" + code;
    }
  }

  /** The reasons of the job's report; none while it runs or when its report is gone. */
  public static List<Count> of(ImportJob job) {
    if (!job.isDone() || job.reportPath == null || !Files.exists(Path.of(job.reportPath))) {
      return List.of();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Reader in = Files.newBufferedReader(Path.of(job.reportPath), StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      String reasonColumn =
          parser.getHeaderNames().stream()
              .filter(h -> h.replace("\uFEFF", "").equals("reason"))
              .findFirst()
              .orElse(null);
      if (reasonColumn == null) {
        return List.of();
      }
      for (CSVRecord r : parser) {
        String code = r.isSet(reasonColumn) ? r.get(reasonColumn) : "";
        if (KNOWN.contains(code)) {
          counts.merge(code, 1, Integer::sum);
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      return List.of();
    }
    List<Count> out = new ArrayList<>();
    counts.forEach((code, n) -> out.add(new Count(code, n)));
    out.sort((a, b) -> Integer.compare(b.count(), a.count()));
    return out;
  }
}
