package io.loopcrm.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.lead.Lead;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.AsSales;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV import through the pages: presets, preview, background import, report; 100,000 rows. */
@QuarkusTest
class ImportTest {
  /** Copies of the synthetic exports from the product repository's shared samples. */
  static final Path SAMPLES = Path.of("src/test/resources/import-samples");

  @ParameterizedTest
  @CsvSource({
    "leads-salesforce.csv, salesforce",
    "leads-hubspot.csv, hubspot",
    "leads-odoo.csv, odoo"
  })
  @AsOperations
  void exportsOfOtherCrmsAreRecognisedPreviewedAndImportedWithAReport(String file, String layout)
      throws Exception {
    Fixtures.member("olga", List.of("operations"), null);
    // unique addresses per run, so reruns against the same database still create leads
    String tag = UUID.randomUUID().toString().substring(0, 6);
    Path copy = Files.createTempFile("sample", ".csv");
    Files.writeString(
        copy,
        Files.readString(SAMPLES.resolve(file))
            .replaceAll("(?i)@example", "@" + tag + "example")
            // the samples put formulas in company cells; one person's name starts like one too
            .replace(",Kenji,Chen,", ",=Kenji,Chen,")
            .replace(",Noah Khan,", ",=Noah Khan,")
            .replace("\nMei,Zhang,", "\n=Mei,Zhang,"));

    long id = upload(copy);
    ImportJob job = job(id);
    assertThat(job.layout).isEqualTo(layout);
    given()
        .header("Accept-Language", "en")
        .get("/ops/import/" + id)
        .then()
        .statusCode(200)
        .body(containsString("id=\"preview-table\""))
        .body(containsString("id=\"start-import\""));

    start(id, job.mapping);
    ImportJob done = awaitDone(id, Duration.ofMinutes(1));
    int dataRows = rows(copy);
    assertThat(done.processed).isEqualTo(dataRows);
    assertThat(done.createdCount + done.updatedCount + done.skippedCount).isEqualTo(dataRows);

    List<CSVRecord> report = report(id);
    assertThat(report).hasSize(dataRows);
    Map<String, Long> outcomes =
        report.stream()
            .collect(Collectors.groupingBy(r -> r.get("outcome"), Collectors.counting()));
    assertThat(outcomes.getOrDefault("created", 0L)).isEqualTo(done.createdCount);
    assertThat(outcomes.getOrDefault("skipped", 0L)).isEqualTo(done.skippedCount);
    // each sample holds an invalid address, a row without a name and a duplicate in another case
    assertThat(report).anyMatch(r -> r.get("reason").equals("invalid_email"));
    assertThat(report).anyMatch(r -> r.get("reason").equals("missing_name"));
    assertThat(report).anyMatch(r -> r.get("reason").equals("duplicate_in_file"));
    // each code also in words, in the reader's language
    assertThat(report)
        .anyMatch(
            r ->
                r.get("reason").equals("invalid_email")
                    && r.get("reason_text").equals("Invalid e-mail address")
                    && r.get("outcome_text").equals("Skipped"));
    assertThat(report(id, "zh-CN"))
        .anyMatch(
            r ->
                r.get("reason").equals("duplicate_in_file")
                    && r.get("reason_text").equals("与本文件前面某行是同一人")
                    && r.get("outcome_text").equals("已更新"));
    // formulas in the report are defused; the lead keeps the text as it was
    assertThat(report).noneMatch(r -> r.get("name").startsWith("="));
    assertThat(report).anyMatch(r -> r.get("name").startsWith("'="));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> Lead.count("firstName like '=%' and email like ?1", "%" + tag + "%")))
        .as("the lead keeps the name as it was typed")
        .isEqualTo(1);

    Lead any =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Lead.<Lead>find(
                            "id = ?1",
                            Long.valueOf(
                                report.stream()
                                    .filter(r -> r.get("outcome").equals("created"))
                                    .findFirst()
                                    .orElseThrow()
                                    .get("lead_id")))
                        .firstResult());
    assertThat(any.email).contains(tag);
    assertThat(any.lastName).isNotBlank();

    // the job page shows the counts and the report link
    given()
        .header("Accept-Language", "en")
        .get("/ops/import/" + id)
        .then()
        .body(containsString("id=\"import-done\""))
        .body(containsString("id=\"report\""));
    // and the list of imports says where each is, in the reader's language
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/import")
        .then()
        .body(containsString("<td>已完成</td>"));
  }

  @Test
  @AsOperations
  void aHundredThousandRowsWithBadRowsAreImportedWithFlatMemory() throws Exception {
    Fixtures.member("olga", List.of("operations"), null);
    int n = 100_000;
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Path file = Files.createTempFile("big", ".csv");
    int bad = 0;
    int dups = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("First Name,Last Name,Email,Phone,Company,Country\n");
      for (int i = 0; i < n; i++) {
        String email = "p" + i + "@" + tag + ".example";
        if (i % 1000 == 7) {
          email = "broken-" + i;
          bad++;
        } else if (i % 5000 == 11) {
          email = "P" + (i - 1) + "@" + tag.toUpperCase() + ".EXAMPLE";
          dups++;
        }
        String last = i % 1000 == 500 ? "" : "Last" + i;
        if (last.isEmpty()) {
          bad++;
        }
        w.write(
            "First" + i + "," + last + "," + email + ",,\"Company " + (i % 97) + ", Ltd\",Japan\n");
      }
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();

    long analyzed = manualAnalyses();
    long id = upload(file);
    ImportJob job = job(id);
    assertThat(job.layout).isEqualTo("generic");
    start(id, job.mapping);
    ImportJob done = awaitDone(id, Duration.ofMinutes(8));
    // the table grew to several times its size: the import had the planner count it again (not
    // autovacuum, whose analyses are counted apart), so its lookups kept using the e-mail index
    assertThat(manualAnalyses())
        .as("analyses of the lead table run by the import")
        .isGreaterThan(analyzed);

    assertThat(done.processed).isEqualTo(n);
    assertThat(done.skippedCount).isEqualTo(bad);
    assertThat(done.updatedCount).isEqualTo(dups);
    assertThat(done.createdCount).isEqualTo(n - bad - dups);
    long inDb =
        QuarkusTransaction.requiringNew()
            .call(() -> Lead.count("emailNormalized like ?1", "%@" + tag + ".example"));
    assertThat(inDb).isEqualTo(n - bad - dups);

    List<CSVRecord> report = report(id);
    assertThat(report).hasSize(n);
    assertThat(report.get(7).get("outcome")).isEqualTo("skipped");
    assertThat(report.get(7).get("reason")).isEqualTo("invalid_email");
    assertThat(report.get(7).get("row")).isEqualTo("9");

    // nothing of the file stays in memory once it is done
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    assertThat(after - before).as("heap retained by the import").isLessThan(96L * 1024 * 1024);
  }

  @Test
  @AsOperations
  void anImportThatFailsHalfWayResumesAfterItsLastBatchAndTwoStartsRunOnce() throws Exception {
    Fixtures.member("olga", List.of("operations"), null);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    int n = 1_200;
    Path file = Files.createTempFile("resume", ".csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("First Name,Last Name,Email\n");
      for (int i = 0; i < n; i++) {
        // row 700 is in the second batch; the database refuses it while the test's rule holds
        w.write(
            "First"
                + i
                + ","
                + (i == 700 ? "Refused" + tag : "Last" + i)
                + ",r"
                + i
                + "@"
                + tag
                + ".example\n");
      }
    }
    String rule = "import_refused_" + tag;
    sql("alter table lead add constraint " + rule + " check (last_name <> 'Refused" + tag + "')");
    long id = upload(file);
    String mapping = job(id).mapping;
    // two clicks at once on start: one import runs
    ExecutorService clicks = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(
            clicks.submit(
                () ->
                    csrf()
                        .formParam("target", (Object[]) mapping.split("\t", -1))
                        .post("/ops/import/" + id + "/start")
                        .statusCode()));
      }
      for (Future<Integer> a : answers) {
        assertThat(a.get()).isEqualTo(303);
      }
    } finally {
      clicks.shutdown();
    }
    ImportJob failed = awaitEnd(id, Duration.ofMinutes(1));
    assertThat(failed.status).isEqualTo(ImportStatus.FAILED);
    assertThat(failed.processed).isEqualTo(LeadImporter.BATCH);
    assertThat(failed.createdCount).isEqualTo(LeadImporter.BATCH);
    assertThat(leadsTagged(tag)).isEqualTo(LeadImporter.BATCH);
    given()
        .header("Accept-Language", "en")
        .get("/ops/import/" + id)
        .then()
        .body(containsString("id=\"import-failed\""))
        .body(containsString("Resume after row " + LeadImporter.BATCH));

    sql("alter table lead drop constraint " + rule);
    csrf().post("/ops/import/" + id + "/resume").then().statusCode(303);
    // a second resume while it runs or once it is done changes nothing
    csrf().post("/ops/import/" + id + "/resume").then().statusCode(303);
    ImportJob done = awaitDone(id, Duration.ofMinutes(1));
    assertThat(done.processed).isEqualTo(n);
    assertThat(done.createdCount).isEqualTo(n);
    assertThat(done.updatedCount).isZero();
    assertThat(leadsTagged(tag)).isEqualTo(n);
    List<CSVRecord> report = report(id);
    assertThat(report).hasSize(n);
    assertThat(report).allMatch(r -> r.get("outcome").equals("created"));
    assertThat(report.stream().map(r -> r.get("row")).distinct().count()).isEqualTo(n);
  }

  @Test
  @AsOperations
  void aBatchOfNewLeadsGoesToTheDatabaseAsOneInsertStatement() throws Exception {
    Fixtures.member("olga", List.of("operations"), null);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    int n = 2 * LeadImporter.BATCH;
    Path file = Files.createTempFile("statements", ".csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("First Name,Last Name,Email,Created Date\n");
      for (int i = 0; i < n; i++) {
        // back-dated over two months: the rollup trigger sums each statement's leads per day
        w.write(
            "First"
                + i
                + ",Last"
                + i
                + ",s"
                + i
                + "@"
                + tag
                + ".example,2026-0"
                + (1 + i % 2)
                + "-1"
                + (i % 9)
                + "\n");
      }
    }
    // counts the insert statements on lead while the import runs (the funnel's rollup trigger
    // runs once per statement, so a batch cut into many statements pays it many times)
    String counter = "import_statements_" + tag;
    sql("create table " + counter + " (n integer not null)");
    sql(
        "create function "
            + counter
            + "() returns trigger language plpgsql as $$ begin insert into "
            + counter
            + " select count(*) from new_rows; return null; end $$");
    sql(
        "create trigger "
            + counter
            + " after insert on lead referencing new table as new_rows"
            + " for each statement execute function "
            + counter
            + "()");
    try {
      long id = upload(file);
      start(id, job(id).mapping);
      ImportJob done = awaitDone(id, Duration.ofMinutes(1));
      assertThat(done.createdCount).isEqualTo(n);
      List<?> sizes =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      Lead.getEntityManager()
                          .createNativeQuery("select n from " + counter + " where n > 1 order by n")
                          .getResultList());
      assertThat(sizes)
          .as("insert statements of more than one lead, by their rows")
          .hasSize(2)
          .allMatch(size -> ((Number) size).intValue() == LeadImporter.BATCH);
    } finally {
      sql("drop trigger " + counter + " on lead");
      sql("drop function " + counter + "()");
      sql("drop table " + counter);
    }
  }

  private static long manualAnalyses() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Lead.getEntityManager()
                  .createNativeQuery("select pg_stat_clear_snapshot()")
                  .getResultList();
              return ((Number)
                      Lead.getEntityManager()
                          .createNativeQuery(
                              "select analyze_count from pg_stat_user_tables where relname = 'lead'")
                          .getSingleResult())
                  .longValue();
            });
  }

  private static long leadsTagged(String tag) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Lead.count("emailNormalized like ?1", "%@" + tag + ".example"));
  }

  private static void sql(String statement) {
    QuarkusTransaction.requiringNew()
        .run(() -> Lead.getEntityManager().createNativeQuery(statement).executeUpdate());
  }

  @Test
  @AsOperations
  void aWrongMappingIsExplainedAndNothingStarts() throws Exception {
    Path copy = Files.createTempFile("sample", ".csv");
    Files.copy(
        SAMPLES.resolve("leads-hubspot.csv"),
        copy,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    long id = upload(copy);
    int columns = job(id).mapping.split("\t", -1).length;
    String[] none = new String[columns];
    Arrays.fill(none, "");
    csrf()
        .header("Accept-Language", "en")
        .formParam("target", (Object[]) none)
        .post("/ops/import/" + id + "/start")
        .then()
        .statusCode(422)
        .body(
            containsString(
                "Map a column to the name (for people: the last name or the full name)."));
    assertThat(job(id).status).isEqualTo(ImportStatus.UPLOADED);
  }

  @Test
  @AsOperations
  void aFileThatIsNotValidCsvIsExplainedNotA500() throws Exception {
    // a header whose quote never closes: refused next to the file field
    Path broken = Files.createTempFile("broken", ".csv");
    Files.writeString(broken, "First Name,\"Last Name,Email\nAda,Lovelace,ada@example.com\n");
    String token = io.loopcrm.testing.Csrf.token();
    given()
        .cookie("csrf-token", token)
        .header("Accept-Language", "en")
        .multiPart("csrf-token", token)
        .multiPart("file", broken.toFile(), "text/csv")
        .post("/ops/import")
        .then()
        .statusCode(422)
        .body(containsString("This does not look like a CSV file with a header line."));

    // a good header and a row whose quote never closes: the preview says where reading stops
    Path half = Files.createTempFile("half", ".csv");
    Files.writeString(
        half,
        "First Name,Last Name,Email\nAda,Lovelace,ada.half@example.com\nGrace,\"Hopper,g@x\n");
    long id = upload(half);
    given()
        .header("Accept-Language", "en")
        .get("/ops/import/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Lovelace"))
        .body(containsString("Not readable as CSV from here on"));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/import/" + id)
        .then()
        .statusCode(200)
        .body(containsString("从此处起无法按 CSV 读取"));
  }

  @Test
  @AsSales
  void salesCannotImport() {
    given().get("/ops/import").then().statusCode(403);
  }

  static long upload(Path file) {
    String token = io.loopcrm.testing.Csrf.token();
    String location =
        given()
            .redirects()
            .follow(false)
            .cookie("csrf-token", token)
            .multiPart("csrf-token", token)
            .multiPart("file", file.toFile(), "text/csv")
            .post("/ops/import")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    return Long.parseLong(location.replaceAll(".*/ops/import/(\\d+).*", "$1"));
  }

  static void start(long id, String mapping) {
    csrf()
        .formParam("target", (Object[]) mapping.split("\t", -1))
        .post("/ops/import/" + id + "/start")
        .then()
        .statusCode(303);
  }

  static RequestSpecification csrf() {
    return io.loopcrm.testing.Csrf.form();
  }

  static ImportJob job(long id) {
    return QuarkusTransaction.requiringNew().call(() -> ImportJob.findById(id));
  }

  static ImportJob awaitDone(long id, Duration max) throws InterruptedException {
    ImportJob j = awaitEnd(id, max);
    assertThat(j.status).as(j.error).isEqualTo(ImportStatus.DONE);
    return j;
  }

  private static ImportJob awaitEnd(long id, Duration max) throws InterruptedException {
    Instant deadline = Instant.now().plus(max);
    while (Instant.now().isBefore(deadline)) {
      ImportJob j = job(id);
      if (j.isDone() || j.isFailed()) {
        return j;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("import " + id + " did not finish in " + max);
  }

  static int rows(Path file) throws Exception {
    try (var reader = ImportFile.open(file);
        var parser = ImportFile.FORMAT.parse(reader)) {
      return parser.getRecords().size() - 1;
    }
  }

  static List<CSVRecord> report(long id) throws Exception {
    return report(id, "en");
  }

  static List<CSVRecord> report(long id, String language) throws Exception {
    String body =
        given()
            .header("Accept-Language", language)
            .get("/ops/import/" + id + "/report.csv")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    // one byte-order mark, first, so that spreadsheets read it as UTF-8 (not before a data row)
    assertThat(body).startsWith("\uFEFFrow,outcome,");
    assertThat(body.indexOf('\uFEFF', 1)).isEqualTo(-1);
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(body.substring(1)))
        .getRecords();
  }
}
