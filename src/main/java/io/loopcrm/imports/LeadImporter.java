package io.loopcrm.imports;

import io.loopcrm.audit.AuditInterceptor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

/**
 * Runs a lead CSV import in the background ({@link ImportFile} reads and checks the rows, {@link
 * ImportBatch} writes each batch): streams the file record by record (memory stays flat whatever
 * its size), checks each row, deduplicates against the database and the rows before it by
 * normalised e-mail and phone, creates or completes leads in batches of {@value #BATCH}, routes the
 * new ones, and writes a report line per row. A bad row is reported and skipped, never aborts.
 */
@ApplicationScoped
public class LeadImporter {
  private static final Logger LOG = Logger.getLogger(LeadImporter.class);

  /**
   * A power of two: the driver writes a batch of inserts as multi-row statements of power-of-two
   * sizes, so 512 new leads are one statement, and the funnel's rollup trigger (once per statement)
   * sums the whole batch in one go.
   */
  static final int BATCH = 512;

  /** New leads after which a growing lead table's statistics are brought up to date, at least. */
  static final int GROWTH = 10_000;

  /** The report's columns for leads. */
  static final String[] LEAD_REPORT = {
    "row", "outcome", "reason", "lead_id", "email", "name", "unmapped"
  };

  /** The report's columns for accounts, contacts and deals ("record" says which a row made). */
  public static final String[] RECORD_REPORT = {
    "row", "outcome", "reason", "record", "record_id", "name", "unmapped"
  };

