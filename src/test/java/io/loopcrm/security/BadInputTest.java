package io.loopcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.security.RouteMatrix.Identity;
import io.loopcrm.security.RouteMatrix.Row;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input at volume: generated malformed requests (wrong types, huge values, Unicode edge cases,
 * missing and repeated fields, bad JSON and multipart, malformed Accept-Language and cookies) to
 * every route each identity may use, forms, capture routes and API. None may answer 500, and a
 * refused request may leave no row behind (row and audit counts compared around each one). It runs
 * on a database of its own, because what it posts may be valid enough to change settings. The seed
 * is printed; {@code -Dloopcrm.test.fuzz-seed=N} replays a run, {@code
 * -Dloopcrm.test.fuzz-requests=N} sets the requests per identity.
 */
@QuarkusTest
@TestProfile(BadInputTest.OwnDatabase.class)
class BadInputTest {
  @Inject io.agroal.api.AgroalDataSource dataSource;

  static final long SEED = Long.getLong("loopcrm.test.fuzz-seed", System.nanoTime());
  static final int PER_IDENTITY = Integer.getInteger("loopcrm.test.fuzz-requests", 1_700);

  /** What the counts compare: every table a request writes, with the audit trail. */
  static final List<String> TABLES =
      List.of(
          "account",
          "activity",
          "api_idempotency",
          "audit_entry",
          "campaign",
          "campaign_variant",
          "choice",
          "contact",
          "cost_entry",
          "deal",
          "deal_change",
          "import_job",
          "lead",
          "lead_event",
          "member",
          "pipeline_stage",
          "quota",
          "report_setting",
          "routing_rule",
          "scoring_rule",
          "stage_change",
          "team");

  static final List<String> FIELDS =
      List.of(
          "amount",
          "attribute",
          "back",
          "body",
          "callToAction",
          "capacity",
          "channel",
          "company",
          "companySize",
          "competitor",
          "contact",
          "currency",
          "days",
          "deal",
          "dealName",
          "due",
          "email",
          "enabled",
          "expectedClose",
          "file",
          "firstName",
          "headline",
          "ids",
          "incurredOn",
          "kind",
          "label",
          "landingUrl",
          "lastName",
          "lostReason",
          "manager",
          "member",
          "members",
          "name",
          "nextStep",
          "note",
          "notes",
          "owner",
          "password",
          "phone",
          "points",
          "position",
          "probability",
          "quality",
          "reason",
          "ref",
          "region",
          "rejectQuality",
          "rep",
          "roles",
          "stage",
          "status",
          "subject",
          "target",
          "team",
          "thankYouUrl",
          "title",
          "to",
          "username",
          "utm_source",
          "utm_medium",
          "utm_campaign",
          "utm_content",
          "utm_term",
          "value",
          "variant",
          "version",
          "website",
          "weight",
          "segment",
          "industry",
          "objective",
          "after",
          "before",
          "from",
          "q",
          "sort",
          "month",
          "model",
          "show",
          "type",
          "min",
          "max",
          "step",
          "record");

  static final List<String> VALUES =
      List.of(
          "",
          " ",
          "\t\n",
          "-1",
          "0",
          "-0",
          "2147483648",
          "99999999999999999999999",
          "1e309",
          "NaN",
          "Infinity",
          "1,5",
          "0x1F",
          "１２３",
          "12.345.678",
          "abc",
          "true",
          "null",
          "[]",
          "{}",
          "2026-02-30",
          "2026-13-01",
          "0000-00-00",
          "9999-12-31T25:61",
          "+999999999-12-31",
          "-999999999-01-01",
          "-999999999-01",
          "+999999999-12-31T23:59",
          "+10000-01-01",
          "1E999999",
          "1E-999999",
          "1E-20000",
          "-1E131073",
          "31/12/2026",
          "２０２６-０１-０１",
          "\u0000",
          "a\u0000b",
          "\uFEFFbom",
          "\u202Egnp.exe",
          "\u200B",
          "ǅ",
          "e\u0301",
          "😀😀😀",
          "Ω≈ç√∫˜µ≤≥÷",
          "لوپ",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "' or 1=1--",
          "'; drop table lead;--",
          "%00",
          "%ZZ",
          "../../etc/passwd",
          "=cmd|' /C calc'!A0",
          "＝1+1",
          "@SUM(A1)",
          "http://",
          "javascript:alert(1)",
          "mailto:x@y",
          "a@",
          "@b",
          "a@b@c",
          "+".repeat(60),
          "9".repeat(40),
          "x".repeat(101),
          "y".repeat(1_001),
          "z".repeat(20_000),
          "长".repeat(400),
          "🙂".repeat(300));

