package io.loopcrm.imports;

import io.loopcrm.audit.AuditInterceptor;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.routing.Router;
import io.loopcrm.routing.RoutingRule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

/**
 * Imports a lead CSV in the background: streams the file record by record (memory stays flat
 * whatever its size), checks each row, deduplicates against the database and the rows before it by
 * normalised e-mail and phone, creates or completes leads in batches of {@value #BATCH}, routes the
 * new ones, and writes a report line per row. A bad row is reported and skipped, never aborts.
 */
@ApplicationScoped
public class LeadImporter {
  private static final Logger LOG = Logger.getLogger(LeadImporter.class);
  static final int BATCH = 500;
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

  @Inject Router router;
  @Inject io.loopcrm.scoring.LeadScorer scorer;
  @Inject EntityManager em;

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "lead-import");
            t.setDaemon(true);
            return t;
          });

  /** One parsed row: the lead's fields, or why it cannot be imported. */
  record Row(
      long line,
      String firstName,
      String lastName,
      String email,
      String phone,
      String company,
      String title,
      String region,
      String industry,
      String companySize,
      String source,
      String problem) {}

  /** The codes of the report's reason column. */
  public static final List<String> REASONS =
      List.of(
          "missing_name",
          "invalid_email",
          "missing_contact",
          "too_long",
          "duplicate_in_file",
          "already_known");

  /** The codes of the report's outcome column. */
  public static final List<String> OUTCOMES = List.of("created", "updated", "skipped");

  /** A preview line: the cells, and the problem the row would be skipped for. */
  public record PreviewRow(long line, List<String> cells, String problem) {}

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  /** The header cells of a file. */
  public static List<String> header(Path file) throws IOException {
    try (Reader reader = open(file);
        CSVParser parser = FORMAT.parse(reader)) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        return List.of();
      }
      List<String> cells = new ArrayList<>();
      it.next().forEach(cells::add);
      return cells;
    }
  }

  /** The first {@code max} data rows with the problem each would be skipped for. */
  public static List<PreviewRow> preview(Path file, List<String> mapping, int max)
      throws IOException {
    List<PreviewRow> rows = new ArrayList<>();
    try (Reader reader = open(file);
        CSVParser parser = FORMAT.parse(reader)) {
      Iterator<CSVRecord> it = parser.iterator();
      if (it.hasNext()) {
        it.next();
      }
      while (it.hasNext() && rows.size() < max) {
        CSVRecord r = it.next();
        List<String> cells = new ArrayList<>();
        r.forEach(cells::add);
        rows.add(new PreviewRow(r.getRecordNumber(), cells, parse(r, mapping).problem()));
      }
    }
    return rows;
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
                        "status = 'running', error = null where id = ?1 and status in ('uploaded',"
                            + " 'failed')",
                        jobId))
        == 1;
  }

  /**
   * An import that was running when the application stopped cannot go on by itself: it is marked
   * failed, and resuming it continues after its last committed batch.
   */
  void interrupted(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent e) {
    int n =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ImportJob.update(
                        "status = 'failed', error = 'interrupted', finishedAt = ?1 where status ="
                            + " 'running'",
                        Instant.now()));
    if (n > 0) {
      LOG.warnf("%d import(s) were interrupted by a stop; they can be resumed", n);
    }
  }

  void run(long jobId, String actor) {
    AuditInterceptor.BACKGROUND_ACTOR.set(actor);
    try {
      ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.findById(jobId));
      List<String> mapping = List.of(job.mapping.split("\t", -1));
      Path report = Path.of(job.storedPath + ".report.csv");
      // a resumed import goes on after the rows its committed batches hold (their counts too)
      int[] counts = {job.createdCount, job.updatedCount, job.skippedCount, job.processed};
      boolean resumed = counts[3] > 0 && Files.exists(report);
      Instant started = job.startedAt == null ? Instant.now() : job.startedAt;
      if (job.startedAt == null) {
        QuarkusTransaction.requiringNew()
            .run(() -> ImportJob.update("startedAt = ?1 where id = ?2", started, jobId));
      }
      CSVFormat reportFormat =
          resumed
              ? CSVFormat.DEFAULT
              : CSVFormat.DEFAULT
                  .builder()
                  .setHeader("row", "outcome", "reason", "lead_id", "email", "name")
                  .get();
      try (Reader reader = open(Path.of(job.storedPath));
          CSVParser parser = FORMAT.parse(reader);
          Writer out =
              resumed
                  ? Files.newBufferedWriter(
                      report, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)
                  : Files.newBufferedWriter(report, StandardCharsets.UTF_8);
          CSVPrinter printer = new CSVPrinter(out, reportFormat)) {
        if (!resumed) {
          out.write('\uFEFF');
          counts[0] = counts[1] = counts[2] = counts[3] = 0;
        }
        Iterator<CSVRecord> it = parser.iterator();
        if (it.hasNext()) {
          it.next();
        }
        for (int done = 0; done < counts[3] && it.hasNext(); done++) {
          it.next();
        }
        List<Row> batch = new ArrayList<>(BATCH);
        while (it.hasNext()) {
          Row row = parse(it.next(), mapping);
          // bad rows ride along in the batch, so the report keeps the file's order
          batch.add(row);
          if (batch.size() == BATCH) {
            flush(jobId, batch, printer, counts, started);
            batch.clear();
          }
        }
        flush(jobId, batch, printer, counts, started);
        printer.flush();
      }
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                ImportJob j = ImportJob.findById(jobId);
                j.reportPath = report.toString();
                j.status = "done";
                j.error = null;
                j.finishedAt = Instant.now();
              });
    } catch (Exception e) {
      LOG.errorf(e, "import %d failed", jobId);
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                ImportJob j = ImportJob.findById(jobId);
                j.status = "failed";
                j.error =
                    String.valueOf(e.getMessage())
                        .substring(0, Math.min(400, String.valueOf(e.getMessage()).length()));
                j.finishedAt = Instant.now();
              });
    } finally {
      AuditInterceptor.BACKGROUND_ACTOR.remove();
    }
  }

  /**
   * One batch in one transaction: a single query finds the known leads, then creates/updates; the
   * job's counts move in the same transaction, so after a failure they say exactly which rows are
   * in (a resume starts after them). The report lines follow once the batch has committed.
   */
  private void flush(long jobId, List<Row> batch, CSVPrinter printer, int[] counts, Instant started)
      throws IOException {
    List<String[]> lines = new ArrayList<>();
    int[] next = counts.clone();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Map<String, Lead> byEmail = new HashMap<>();
              Map<String, Lead> byPhone = new HashMap<>();
              List<String> emails = new ArrayList<>();
              List<String> phones = new ArrayList<>();
              for (Row r : batch) {
                if (r.problem() != null) {
                  continue;
                }
                if (r.email() != null) {
                  emails.add(Lead.normalizeEmail(r.email()));
                }
                if (r.phone() != null && Lead.normalizePhone(r.phone()) != null) {
                  phones.add(Lead.normalizePhone(r.phone()));
                }
              }
              // one indexed lookup per key kind (an OR of both would scan the table)
              List<Lead> known = new ArrayList<>();
              if (!emails.isEmpty()) {
                known.addAll(Lead.<Lead>list("emailNormalized in ?1 order by createdAt", emails));
              }
              if (!phones.isEmpty()) {
                known.addAll(Lead.<Lead>list("phoneNormalized in ?1 order by createdAt", phones));
              }
              for (Lead l : known) {
                if (l.emailNormalized != null) {
                  byEmail.putIfAbsent(l.emailNormalized, l);
                }
                if (l.phoneNormalized != null) {
                  byPhone.putIfAbsent(l.phoneNormalized, l);
                }
              }
              List<RoutingRule> rules = RoutingRule.listOrdered();
              Instant now = Instant.now();
              List<Object[]> outcomes = new ArrayList<>();
              List<Lead> created = new ArrayList<>();
              for (Row r : batch) {
                next[3]++;
                if (r.problem() != null) {
                  next[2]++;
                  outcomes.add(new Object[] {r, null, r.problem()});
                  continue;
                }
                String email = Lead.normalizeEmail(r.email());
                String phone = Lead.normalizePhone(r.phone());
                Lead lead = email == null ? null : byEmail.get(email);
                if (lead == null && phone != null) {
                  lead = byPhone.get(phone);
                }
                if (lead != null) {
                  boolean fresh = !lead.createdAt.isBefore(started);
                  completeBlanks(lead, r);
                  outcomes.add(
                      new Object[] {r, lead, fresh ? "duplicate_in_file" : "already_known"});
                  next[1]++;
                  continue;
                }
                lead = new Lead();
                lead.firstName = r.firstName();
                lead.lastName = r.lastName();
                lead.email = r.email();
                lead.emailNormalized = email;
                lead.phone = r.phone();
                lead.phoneNormalized = phone;
                lead.company = r.company();
                lead.title = r.title();
                lead.region = r.region();
                lead.industry = r.industry();
                lead.companySize = r.companySize();
                lead.source = r.source() == null ? "import" : r.source();
                lead.status = LeadStatus.NEW;
                lead.createdAt = now;
                lead.updatedAt = now;
                scorer.rescore(lead, now);
                created.add(lead);
                if (email != null) {
                  byEmail.put(email, lead);
                }
                if (phone != null) {
                  byPhone.put(phone, lead);
                }
                outcomes.add(new Object[] {r, lead, null});
                next[0]++;
              }
              // routed together (one query per rule, not one per lead), then written
              router.routeAll(created, rules, now);
              created.forEach(l -> l.persist());
              em.flush();
              for (Object[] o : outcomes) {
                Row r = (Row) o[0];
                Lead l = (Lead) o[1];
                lines.add(
                    new String[] {
                      Long.toString(r.line()),
                      l == null ? "skipped" : o[2] == null ? "created" : "updated",
                      o[2] == null ? "" : (String) o[2],
                      l == null ? "" : l.id.toString(),
                      safe(r.email()),
                      safe(name(r))
                    });
              }
              ImportJob job = ImportJob.findById(jobId);
              job.processed = next[3];
              job.createdCount = next[0];
              job.updatedCount = next[1];
              job.skippedCount = next[2];
            });
    System.arraycopy(next, 0, counts, 0, counts.length);
    for (String[] line : lines) {
      printer.printRecord((Object[]) line);
    }
    printer.flush();
  }

  private static void completeBlanks(Lead lead, Row r) {
    lead.firstName = blank(lead.firstName) ? r.firstName() : lead.firstName;
    lead.phone = blank(lead.phone) ? r.phone() : lead.phone;
    if (lead.phoneNormalized == null) {
      lead.phoneNormalized = Lead.normalizePhone(r.phone());
    }
    if (lead.email == null && r.email() != null) {
      lead.email = r.email();
      lead.emailNormalized = Lead.normalizeEmail(r.email());
    }
    lead.company = blank(lead.company) ? r.company() : lead.company;
    lead.title = blank(lead.title) ? r.title() : lead.title;
    lead.region = blank(lead.region) ? r.region() : lead.region;
    lead.industry = blank(lead.industry) ? r.industry() : lead.industry;
    lead.companySize = blank(lead.companySize) ? r.companySize() : lead.companySize;
  }

  /** Maps one record by the chosen targets and checks it. */
  static Row parse(CSVRecord record, List<String> mapping) {
    Map<String, String> v = new HashMap<>();
    for (int i = 0; i < mapping.size() && i < record.size(); i++) {
      String target = mapping.get(i);
      String cell = record.get(i) == null ? "" : record.get(i).trim();
      if (!target.isEmpty() && !cell.isEmpty() && !v.containsKey(target)) {
        v.put(target, cell);
      }
    }
    String first = v.get("firstName");
    String last = v.get("lastName");
    if (last == null && v.get("fullName") != null) {
      String full = v.get("fullName");
      int cut = full.lastIndexOf(' ');
      if (cut > 0) {
        first = first == null ? full.substring(0, cut).trim() : first;
        last = full.substring(cut + 1).trim();
      } else {
        last = full;
      }
    }
    String email = v.get("email");
    String phone = v.get("phone");
    String problem = null;
    if (last == null || last.isBlank()) {
      problem = "missing_name";
    } else if (email != null && !Lead.isEmail(email)) {
      problem = "invalid_email";
    } else if (email == null && (phone == null || Lead.normalizePhone(phone) == null)) {
      problem = "missing_contact";
    } else if (tooLong(first, 100)
        || tooLong(last, 100)
        || tooLong(phone, 50)
        || tooLong(v.get("company"), 200)
        || tooLong(v.get("title"), 200)
        || tooLong(v.get("region"), 60)
        || tooLong(v.get("industry"), 80)
        || tooLong(v.get("source"), 40)) {
      problem = "too_long";
    }
    return new Row(
        record.getRecordNumber(),
        first,
        last,
        email,
        phone,
        v.get("company"),
        v.get("title"),
        v.get("region"),
        v.get("industry"),
        size(v.get("companySize")),
        source(v.get("source")),
        problem);
  }

  /** Employee counts become the size buckets forms use. */
  static String size(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(raw.replaceAll("[^0-9]", ""));
      return n <= 10
          ? "1-10"
          : n <= 50 ? "11-50" : n <= 200 ? "51-200" : n <= 1000 ? "201-1000" : "1000+";
    } catch (NumberFormatException e) {
      return Lead.COMPANY_SIZES.contains(raw) ? raw : null;
    }
  }

  private static String source(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    return s.isEmpty() ? null : s.length() > 40 ? s.substring(0, 40) : s;
  }

  private static boolean tooLong(String s, int max) {
    return s != null && s.length() > max;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String name(Row r) {
    return r.firstName() == null
        ? (r.lastName() == null ? "" : r.lastName())
        : r.firstName() + " " + (r.lastName() == null ? "" : r.lastName());
  }

  private static String safe(String s) {
    return io.loopcrm.lead.LeadCsv.safe(s);
  }

  /** A UTF-8 reader that drops a byte order mark. */
  static Reader open(Path file) throws IOException {
    PushbackReader reader =
        new PushbackReader(
            new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8)));
    int first = reader.read();
    if (first != -1 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }
}
