package io.loopcrm.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of write a person (or the integration, or a visitor) can make leaves exactly one audit
 * entry per record it changed, in the transaction that changed it, and none for anything else. The
 * database itself tells which records changed ({@link AuditProbe}), so a write that goes around the
 * trail (native SQL, an entity left out of it) is found. Each state-changing route of the route
 * matrix has a case here, made with valid input by an identity allowed to use it; a new route
 * without a case fails {@link #everyStateChangingRouteHasACase}. Runs on a database of its own.
 */
@QuarkusTest
@TestProfile(AuditCompletenessTest.OwnDatabase.class)
class AuditCompletenessTest {
  /** Routes that change no record of people's: what they do instead. */
  static final Map<String, String> NO_RECORD =
      Map.of(
          "POST /logout",
          "ends the session",
          "POST /ops/scoring/rescore",
          "recomputes derived scores, left out of the trail",
          "POST /ops/import/{id}/resume",
          "resumes a stopped import (ImportTest, FaultsIT)",
          "POST /admin/users",
          "writes to Keycloak; the member row follows at first sign-in",
          "POST /admin/users/{id}",
          "writes to Keycloak (AdminUsersTest)",
          "POST /ops/costs/import",
          "stores the file for its preview; nothing is recorded before it is confirmed",
          "POST /sales/notifications/{id}/open",
          "marks the person's own notification read (not a record of the trail)",
          "POST /sales/notifications/read",
          "marks the person's own notifications read (not a record of the trail)",
          "POST /admin/webhooks/{id}/test",
          "queues a test event for the endpoint (its delivery log, not the trail)",
          "POST /admin/webhooks/{id}/deliveries/{delivery}/replay",
          "sends a delivery again (its delivery log, not the trail)");

  static final Set<String> COVERED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Inject AgroalDataSource dataSource;

  public static class OwnDatabase extends io.loopcrm.testing.OwnDatabase {
    @Override
    protected String database() {
      return "audit_check";
    }
  }

  @Test
  @TestSecurity(user = MatrixRecords.REP, roles = "sales")
  void salesRepWrites() throws Exception {
    Map<String, String> r = records();
    run(
        r,
        "POST /sales/leads/new|firstName=Audit|lastName=New|email={unique}@audit.example|source=phone",
        "POST /sales/leads/{id}/edit|id={lead}|firstName=Edited|lastName=Matrix|company=Edited Co"
            + "|version={v:lead:lead}",
        "POST /sales/leads/{id}/activities|id={lead}|kind=call|subject=Called|notes=Went well",
        "POST /sales/leads/{id}/accept|id={lead}|quality=4",
        "POST /sales/leads/{id}/status|id={lead}|to=working",
        "POST /sales/leads/{id}/convert|id={lead}|dealName=Audit deal|amount=1200|currency=EUR"
            + "|expectedClose={date+30}",
        "POST /sales/leads/{id}/reject|id={lead2}|reason=no_budget|rejectQuality=2",
        "POST /sales/deals/new|?account={account}|dealName=New audit deal|amount=900|currency=EUR"
            + "|expectedClose={date+40}|stage={stage}|contact={contact}",
        "POST /sales/deals/{id}|id={deal}|dealName=Renamed deal|amount=1500|currency=EUR"
            + "|expectedClose={date+50}|probability=30|nextStep=Call back|contact={contact}"
            + "|version={v:deal:deal}",
        "POST /sales/deals/{id}/activities|id={deal}|kind=meeting|subject=Met|notes=Demo",
        "POST /sales/deals/{id}/stage|id={deal}|stage={stage2}|version={v:deal:deal}",
        "POST /sales/pipeline/move|deal={deal}|stage={stage}",
        "POST /sales/accounts/new|name={unique} Audit account|industry=Retail|region=East",
        "POST /sales/accounts/{id}/edit|id={account}|name={unique} Renamed account"
            + "|version={v:account:account}",
        "POST /sales/contacts/new|?account={account}|firstName=Cora|lastName=Audit"
            + "|email={unique}@contact.example",
        "POST /sales/contacts/{id}/edit|id={contact}|lastName=Renamed|version={v:contact:contact}",
        "POST /sales/tasks/{id}|id={task}|subject=Renamed task|due={date+3}T10:00|notes=Later",
        "POST /sales/tasks/{id}/done|id={task}",
        "POST /sales/tasks/{id}/undo|id={task}",
        "POST /sales/tasks/{id}/delete|id={task}",
        "POST /sales/leads/{id}/email|id={lead2}|to={unique}@mail.example|subject=Hello"
            + "|body=Hi there",
        "POST /sales/contacts/{id}/email|id={contact}|to={unique}@mail.example|subject=Hello"
            + "|body=Hi there",
        "POST /sales/deals/{id}/email|id={deal}|to={unique}@mail.example|subject=Hello"
            + "|body=Hi there",
        "POST /sales/notifications/preference|notifyBy=digest");
  }

  @Test
  @TestSecurity(
      user = MatrixRecords.MANAGER,
      roles = {"sales", "sales-manager"})
  void managerWrites() throws Exception {
    Map<String, String> r = records();
    run(
        r,
        "POST /sales/leads/{id}/owner|id={lead}|owner={manager}",
        "POST /sales/deals/{id}/owner|id={deal}|owner={manager}",
        "POST /sales/bulk/leads/owner|ids={lead2}|owner={manager}",
        "POST /sales/bulk/deals/owner|ids={deal}|owner={repmember}",
        "POST /sales/team/quota|member={repmember}|amount=5000|currency=EUR");
  }

  @Test
  @TestSecurity(user = MatrixRecords.OPS, roles = "operations")
  void operationsRecordSpendFromAFile() throws Exception {
    Map<String, String> r = records();
    Path csv = Files.createTempFile("audit-spend", ".csv");
    Files.writeString(
        csv,
        "date,campaign,amount,currency,note\n"
            + LocalDate.now()
            + ","
            + r.get("tracking")
            + ",75,USD,"
            + unique()
            + "\n");
    String token = Csrf.token();
    String preview =
        java.net
            .URI
            .create(
                given()
                    .redirects()
                    .follow(false)
                    .cookie("csrf-token", token)
                    .multiPart("csrf-token", token)
                    .multiPart("file", csv.toFile(), "text/csv")
                    .post("/ops/costs/import")
                    .then()
                    .statusCode(303)
                    .extract()
                    .header("Location"))
            .getPath();
    long[] mark = probe().mark();
    Csrf.form().redirects().follow(false).post(preview).then().statusCode(303);
    expectOneEntryPerChange("POST /ops/costs/import/{token}", mark);
  }

  @Test
  @TestSecurity(user = MatrixRecords.OPS, roles = "operations")
  void operationsWrites() throws Exception {
    Map<String, String> r = records();
    String campaign =
        "|objective=acquisition|channel=email|startsOn={date+1}|endsOn={date+60}|budget=5000"
            + "|currency=USD|targetRegion=East|goalLeads=200";
    run(
        r,
        "POST /ops/audiences|name={unique} Audit audience|region=Atlantis|statuses=new",
        "POST /ops/audiences/{id}|id={audience}|name={unique} Renamed audience|region=Atlantis"
            + "|version={v:audience:audience}",
        "POST /ops/campaigns|name={unique} Audit campaign" + campaign,
        "POST /ops/campaigns/{id}|id={campaign}|name={unique} Renamed campaign" + campaign,
        "POST /ops/campaigns/{id}/costs|id={campaign}|incurredOn={date+0}|amount=250|currency=USD"
            + "|channel=email|note=Newsletter",
        // a typo corrected, then an entry made by mistake deleted: both in the trail
        "POST /ops/campaigns/{id}/costs/{cid}|id={campaign}|cid={last:cost_entry}"
            + "|incurredOn={date+0}|amount=25|currency=USD|channel=email|note=Newsletter",
        "POST /ops/campaigns/{id}/costs/{cid}/delete|id={campaign}|cid={last:cost_entry}",
        "POST /ops/campaigns/{id}/form-fields|id={campaign}|firstName=required|phone=optional"
            + "|company=optional|title=hidden|region=optional|companySize=optional"
            + "|segment=required",
        "POST /ops/campaigns/{id}/status|id={campaign}|status=paused",
        "POST /ops/campaigns/{id}/variants|id={campaign}|name=C|headline=Save time"
            + "|callToAction=Start|landingUrl=https://example.com/b|weight=2",
        "POST /ops/campaigns/{id}/variants/{vid}|id={campaign}|vid={variant}|name=A2"
            + "|headline=Save more|callToAction=Go|landingUrl=https://example.com/a|weight=1",
        "POST /ops/import|as=multipart",
        // the file's rows read as contacts (linked to an account by name)
        "POST /ops/import/{id}/kind|id={last:import_job}|kind=contact",
        "POST /ops/import/{id}/mapping|id={last:import_job}|target=firstName|target=lastName"
            + "|target=email|target=",
        "POST /ops/import/{id}/start|id={last:import_job}|target=firstName|target=lastName"
            + "|target=email|target=account",
        "POST /ops/leads/new|firstName=Ops|lastName=Entered|email={unique}@ops.example"
            + "|source=event|owner={repmember}",
        // operations assign and re-route queue leads (a rep's lead only by taking it over)
        "POST /ops/leads/assign|ids={queued}|rep={manager}",
        "POST /ops/leads/reroute|ids={queued2}",
        "POST /ops/leads/{id}/segment|id={lead}|segment=public-sector",
        "POST /ops/referrals/{contactId}/link|contactId={contact}",
        "POST /ops/routing|name={unique} Audit rule|position=5000|region=Atlantis|reps={repmember}"
            + "|active=true",
        "POST /ops/routing/capacity|member={repmember}|capacity=40",
        "POST /ops/routing/{id}|id={rule}|name={unique} Renamed rule|position=5001"
            + "|region=Atlantis|reps={repmember}|active=true",
        "POST /ops/routing/{id}/delete|id={rule}",
        "POST /ops/scoring|attribute=region|value=Atlantis|points=3",
        "POST /ops/scoring/{id}/delete|id={scoring}");
  }

  @Test
  @TestSecurity(user = MatrixRecords.ADMIN, roles = "admin")
  void adminWrites() throws Exception {
    Map<String, String> r = records();
    run(
        r,
        "POST /admin/teams|name={unique} Audit team",
        "POST /admin/mail-templates|name={unique} Welcome|language=zh-CN|subject=您好" + "|body=向您问好",
        "POST /admin/mail-templates/{id}|id={mailtemplate}|name={unique} Welcome again"
            + "|language=en|subject=Hello|body=Hi|version={v:mail_template:mailtemplate}",
        "POST /admin/webhooks|url=https://hooks.example/audit|types=lead.created",
        "POST /admin/webhooks/{id}|id={webhook}|url=https://hooks.example/renamed"
            + "|types=lead.created|types=deal.won|version={v:webhook_endpoint:webhook}",
        "POST /admin/webhooks/{id}/rotate|id={webhook}",
        "POST /admin/webhooks/{id}/delete|id={last:webhook_endpoint}",
        "POST /admin/teams/{id}|id={last:team}|name={unique} Renamed team|manager="
            + "|members={repmember}",
        "POST /admin/settings/lists/{list}|list=competitor|label={unique} Rival",
        "POST /admin/settings/lists/{list}/{id}|list=competitor|id={last:choice}"
            + "|label={unique} Rival renamed",
        "POST /admin/settings/lists/{list}/{id}/remove|list=competitor|id={last:choice}",
        // a value in use is archived, not deleted, and can be restored
        "POST /admin/settings/lists/{list}/{id}/remove|list=currency|id={choice:currency:EUR}",
        "POST /admin/settings/lists/{list}/{id}/restore|list=currency|id={choice:currency:EUR}",
        "POST /admin/settings/stages|label={unique} Audit stage|probability=35|kind=open",
        "POST /admin/settings/stages/{id}|id={last:pipeline_stage}|label={unique} Renamed stage"
            + "|position=3|probability=40|kind=open",
        // a stage no deal ever was in is deleted
        "POST /admin/settings/stages/{id}/remove|id={last:pipeline_stage}",
        // one a closed deal is in is archived, and can be restored
        "POST /admin/settings/stages|label={unique} Kept stage|probability=35|kind=open",
        "SQL update deal set stage_id = {last:pipeline_stage}, status = 'lost' where id = {deal}",
        "POST /admin/settings/stages/{id}/remove|id={last:pipeline_stage}",
        "POST /admin/settings/stages/{id}/restore|id={last:pipeline_stage}",
        "POST /admin/settings/retention|days=400",
        "POST /admin/settings/first-response|minutes=45",
        // back to the default the other tests read on Today and the funnel
        "SQL update report_setting set first_response_minutes = 60",
        "POST /admin/settings/segments|segment=micro|segment=smb|segment=mid-market"
            + "|segment=mid-market|segment=enterprise",
        "SQL update segment_band set segment = 'smb' where id = 1");
    // the trail's page names every kind of record it holds, in both languages
    for (String[] type :
        new String[][] {
          {"activity", "Activity or task", "任务与跟进记录"}, {"importjob", "Import", "导入"}
        }) {
      for (int lang = 0; lang < 2; lang++) {
        given()
            .header("Accept-Language", lang == 0 ? "en" : "zh-CN")
            .get("/admin/audit?type=" + type[0])
            .then()
            .statusCode(200)
            .body(org.hamcrest.Matchers.containsString(type[1 + lang] + " "));
      }
    }
  }

  @Test
  void visitorAndIntegrationWrites() throws Exception {
    Map<String, String> r = records();
    run(
        r,
        "POST /f/{code}|code={tracking}|firstName=Vera|lastName=Visitor"
            + "|email={unique}@visitor.example");
    long[] mark = probe().mark();
    given()
        .header("Authorization", "Bearer " + RouteMatrixTest.clientToken())
        .contentType("application/json")
        .body(
            "{\"firstName\":\"Ian\",\"lastName\":\"Api\",\"email\":\""
                + unique()
                + "@api.example\"}")
        .post("/api/leads")
        .then()
        .statusCode(201);
    expectOneEntryPerChange("POST /api/leads", mark);
    // a deal changed over the API: the deal's entry, and its history rows are not records
    mark = probe().mark();
    given()
        .header("Authorization", "Bearer " + RouteMatrixTest.clientToken())
        .contentType("application/json")
        .body("{\"nextStep\":\"Call over the API\",\"probability\":35}")
        .patch("/api/deals/" + r.get("deal"))
        .then()
        .statusCode(200);
    expectOneEntryPerChange("PATCH /api/deals/{id}", mark);
    String domain = unique() + ".example";
    apiWrite("POST /api/accounts", "{\"name\":\"Api Ltd\",\"domain\":\"" + domain + "\"}", 201);
    apiWrite("PATCH /api/accounts/" + r.get("account"), "{\"region\":\"EMEA\"}", 200);
    apiWrite(
        "POST /api/contacts",
        "{\"accountId\":"
            + r.get("account")
            + ",\"lastName\":\"Api\",\"email\":\""
            + unique()
            + "@"
            + domain
            + "\"}",
        201);
    apiWrite("PATCH /api/contacts/" + r.get("contact"), "{\"title\":\"Buyer\"}", 200);
    apiWrite(
        "POST /api/deals",
        "{\"name\":\"Api deal\",\"accountId\":" + r.get("account") + ",\"amount\":10}",
        201);
    apiWrite("PATCH /api/leads/" + r.get("lead"), "{\"title\":\"Buyer\"}", 200);
    apiWrite(
        "POST /api/activities",
        "{\"kind\":\"call\",\"subject\":\"Api call\",\"leadId\":" + r.get("lead") + "}",
        201);
    apiWrite("PATCH /api/activities/" + r.get("task"), "{\"done\":true}", 200);
    apiWrite(
        "POST /api/campaigns",
        "{\"name\":\"Api campaign\",\"objective\":\"acquisition\",\"channel\":\"email\"}",
        201);
    apiWrite("PATCH /api/campaigns/" + r.get("campaign"), "{\"goalLeads\":50}", 200);
    apiWrite("POST /api/campaigns/" + r.get("campaign") + "/variants", "{\"name\":\"Api B\"}", 201);
    apiWrite(
        "PATCH /api/campaigns/" + r.get("campaign") + "/variants/" + r.get("variant"),
        "{\"headline\":\"Over the API\"}",
        200);
  }

  /** A write of the integration client: one audit entry per record it changed. */
  private void apiWrite(String route, String body, int status) throws Exception {
    long[] mark = probe().mark();
    String[] methodAndPath = route.split(" ");
    given()
        .header("Authorization", "Bearer " + RouteMatrixTest.clientToken())
        .contentType("application/json")
        .body(body)
        .request(methodAndPath[0], methodAndPath[1])
        .then()
        .statusCode(status);
    // the route as the matrix names it: the first id {id}, the second {vid}
    String path = methodAndPath[1].replaceFirst("/\\d+", "/{id}").replaceFirst("/\\d+", "/{vid}");
    expectOneEntryPerChange(methodAndPath[0] + " " + path, mark);
  }

  @Test
  @TestSecurity(user = MatrixRecords.REP, roles = "sales")
  void aRefusedWriteLeavesNeitherAChangeNorAnEntry() throws Exception {
    Map<String, String> r = records();
    long[] mark = probe().mark();
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("firstName", "Refused")
        .formParam("lastName", "Matrix")
        .formParam("email", "not an address")
        .formParam("version", fill("{v:lead:lead}", r))
        .post("/sales/leads/" + r.get("lead") + "/edit")
        .then()
        .statusCode(422);
    assertThat(probe().changedSince(mark)).isEmpty();
    assertThat(probe().mismatches(mark)).isEmpty();
  }

  @AfterAll
  static void everyStateChangingRouteHasACase() {
    Set<String> routes = new LinkedHashSet<>();
    for (RouteMatrix.Row row : RouteMatrix.rows()) {
      if (row.changesState() && !NO_RECORD.containsKey(row.key())) {
        routes.add(row.key());
      }
    }
    routes.removeAll(COVERED);
    assertThat(routes).as("state-changing routes without an audit case").isEmpty();
  }

  private AuditProbe probe() {
    return new AuditProbe(dataSource);
  }

  private Map<String, String> records() throws Exception {
    Map<String, String> r = new HashMap<>(MatrixRecords.make());
    Member rep = Member.find("username", MatrixRecords.REP).firstResult();
    Lead lead2 = Fixtures.lead(rep, "Second", Fixtures.unique("Audit Co"), null);
    r.put("lead2", lead2.id.toString());
    for (String name : List.of("queued", "queued2")) {
      r.put(
          name,
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    Lead l = new Lead();
                    l.lastName = "Queued " + name;
                    l.source = "import";
                    l.status = io.loopcrm.lead.LeadStatus.NEW;
                    l.persist();
                    return l.id.toString();
                  }));
    }
    r.put(
        "manager",
        Member.find("username", MatrixRecords.MANAGER).<Member>firstResult().id.toString());
    QuarkusTransaction.requiringNew()
        .run(
            () -> r.put("stage2", io.loopcrm.deal.PipelineStage.listActive().get(1).id.toString()));
    probe().install();
    return r;
  }

  /** Runs each case ("METHOD path|name=value|..."), checking the trail after each. */
  private void run(Map<String, String> records, String... cases) throws Exception {
    for (String c : cases) {
      if (c.startsWith("SQL ")) {
        // setting the scene (not a case): what no route of the case's identity can do
        try (Connection db = dataSource.getConnection()) {
          db.createStatement().execute(fill(c.substring(4), records));
        }
        continue;
      }
      String[] parts = c.split("\\|");
      String route = parts[0];
      String path = route.substring(route.indexOf(' ') + 1);
      RequestSpecification spec = given().redirects().follow(false).header("Accept-Language", "en");
      String token = Csrf.token();
      spec = spec.cookie("csrf-token", token);
      boolean multipart = c.contains("|as=multipart");
      if (multipart) {
        Path csv = Files.createTempFile("audit", ".csv");
        Files.writeString(
            csv,
            "First Name,Last Name,Email,Company\nAlma,Audit," + unique() + "@i.example,Audit Co\n");
        spec = spec.multiPart("csrf-token", token).multiPart("file", csv.toFile(), "text/csv");
      } else {
        spec = spec.contentType("application/x-www-form-urlencoded").formParam("csrf-token", token);
      }
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        String value = fill(kv[1], records);
        if (kv[0].equals("as")) {
          continue;
        } else if (path.contains("{" + kv[0] + "}")) {
          path = path.replace("{" + kv[0] + "}", value);
        } else if (kv[0].startsWith("?")) {
          spec = spec.queryParam(kv[0].substring(1), value);
        } else {
          spec = spec.formParam(kv[0], value);
        }
      }
      long[] mark = probe().mark();
      Response answer = spec.post(path);
      assertThat(answer.statusCode()).as(() -> route + " " + answer.asString()).isIn(200, 201, 303);
      if (route.endsWith("/start")) {
        io.loopcrm.testing.Await.noImportRunning(dataSource);
      }
      expectOneEntryPerChange(route, mark);
    }
  }

  private void expectOneEntryPerChange(String route, long[] mark) throws Exception {
    assertThat(probe().changedSince(mark)).as(route + " changed a record").isNotEmpty();
    assertThat(probe().mismatches(mark)).as(route).isEmpty();
    COVERED.add(route);
  }

  private static final Pattern PLACE = Pattern.compile("\\{([A-Za-z0-9:_+]+)\\}");

  private String fill(String value, Map<String, String> records) throws Exception {
    Matcher m = PLACE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String v;
      if (name.equals("unique")) {
        v = unique();
      } else if (name.startsWith("date+")) {
        v = LocalDate.now().plusDays(Long.parseLong(name.substring(5))).toString();
      } else if (name.startsWith("v:")) {
        String[] p = name.split(":");
        v =
            Long.toString(
                single("select version from " + p[1] + " where id = " + records.get(p[2])));
      } else if (name.startsWith("choice:")) {
        String[] p = name.split(":");
        v =
            Long.toString(
                single(
                    "select id from choice where list = '" + p[1] + "' and code = '" + p[2] + "'"));
      } else if (name.startsWith("last:")) {
        v = Long.toString(single("select max(id) from " + name.substring(5)));
      } else {
        v = records.get(name);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private long single(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String unique() {
    return Fixtures.unique("a").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