  @Inject ImportBatch batch;
  @Inject RecordBatch records;

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "lead-import");
            t.setDaemon(true);
            return t;
          });

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  /**
   * Starts (or resumes) the import of a job whose status the caller has just set to running; {@code
   * actor} is named in the audit trail.
   */
  public void start(long jobId, String actor) {
    worker.submit(() -> run(jobId, actor));
  }

  /**
   * Claims a job for a run: uploaded (a first start) or failed (a resume) becomes running, in one
   * guarded update, so two clicks on start, or a start racing a resume, run the import once.
   */
  public static boolean claim(long jobId) {
    return QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ImportJob.update(
                        "status = ?3, error = null, heartbeatAt = ?2 where id = ?1 and status in"
                            + " (?4, ?5)",
                        jobId,
                        Instant.now(),
                        ImportStatus.RUNNING,
                        ImportStatus.UPLOADED,
                        ImportStatus.FAILED))
        == 1;
  }

  @Inject io.loopcrm.common.LoopConfig config;

  /**
   * An import whose instance stopped cannot go on by itself: once its lease ran out (no batch
   * committed for {@code loop.import.lease}) it is marked failed, and resuming it continues after
   * its last committed batch. Every instance looks at start and every 15 seconds; an import another
   * instance is running renews its lease with each batch and is left alone.
   */
  @io.quarkus.scheduler.Scheduled(
      every = "15s",
      delayed = "15s",
      concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
  void interrupted() {
    Instant now = Instant.now();
    int n =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ImportJob.update(
                        "status = ?3, error = 'interrupted', finishedAt = ?1 where status = ?4 and"
                            + " (heartbeatAt is null or heartbeatAt < ?2)",
                        now,
                        now.minus(config.imports().lease()),
                        ImportStatus.FAILED,
                        ImportStatus.RUNNING));
    if (n > 0) {
      LOG.warnf("%d import(s) were interrupted by a stop; they can be resumed", n);
    }
  }

  void interruptedAtStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent e) {
    interrupted();
  }

  void run(long jobId, String actor) {
    AuditInterceptor.BACKGROUND_ACTOR.set(actor);
    try {
      ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.findById(jobId));
      Path report = Path.of(job.storedPath + ".report.csv");
      // a resumed import goes on after the rows its committed batches hold (their counts too)
      ImportTally tally = ImportTally.of(job);
      boolean resumed = tally.processed() > 0 && Files.exists(report);
      if (!resumed) {
        tally = ImportTally.empty();
      }
      Instant started = job.startedAt == null ? Instant.now() : job.startedAt;
      if (job.startedAt == null) {
        QuarkusTransaction.requiringNew()
            .run(() -> ImportJob.update("startedAt = ?1 where id = ?2", started, jobId));
      }
      try (Reader reader = ImportFile.open(Path.of(job.storedPath));
          CSVParser parser = ImportFile.FORMAT.parse(reader);
          CSVPrinter printer = report(report, resumed, job.isLeads())) {
        Iterator<CSVRecord> rows = parser.iterator();
        // the header, then the rows already in
        for (long skip = tally.processed() + 1L; skip > 0 && rows.hasNext(); skip--) {
          rows.next();
        }
        if (job.isLeads()) {
          leads(job, rows, printer, tally, started);
        } else {
          records(job, rows, printer, tally);
        }
        printer.flush();
      }
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                ImportJob j = ImportJob.findById(jobId);
                j.reportPath = report.toString();
                j.status = ImportStatus.DONE;
                j.error = null;
                j.finishedAt = Instant.now();
                io.loopcrm.notify.Notifications.importDone(jobId);
              });
    } catch (Exception e) {
      failed(jobId, e);
    } finally {
      AuditInterceptor.BACKGROUND_ACTOR.remove();
    }
  }

  /**
   * The report: a new file with its header (and a byte-order mark, for spreadsheets), or the one a
   * resumed import goes on writing.
   */
  private static CSVPrinter report(Path report, boolean resumed, boolean leads)
      throws java.io.IOException {
    if (resumed) {
      return new CSVPrinter(
          Files.newBufferedWriter(
              report, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND),
          CSVFormat.DEFAULT);
    }
    Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8);
    out.write('\uFEFF');
    return new CSVPrinter(
        out, CSVFormat.DEFAULT.builder().setHeader(leads ? LEAD_REPORT : RECORD_REPORT).get());
  }

  /** The lead rows in batches; the table's statistics are renewed whenever it has doubled. */
  private void leads(
      ImportJob job, Iterator<CSVRecord> it, CSVPrinter printer, ImportTally tally, Instant started)
      throws java.io.IOException {
    List<String> mapping = job.mappingColumns();
    List<ImportFile.Row> rows = new ArrayList<>(BATCH);
    long estimate = QuarkusTransaction.requiringNew().call(batch::estimatedLeads);
    int createdAtEstimate = tally.created();
    while (it.hasNext()) {
      // bad rows ride along in the batch, so the report keeps the file's order
      rows.add(ImportFile.parse(it.next(), mapping));
      if (rows.size() == BATCH) {
        batch.write(job.id, rows, printer, tally, started);
        rows.clear();
        // the table has at least doubled since the planner last counted it
        if (tally.created() - createdAtEstimate >= Math.max(GROWTH, estimate)) {
          QuarkusTransaction.requiringNew().run(batch::analyzeLeads);
          estimate = QuarkusTransaction.requiringNew().call(batch::estimatedLeads);
          createdAtEstimate = tally.created();
        }
      }
    }
    batch.write(job.id, rows, printer, tally, started);
  }

  /** Accounts, contacts or deals, in batches. */
  private void records(ImportJob job, Iterator<CSVRecord> it, CSVPrinter printer, ImportTally tally)
      throws java.io.IOException {
    List<String> mapping = job.mappingColumns();
    Map<String, String> chosen = job.values();
    List<RecordRow> rows = new ArrayList<>(BATCH);
    while (it.hasNext()) {
      rows.add(RecordRow.parse(it.next(), mapping, job.kind));
      if (rows.size() == BATCH) {
        records.write(job.id, rows, printer, tally, chosen);
        rows.clear();
      }
    }
    records.write(job.id, rows, printer, tally, chosen);
  }

  /** Marks the job failed with its reason, unless another instance has taken it over. */
  private static void failed(long jobId, Exception e) {
    if (e instanceof ImportLease.Lost || e.getCause() instanceof ImportLease.Lost) {
      // another instance took it for stopped and marked it: nothing more to do here
      LOG.warnf("import %d is no longer running here: %s", jobId, e.getMessage());
      return;
    }
    LOG.errorf(e, "import %d failed", jobId);
    String reason = String.valueOf(e.getMessage());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ImportJob j = ImportJob.findById(jobId);
              j.status = ImportStatus.FAILED;
              j.error = reason.substring(0, Math.min(400, reason.length()));
              j.finishedAt = Instant.now();
            });
  }
}