  static final List<String> LANGUAGES =
      List.of(
          "zz-!!;q=abc",
          "*;q=2",
          ";;;,,,",
          "zh-CN;q=",
          "en-US;q=0.5, *;q=-1",
          "x".repeat(5_000),
          "de-DE-1996-x-private;q=0.1",
          "\u00ff\u00fe",
          "zh-Hant-TW,zh;q=0.9,en;q=NaN");

  static final List<String> COOKIES =
      List.of(
          "loop_vid=%ZZ",
          "loop_vid=not-a-uuid",
          "q_session=garbage",
          "q_session=",
          "loop_lang=xx-INVALID",
          "loop_lang=" + "z".repeat(3_000),
          "flash=%E0%A4%A",
          "a=b; ; ;=");

  static final Map<String, Integer> STATUSES = new TreeMap<>();
  static final List<String> PROBLEMS = new ArrayList<>();
  static int sent;

  public static class OwnDatabase extends io.loopcrm.testing.OwnDatabase {
    @Override
    protected String database() {
      return "bad_input";
    }
  }

  @Inject EntityManager em;

  @Test
  void anonymousVisitors() throws Exception {
    fuzz(Identity.ANON, null);
  }

  @Test
  void integrationClient() throws Exception {
    String token = RouteMatrixTest.clientToken();
    // a client's first request makes its member row (as a person's first sign-in does): made
    // here, so that it is not taken for a row a refused request wrote
    io.restassured.RestAssured.given()
        .auth()
        .oauth2(token)
        .get("/api/leads")
        .then()
        .statusCode(200);
    fuzz(Identity.CLIENT, token);
  }

  @Test
  @TestSecurity(user = MatrixRecords.REP, roles = "sales")
  void salesRep() throws Exception {
    fuzz(Identity.REP, null);
  }

  @Test
  @TestSecurity(
      user = MatrixRecords.MANAGER,
      roles = {"sales", "sales-manager"})
  void salesManager() throws Exception {
    fuzz(Identity.MANAGER, null);
  }

  @Test
  @TestSecurity(user = MatrixRecords.OPS, roles = "operations")
  void operations() throws Exception {
    fuzz(Identity.OPS, null);
  }

