package io.loopcrm.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadCsv;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.lead.RoutingNote;
import io.loopcrm.people.Member;
import io.loopcrm.routing.RoutingRule;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.AsSales;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Operations' lead list: the queue, bulk assignment, re-routing, CSV export. */
@QuarkusTest
class OpsLeadsTest {

  @Test
  @AsOperations
  void queuedLeadsAreBulkAssignedOrReroutedByTheRules() {
    Fixtures.member("olga", List.of("operations"), null);
    String region = Fixtures.unique("Queue");
    Member rep =
        Fixtures.member(Fixtures.unique("qrep"), List.of("sales"), Fixtures.unique("Team Q"));
    Lead a = queued(region, "Alpha");
    Lead b = queued(region, "Beta");
    Lead c = queued(region, "Gamma");

    given()
        .get("/ops/leads?owner=none&region=" + region)
        .then()
        .statusCode(200)
        .body(containsString("id=\"lead-" + a.id + "\""))
        .body(containsString("id=\"lead-" + c.id + "\""));

    Csrf.form()
        .formParam("ids", a.id)
        .formParam("ids", b.id)
        .formParam("rep", rep.id)
        .formParam("back", "owner=none&region=" + region)
        .post("/ops/leads/assign")
        .then()
        .statusCode(303)
        .header("Location", containsString("/ops/leads?owner=none&region=" + region));
    assertThat(owner(a.id)).isEqualTo(rep.id);
    assertThat(owner(b.id)).isEqualTo(rep.id);
    assertThat(Fixtures.reload(Lead.class, a.id).status).isEqualTo(LeadStatus.ASSIGNED);
    given()
        .get("/ops/leads?owner=none&region=" + region)
        .then()
        .body(not(containsString("id=\"lead-" + a.id + "\"")))
        .body(containsString("id=\"lead-" + c.id + "\""));

    // a rule for the region now exists: re-routing places the last one
    RoutingRule rule =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  RoutingRule r = new RoutingRule();
                  r.position = 1;
                  r.name = "Queue region";
                  r.region = region;
                  r.memberIds = rep.id.toString();
                  r.persist();
                  return r;
                });
    try {
      Csrf.form().formParam("ids", c.id).post("/ops/leads/reroute").then().statusCode(303);
      assertThat(owner(c.id)).isEqualTo(rep.id);
      assertThat(Fixtures.reload(Lead.class, c.id).routingNote.rule()).contains("Queue region");
    } finally {
      QuarkusTransaction.requiringNew()
          .run(() -> RoutingRule.update("active = false where id = ?1", rule.id));
    }

    // an open redirect through "back" is not possible
    Csrf.form()
        .formParam("ids", a.id)
        .formParam("rep", rep.id)
        .formParam("back", "//evil.example/x")
        .post("/ops/leads/assign")
        .then()
        .statusCode(303)
        .header("Location", containsString("/ops/leads"))
        .header("Location", not(containsString("evil")));
    // nor a 500 through a broken escape (found by BadInputTest's fuzzing, seed 7394685552946)
    Csrf.form()
        .formParam("ids", a.id)
        .formParam("rep", rep.id)
        .formParam("back", "%ZZ")
        .redirects()
        .follow(false)
        .post("/ops/leads/assign")
        .then()
        .statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/ops/leads"));
  }

  @Test
  @AsOperations
  void exportIsTheFilteredListWithFormulasDefused() throws Exception {
    Fixtures.member("olga", List.of("operations"), null);
    String region = Fixtures.unique("Export");
    Member rep = Fixtures.member(Fixtures.unique("xrep"), List.of("sales"), null);
    Lead evil = Fixtures.lead(rep, "=HYPERLINK(\"http://x\")", "+Acme", null);
    Lead plain = Fixtures.lead(rep, "Plain", "Acme", null);
    QuarkusTransaction.requiringNew()
        .run(() -> Lead.update("region = ?1 where id in ?2", region, List.of(evil.id, plain.id)));

    String body =
        given()
            .get("/ops/leads/export.csv?region=" + region)
            .then()
            .statusCode(200)
            .header("Content-Type", containsString("text/csv"))
            .header("Content-Disposition", containsString("attachment"))
            .extract()
            .asString();
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(body.replace("\uFEFF", "")))
            .getRecords();
    assertThat(rows).hasSize(2);
    CSVRecord bad =
        rows.stream().filter(r -> r.get("id").equals(evil.id.toString())).findFirst().orElseThrow();
    assertThat(bad.get("last_name")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(bad.get("company")).isEqualTo("'+Acme");
    assertThat(LeadCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(LeadCsv.safe("-1")).isEqualTo("'-1");
    assertThat(LeadCsv.safe("Acme")).isEqualTo("Acme");
  }

  @Test
  @AsSales
  void salesCannotSeeTheQueueOrExport() {
    given().get("/ops/leads").then().statusCode(403);
    given().get("/ops/leads/export.csv").then().statusCode(403);
    Csrf.form()
        .formParam("ids", 1)
        .formParam("rep", 1)
        .post("/ops/leads/assign")
        .then()
        .statusCode(403);
  }

  @Test
  @AsOperations
  void theQueueSortsByScoreAndShowsIt() {
    String region = Fixtures.unique("Ranked");
    Lead low = queued(region, "Lowscore");
    Lead high = queued(region, "Highscore");
    Lead mid = queued(region, "Midscore");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead.update("score = 5 where id = ?1", low.id);
              Lead.update("score = 50 where id = ?1", high.id);
              Lead.update("score = 20 where id = ?1", mid.id);
            });
    String page =
        given()
            .header("Accept-Language", "en")
            .get("/ops/leads?owner=none&sort=score_desc&region=" + region)
            .then()
            .statusCode(200)
            .body(containsString("<option value=\"score_desc\" selected"))
            .body(containsString("href=\"/ops/leads?owner=none\">Reset</a>"))
            .extract()
            .asString();
    int h = page.indexOf("id=\"lead-" + high.id + "\"");
    int m = page.indexOf("id=\"lead-" + mid.id + "\"");
    int l = page.indexOf("id=\"lead-" + low.id + "\"");
    assertThat(h).isPositive().isLessThan(m);
    assertThat(m).isLessThan(l);
    assertThat(page.substring(h, m)).contains("<td class=\"text-end\">50</td>");
  }

  @Test
  @AsOperations
  void aRepsLeadMovesOnlyWhenTakenOverAndAClosedLeadNever() {
    Member olga = Fixtures.member("olga", List.of("operations"), null);
    String region = Fixtures.unique("Owned");
    Member sam = Fixtures.member(Fixtures.unique("owner"), List.of("sales"), null);
    Member rita = Fixtures.member(Fixtures.unique("taker"), List.of("sales"), null);
    Lead worked = owned(queued(region, "Worked"), sam, LeadStatus.ACCEPTED);
    Lead converted = owned(queued(region, "Converted"), sam, LeadStatus.CONVERTED);
    Lead queue = queued(region, "Waiting");

    // assigning and re-routing are for the queue: a rep's leads stay where they are
    String flash =
        Csrf.form()
            .formParam("ids", worked.id)
            .formParam("ids", converted.id)
            .formParam("ids", queue.id)
            .formParam("rep", rita.id)
            .redirects()
            .follow(false)
            .post("/ops/leads/assign")
            .then()
            .statusCode(303)
            .extract()
            .cookie("loop_flash");
    assertThat(flash).as("told which leads were left").contains("success:queue_flash_skipped");
    assertThat(owner(worked.id)).isEqualTo(sam.id);
    assertThat(owner(converted.id)).isEqualTo(sam.id);
    assertThat(owner(queue.id)).isEqualTo(rita.id);
    Csrf.form().formParam("ids", worked.id).post("/ops/leads/reroute").then().statusCode(303);
    assertThat(owner(worked.id)).as("a re-route leaves a rep's lead alone").isEqualTo(sam.id);
    assertThat(Fixtures.reload(Lead.class, worked.id).status).isEqualTo(LeadStatus.ACCEPTED);

    // taking over is explicit, named in the lead's note and audit trail; closed leads never move
    Csrf.form()
        .formParam("ids", worked.id)
        .formParam("ids", converted.id)
        .formParam("rep", rita.id)
        .formParam("takeOver", "true")
        .post("/ops/leads/assign")
        .then()
        .statusCode(303);
    assertThat(owner(worked.id)).isEqualTo(rita.id);
    assertThat(owner(converted.id)).isEqualTo(sam.id);
    Lead taken = Fixtures.reload(Lead.class, worked.id);
    assertThat(taken.routingNote.kind()).isEqualTo(RoutingNote.Kind.TAKEN_OVER);
    assertThat(taken.routingNote.rep()).isEqualTo(sam.displayName);
    // the name as it was when she acted (another test may have refreshed it from Keycloak)
    assertThat(taken.routingNote.by())
        .isEqualTo(Fixtures.reload(Member.class, olga.id).displayName);
    assertThat(taken.status).isEqualTo(LeadStatus.ACCEPTED);
    Number audited =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Number)
                        Lead.getEntityManager()
                            .createNativeQuery(
                                "select count(*) from audit_entry where entity_type = 'lead' and"
                                    + " entity_id = ?1 and actor = 'olga' and changes::text like"
                                    + " '%taken over%'")
                            .setParameter(1, worked.id)
                            .getSingleResult());
    assertThat(audited.longValue()).isEqualTo(1);
  }

  private static Lead owned(Lead lead, Member owner, LeadStatus status) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.owner = Member.findById(owner.id);
              l.status = status;
              l.assignedAt = java.time.Instant.now();
              return l;
            });
  }

  private static Lead queued(String region, String name) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Lead l = new Lead();
              l.lastName = name;
              l.region = region;
              l.source = "import";
              l.status = LeadStatus.NEW;
              l.persist();
              return l;
            });
  }

  private static Long owner(long leadId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Lead l = Lead.findById(leadId);
              return l.owner == null ? null : l.owner.id;
            });
  }
}
