package io.loopcrm.campaign;

import io.loopcrm.common.XactLocks;
import io.loopcrm.people.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Records a checked spend file in the cost ledger, all its good rows in one transaction (each entry
 * audited as one added by hand), and keeps the outcome of every row as the import's report. Two
 * clicks on "record" record once: the second waits for the first and then finds every row already
 * recorded.
 */
@ApplicationScoped
public class SpendImport {
  /** The report's columns. */
  public static final List<String> REPORT =
      List.of("line", "date", "campaign", "variant", "amount", "currency", "outcome");

  @Inject EntityManager em;

  /**
   * The outcome of every row ("recorded" or the problem it was skipped for), written to {@code
   * report} before the commit (the caller removes it when the commit fails); null when the file was
   * recorded before.
   */
  @Transactional
  public List<List<String>> record(
      String token, Path file, Path report, Collection<String> currencies, Member by) {
    XactLocks.take(em, "spend-import:" + token);
    if (Files.exists(report)) {
      return null;
    }
    SpendFile.Result result = SpendFile.read(file, currencies);
    List<List<String>> outcomes = new ArrayList<>();
    for (SpendFile.Row r : result.rows()) {
      if (r.ok()) {
        CostEntry e = new CostEntry();
        e.campaign = r.campaign();
        e.variant = r.variant();
        e.incurredOn = r.day();
        e.amount = r.amount();
        e.currency = r.currency();
        e.channel = Channel.of(r.channel());
        e.note = r.note();
        e.createdBy = by;
        e.persist();
      }
      outcomes.add(
          List.of(
              Long.toString(r.line()),
              r.day() == null ? "" : r.day().toString(),
              r.campaign() == null ? (r.raw() == null ? "" : r.raw()) : r.campaign().name,
              r.variant() == null ? "" : r.variant().name,
              r.amount() == null ? "" : r.amount().toPlainString(),
              r.currency() == null ? "" : r.currency(),
              r.ok() ? "recorded" : r.problem()));
    }
    write(report, outcomes);
    return outcomes;
  }

  private static void write(Path report, List<List<String>> outcomes) {
    try (Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8);
        CSVPrinter out = CSVFormat.DEFAULT.print(w)) {
      out.printRecord(REPORT);
      for (List<String> line : outcomes) {
        out.printRecord(line.stream().map(io.loopcrm.common.CsvText::safe).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