  @Test
  @TestSecurity(user = MatrixRecords.ADMIN, roles = "admin")
  void admin() throws Exception {
    fuzz(Identity.ADMIN, null);
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "bad input: %d requests (seed %d), answers by status %s%n", sent, SEED, STATUSES);
  }

  private void fuzz(Identity who, String bearer) throws Exception {
    Random random = new Random(SEED + who.ordinal());
    Map<String, String> records = MatrixRecords.make();
    List<Row> open =
        RouteMatrix.rows().stream()
            .filter(r -> r.expect().get(who).equals("ok"))
            .filter(r -> !r.path().equals("/logout"))
            .toList();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < PER_IDENTITY; i++) {
      Row row = open.get(random.nextInt(open.size()));
      String url = RouteMatrixTest.url(row, records);
      RequestSpecification spec = malformed(row, records, bearer, random);
      long[] before = counts();
      int status;
      try {
        Response r = spec.request(row.method(), url);
        status = r.statusCode();
        String body = status == 422 ? r.asString() : "";
        if (status == 422
            && !body.contains("invalid-feedback")
            && !body.contains("alert")
            && !body.contains("\"detail\"")) {
          problems.add(row.method() + " " + url + " refused with 422 but named no problem");
        }
      } catch (Exception e) {
        if (!(e instanceof java.net.SocketException)) {
          throw e;
        }
        // the server refused an oversized body and closed the connection before it was all sent
        status = 413;
      }
      synchronized (STATUSES) {
        STATUSES.merge(Integer.toString(status), 1, Integer::sum);
        sent++;
      }
      if (row.path().endsWith("/start") || row.path().endsWith("/resume")) {
        // an import this request began writes in the background: let it end, so that its rows
        // are not taken for rows a later refused request wrote
        io.loopcrm.testing.Await.noImportRunning(dataSource);
      }
      if (status >= 500) {
        problems.add(row.method() + " " + url + " answered " + status + " (request " + i + ")");
      } else if (status >= 400) {
        long[] after = counts();
        List<String> grown = new java.util.ArrayList<>();
        for (int t = 0; t < after.length; t++) {
          if (after[t] != before[t]) {
            grown.add(TABLES.get(t) + " " + before[t] + " -> " + after[t]);
          }
        }
        if (!grown.isEmpty()) {
          problems.add(
              row.method() + " " + url + " refused with " + status + " but wrote rows: " + grown);
        }
      }
    }
    PROBLEMS.addAll(problems);
    assertThat(problems).as(who + " (seed " + SEED + ")").isEmpty();
  }

  private RequestSpecification malformed(
      Row row, Map<String, String> records, String bearer, Random random) {
    RequestSpecification spec = RouteMatrixTest.request(row, records, bearer, true);
    if (random.nextInt(5) == 0) {
      spec = spec.header("Accept-Language", pick(LANGUAGES, random));
    }
    if (random.nextInt(8) == 0) {
      spec = spec.header("Cookie", pick(COOKIES, random));
    }
    if (row.api() && row.changesState()) {
      return spec.body(json(random));
    }
    if (row.changesState()
        && !"multipart".equals(row.args().get("as"))
        && random.nextInt(40) == 0) {
      // more fields than any form has (the parser's limit is 1,000)
      for (int f = 0; f < 1_100; f++) {
        spec = spec.formParam("f" + f, "1");
      }
      return spec;
    }
    int fields = random.nextInt(7);
    for (int f = 0; f < fields; f++) {
      String name = pick(FIELDS, random);
      String value = pick(VALUES, random);
      if (!row.changesState()) {
        spec = spec.queryParam(name, value);
      } else if ("multipart".equals(row.args().get("as"))) {
        spec =
            random.nextBoolean()
                ? spec.multiPart(name, value)
                : spec.multiPart("file", name, fileBytes(value, random), "text/csv");
      } else {
        spec = spec.formParam(name, value);
      }
    }
    return spec;
  }

  /**
   * A CSV file's bytes in an encoding picked at random (UTF-8, Latin-1, UTF-16 without its mark,
   * GBK), with a header so that it gets as far as the import's checks.
   */
  private static byte[] fileBytes(String value, Random random) {
    String csv = "First Name,Last Name,Email\nJörg,Müller 张伟," + value + "\n";
    java.nio.charset.Charset[] charsets = {
      java.nio.charset.StandardCharsets.UTF_8,
      java.nio.charset.StandardCharsets.ISO_8859_1,
      java.nio.charset.StandardCharsets.UTF_16LE,
      java.nio.charset.Charset.forName("GBK")
    };
    return csv.getBytes(charsets[random.nextInt(charsets.length)]);
  }

  /** A body for the JSON API: broken JSON, wrong types, huge or odd values. */
  private static String json(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> pick(VALUES, random);
      case 1 -> "{\"email\": " + random.nextInt() + ", \"lastName\": [1,2]}";
      case 2 -> "{\"lastName\": \"" + "x".repeat(random.nextInt(50_000)) + "\"}";
      case 3 ->
          "{\"lastName\": \"Ok\", \"email\": \"" + pick(VALUES, random).replace("\"", "") + "\"}";
      case 4 -> "{\"lastName\": \"Unclosed";
      default -> "[{\"lastName\": null}, 3, \"\\ud800\"]";
    };
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  private long[] counts() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Object[] row =
                  (Object[])
                      em.createNativeQuery(
                              "select "
                                  + String.join(
                                      ", ",
                                      TABLES.stream()
                                          .map(t -> "(select count(*) from " + t + ")")
                                          .toList()))
                          .getSingleResult();
              long[] n = new long[row.length];
              for (int i = 0; i < row.length; i++) {
                n[i] = ((Number) row[i]).longValue();
              }
              return n;
            });
  }
}
