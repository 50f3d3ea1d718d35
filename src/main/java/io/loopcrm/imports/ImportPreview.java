package io.loopcrm.imports;

import io.loopcrm.web.PlainText;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The preview step of an import, before anything is written: the first rows with the problem each
 * would be skipped for, and the different values of chosen columns over the whole file.
 */
public final class ImportPreview {
  private ImportPreview() {}

  /** A preview line: the cells, and the problem the row would be skipped for. */
  public record PreviewRow(long line, List<String> cells, String problem) {}

  /**
   * The different values of the columns mapped to {@code targets} over the whole file, with how
   * many rows hold each (at most {@code max} values a target), for the preview of what matches.
   */
  public static Map<String, Map<String, Integer>> distinct(
      Path file, List<String> mapping, List<String> targets, int max) throws IOException {
    Map<String, Map<String, Integer>> out = new java.util.LinkedHashMap<>();
    Map<Integer, String> columns = new HashMap<>();
    for (int i = 0; i < mapping.size(); i++) {
      if (targets.contains(mapping.get(i)) && !columns.containsValue(mapping.get(i))) {
        columns.put(i, mapping.get(i));
        out.put(mapping.get(i), new java.util.LinkedHashMap<>());
      }
    }
    if (columns.isEmpty()) {
      return out;
    }
    try (Reader reader = ImportFile.open(file);
        CSVParser parser = ImportFile.FORMAT.parse(reader)) {
      Iterator<CSVRecord> it = parser.iterator();
      if (it.hasNext()) {
        it.next();
      }
      while (it.hasNext()) {
        CSVRecord r = it.next();
        for (Map.Entry<Integer, String> c : columns.entrySet()) {
          if (c.getKey() < r.size()) {
            String v = PlainText.clean(r.get(c.getKey())).trim();
            Map<String, Integer> seen = out.get(c.getValue());
            if (!v.isEmpty() && (seen.containsKey(v) || seen.size() < max)) {
              seen.merge(v, 1, Integer::sum);
            }
          }
        }
      }
    } catch (java.io.UncheckedIOException unreadable) {
      // the preview's table says where reading stops
    }
    return out;
  }

  /**
   * The first {@code max} data rows with the problem each (of {@code kind}) would be skipped for.
   */
  public static List<PreviewRow> preview(Path file, List<String> mapping, String kind, int max)
      throws IOException {
    List<PreviewRow> rows = new ArrayList<>();
    try (Reader reader = ImportFile.open(file);
        CSVParser parser = ImportFile.FORMAT.parse(reader)) {
      Iterator<CSVRecord> it = parser.iterator();
      if (it.hasNext()) {
        it.next();
      }
      while (rows.size() < max) {
        CSVRecord r;
        try {
          if (!it.hasNext()) {
            break;
          }
          r = it.next();
        } catch (java.io.UncheckedIOException broken) {
          // e.g. a quote that is never closed: the preview says where reading stops
          rows.add(new PreviewRow(parser.getRecordNumber() + 1, List.of(), "unreadable"));
          break;
        }
        List<String> cells = new ArrayList<>();
        r.forEach(cells::add);
        String problem =
            kind.equals("lead")
                ? ImportFile.parse(r, mapping).problem()
                : RecordRow.parse(r, mapping, kind).problem();
        rows.add(new PreviewRow(r.getRecordNumber(), cells, problem));
      }
    }
    return rows;
  }
}
