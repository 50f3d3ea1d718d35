package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.people.Team;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holes in the sales rules, each closed: routes that skipped a rule, rights held by role alone. */
@QuarkusTest
class SalesRulesTest {
  Member sam;

  @BeforeEach
  void people() {
    sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Fixtures.member("max", List.of("sales", "sales-manager"), "Team East");
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void onlyAcceptAndRejectAnswerALead() {
    Lead lead = Fixtures.lead(sam, "Waiting", Fixtures.unique("Co"), null);
    for (String to : List.of("rejected", "accepted")) {
      Csrf.form()
          .formParam("to", to)
          .post("/sales/leads/" + lead.id + "/status")
          .then()
          .statusCode(422)
          .body(containsString("id=\"error-to\""));
    }
    Lead after = Fixtures.reload(Lead.class, lead.id);
    assertThat(after.status).isEqualTo(LeadStatus.ASSIGNED);
    assertThat(after.firstResponseAt).isNull();
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void anAcceptedLeadMovesThroughItsStatusesOneAllowedStepAtATime() {
    Lead lead = Fixtures.lead(sam, "Moving", Fixtures.unique("Co"), null);
    Csrf.form().formParam("quality", "4").post("/sales/leads/" + lead.id + "/accept");
    assertThat(Fixtures.reload(Lead.class, lead.id).status).isEqualTo(LeadStatus.ACCEPTED);
    for (String to : List.of("working", "qualified", "recycled", "working")) {
      Csrf.form()
          .formParam("to", to)
          .post("/sales/leads/" + lead.id + "/status")
          .then()
          .statusCode(303);
      assertThat(Fixtures.reload(Lead.class, lead.id).status.name()).isEqualToIgnoringCase(to);
    }
    // converting makes a deal (its own route); a step the rules do not allow changes nothing
    for (String to : List.of("converted", "new", "no-such-status")) {
      Csrf.form()
          .formParam("to", to)
          .post("/sales/leads/" + lead.id + "/status")
          .then()
          .statusCode(422)
          .body(containsString("id=\"error-to\""));
    }
    assertThat(Fixtures.reload(Lead.class, lead.id).status).isEqualTo(LeadStatus.WORKING);
  }

  @Test
  @TestSecurity(
      user = "mia",
      roles = {"sales", "sales-manager"})
  void holdingTheManagerRoleWithoutManagingTheTeamGivesNoManagerRights() {
    // Team East is managed by max; mia only holds the role
    Member mia = Fixtures.member("mia", List.of("sales", "sales-manager"), "Team East");
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> Team.findByName("Team East").orElseThrow().manager.id))
        .isNotEqualTo(mia.id);
    Lead samsLead = Fixtures.lead(sam, "Teammate", Fixtures.unique("Co"), null);
    given().get("/sales/leads/" + samsLead.id).then().statusCode(404);
    Lead own = Fixtures.lead(mia, "Own", Fixtures.unique("Co"), null);
    Csrf.form()
        .formParam("owner", sam.id)
        .post("/sales/leads/" + own.id + "/owner")
        .then()
        .statusCode(403);
    assertThat(Fixtures.reload(Lead.class, own.id).owner.id).isEqualTo(mia.id);
  }

  @Test
  @TestSecurity(
      user = "max",
      roles = {"sales", "sales-manager"})
  void aManagerReassignsOnlyToEnabledSalesMembers() {
    Member gone = Fixtures.member(Fixtures.unique("gone"), List.of("sales"), "Team East");
    Member ops = Fixtures.member(Fixtures.unique("opsy"), List.of("operations"), "Team East");
    QuarkusTransaction.requiringNew().run(() -> Member.<Member>findById(gone.id).enabled = false);
    Lead lead = Fixtures.lead(sam, "Handover", Fixtures.unique("Co"), null);
    for (Member target : List.of(gone, ops)) {
      Csrf.form()
          .formParam("owner", target.id)
          .post("/sales/leads/" + lead.id + "/owner")
          .then()
          .statusCode(422)
          .body(containsString("id=\"error-owner\""));
    }
    assertThat(Fixtures.reload(Lead.class, lead.id).owner.id).isEqualTo(sam.id);
    String page = given().get("/sales/leads/" + lead.id).then().extract().asString();
    assertThat(page).contains("id=\"reassign\"").doesNotContain(">" + gone.displayName + "<");
  }

  private long dealOf(Member owner) {
    Lead lead = Fixtures.lead(owner, "Buyer", Fixtures.unique("Deal Co"), null);
    QuarkusTransaction.requiringNew()
        .run(() -> Lead.<Lead>findById(lead.id).accept(4, Instant.now()));
    String location =
        Csrf.form()
            .formParam("dealName", "Deal for " + lead.company)
            .formParam("amount", "1000")
            .formParam("currency", "EUR")
            .formParam("expectedClose", LocalDate.now().plusDays(10).toString())
            .post("/sales/leads/" + lead.id + "/convert")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    return Long.parseLong(location.replaceAll(".*/sales/deals/(\\d+).*", "$1"));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aDealCannotMoveIntoAnArchivedStage() {
    long dealId = dealOf(sam);
    long archived =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  PipelineStage s = new PipelineStage();
                  s.name = Fixtures.unique("old").replace("-", "_");
                  s.position = 99;
                  s.probability = 50;
                  s.archived = true;
                  s.persist();
                  return s.id;
                });
    try {
      Csrf.form()
          .formParam("stage", archived)
          .post("/sales/deals/" + dealId + "/stage")
          .then()
          .statusCode(422)
          .body(containsString("This stage is archived"));
      Csrf.form()
          .formParam("deal", dealId)
          .formParam("stage", archived)
          .post("/sales/pipeline/move")
          .then()
          .statusCode(303);
      assertThat(Fixtures.reload(Deal.class, dealId).stage.id).isNotEqualTo(archived);
    } finally {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                io.loopcrm.deal.StageChange.delete(
                    "toStage.id = ?1 or fromStage.id = ?1", archived);
                PipelineStage.deleteById(archived);
              });
    }
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void anOverlongCompetitorIsNamedNextToTheField() {
    long dealId = dealOf(sam);
    long lost =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    PipelineStage.<PipelineStage>find(
                            "kind = ?1 and archived = false", PipelineStage.Kind.LOST)
                        .firstResult()
                        .id);
    Csrf.form()
        .formParam("stage", lost)
        .formParam("lostReason", "competitor")
        .formParam("competitor", "x".repeat(500))
        .post("/sales/deals/" + dealId + "/stage")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-competitor\""));
    assertThat(Fixtures.reload(Deal.class, dealId).status).isEqualTo(Deal.Status.OPEN);
  }
}
