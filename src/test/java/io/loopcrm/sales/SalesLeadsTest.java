package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.activity.Activity;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.StatementCounter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SalesLeadsTest {
  @Inject EntityManagerFactory emf;

  Member sam;
  Member rita;
  CampaignVariant variant;

  @BeforeEach
  void people() {
    sam = Fixtures.member("sam", List.of("sales"), "Team East");
    rita = Fixtures.member("rita", List.of("sales"), "Team West");
    Fixtures.member("max", List.of("sales", "sales-manager"), "Team East");
    variant = Fixtures.campaignWithVariant(Fixtures.unique("Spring"));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepListsOnlyTheirOwnLeadsAndSearchesThem() {
    String company = Fixtures.unique("Globex");
    Lead mine = Fixtures.lead(sam, "Nakamura", company, variant);
    Lead theirs = Fixtures.lead(rita, "Okafor", company, variant);

    given()
        .queryParam("q", company)
        .get("/sales/leads")
        .then()
        .statusCode(200)
        .body(containsString("/sales/leads/" + mine.id + "\""))
        .body(not(containsString("/sales/leads/" + theirs.id + "\"")))
        .body(containsString("1 lead<"))
        .body(containsString(variant.campaign.name));

    given()
        .queryParam("q", company)
        .queryParam("status", "rejected")
        .get("/sales/leads")
        .then()
        .statusCode(200)
        .body(containsString("id=\"no-leads\""));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void htmxGetsOnlyTheRows() {
    given()
        .header("HX-Request", "true")
        .get("/sales/leads")
        .then()
        .statusCode(200)
        .body(containsString("id=\"lead-count\""))
        .body(not(containsString("<html")));
  }

  @Test
  @TestSecurity(user = "pat", roles = "sales")
  void keysetPagingWalksEveryLeadOnceInOrder() {
    Member pat = Fixtures.member("pat", List.of("sales"), null);
    String company = Fixtures.unique("Paging");
    for (int i = 0; i < 7; i++) {
      Fixtures.lead(pat, "Name" + (char) ('A' + i), company, null);
    }
    List<String> seen = new java.util.ArrayList<>();
    String next = "/sales/leads?q=" + company + "&sort=name_asc&size=3";
    int pages = 0;
    while (next != null) {
      String html = given().get(next).then().statusCode(200).extract().asString();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("Alex (Name[A-G])</a>").matcher(html);
      while (m.find()) {
        seen.add(m.group(1));
      }
      java.util.regex.Matcher link =
          java.util.regex.Pattern.compile("href=\"([^\"]+)\" id=\"next-page\"").matcher(html);
      next = link.find() ? link.group(1).replace("&amp;", "&") : null;
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("NameA", "NameB", "NameC", "NameD", "NameE", "NameF", "NameG");
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void anotherRepsLeadIsNotFoundOnEveryRoute() {
    Lead theirs = Fixtures.lead(rita, "Hidden", Fixtures.unique("Initech"), null);
    String base = "/sales/leads/" + theirs.id;
    given().get(base).then().statusCode(404);
    Csrf.form().formParam("quality", "4").post(base + "/accept").then().statusCode(404);
    Csrf.form()
        .formParam("reason", "spam")
        .formParam("rejectQuality", "1")
        .post(base + "/reject")
        .then()
        .statusCode(404);
    Csrf.form().formParam("to", "working").post(base + "/status").then().statusCode(404);
    Csrf.form()
        .formParam("kind", "note")
        .formParam("subject", "x")
        .post(base + "/activities")
        .then()
        .statusCode(404);
    given().get(base + "/convert").then().statusCode(404);
    Csrf.form().formParam("dealName", "x").post(base + "/convert").then().statusCode(404);
    assertThat(Fixtures.reload(Lead.class, theirs.id).status).isEqualTo(LeadStatus.ASSIGNED);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void theLeadPageShowsWhereTheLeadCameFromReadOnly() {
    Lead lead = Fixtures.lead(sam, "Ivanova", Fixtures.unique("Umbrella"), variant);
    given()
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(containsString("Close the loop in a week"))
        .body(containsString("Book a demo"))
        .body(containsString("google / cpc / spring"))
        .body(containsString(variant.campaign.name))
        .body(containsString("id=\"accept-form\""))
        .body(containsString("Waiting for a response for"));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void acceptNeedsARatingAndRecordsTheFirstResponse() {
    Lead lead = Fixtures.lead(sam, "Rossi", Fixtures.unique("Hooli"), variant);
    Csrf.form()
        .post("/sales/leads/" + lead.id + "/accept")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-quality\""))
        .body(containsString("Choose a rating from 1 to 5."));
    assertThat(Fixtures.reload(Lead.class, lead.id).status).isEqualTo(LeadStatus.ASSIGNED);

    Csrf.form()
        .formParam("quality", "4")
        .post("/sales/leads/" + lead.id + "/accept")
        .then()
        .statusCode(303)
        .header("Location", containsString("/sales/leads/" + lead.id));
    Lead accepted = Fixtures.reload(Lead.class, lead.id);
    assertThat(accepted.status).isEqualTo(LeadStatus.ACCEPTED);
    assertThat(accepted.quality).isEqualTo((short) 4);
    assertThat(accepted.firstResponseAt).isNotNull();
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void rejectNeedsAReasonInTheUsersLanguage() {
    Lead lead = Fixtures.lead(sam, "Chen", Fixtures.unique("Stark"), variant);
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("rejectQuality", "2")
        .post("/sales/leads/" + lead.id + "/reject")
        .then()
        .statusCode(422)
        .body(containsString("请选择拒绝此线索的原因。"));
    Csrf.form()
        .formParam("reason", "no_budget")
        .formParam("rejectQuality", "2")
        .post("/sales/leads/" + lead.id + "/reject")
        .then()
        .statusCode(303);
    Lead rejected = Fixtures.reload(Lead.class, lead.id);
    assertThat(rejected.status).isEqualTo(LeadStatus.REJECTED);
    assertThat(rejected.rejectReason).isEqualTo("no_budget");
    assertThat(rejected.quality).isEqualTo((short) 2);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aDoubleClickedActivityIsSavedOnce() {
    Lead lead = Fixtures.lead(sam, "Dubois", Fixtures.unique("Wayne"), null);
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < 2; i++) {
      Csrf.form()
          .formParam("kind", "call")
          .formParam("subject", "Intro call")
          .formParam("notes", "Wants a demo next week")
          .formParam("formKey", key)
          .post("/sales/leads/" + lead.id + "/activities")
          .then()
          .statusCode(303);
    }
    long saved = QuarkusTransaction.requiringNew().call(() -> Activity.count("lead.id", lead.id));
    assertThat(saved).isEqualTo(1);
    given()
        .get("/sales/leads/" + lead.id)
        .then()
        .body(containsString("Intro call"))
        .body(containsString("Wants a demo next week"));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aTaskWithoutDueDateIsRefusedWithAMessage() {
    Lead lead = Fixtures.lead(sam, "Kowalski", Fixtures.unique("Acme"), null);
    Csrf.form()
        .formParam("kind", "task")
        .formParam("subject", "Send proposal")
        .post("/sales/leads/" + lead.id + "/activities")
        .then()
        .statusCode(422)
        .body(containsString("A task needs a due date."))
        .body(containsString("value=\"Send proposal\""));
    // an unknown type, no subject and a due time that is none, in Chinese; nothing is logged
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("kind", "telegram")
        .formParam("subject", " ")
        .formParam("due", "next week")
        .post("/sales/leads/" + lead.id + "/activities")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-kind\""))
        .body(containsString("id=\"error-subject\""))
        .body(containsString("id=\"error-due\""));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> io.loopcrm.activity.Activity.count("lead.id", lead.id)))
        .isZero();
  }

  @Test
  @TestSecurity(
      user = "max",
      roles = {"sales", "sales-manager"})
  void aManagerSeesTheTeamsLeadsButNotOtherTeams() {
    Lead samsLead = Fixtures.lead(sam, "TeamLead", Fixtures.unique("East"), null);
    Lead ritasLead = Fixtures.lead(rita, "OtherTeam", Fixtures.unique("West"), null);
    given().get("/sales/leads/" + samsLead.id).then().statusCode(200);
    given().get("/sales/leads/" + ritasLead.id).then().statusCode(404);
  }

  @Test
  @TestSecurity(
      user = "max",
      roles = {"sales", "sales-manager"})
  void aManagerReassignsWithinTheTeamOnly() {
    Member sue = Fixtures.member("sue", List.of("sales"), "Team East");
    Lead lead = Fixtures.lead(sam, "Handover", Fixtures.unique("Reassign"), null);
    given().get("/sales/leads/" + lead.id).then().body(containsString("id=\"reassign\""));
    Csrf.form()
        .formParam("owner", rita.id)
        .post("/sales/leads/" + lead.id + "/owner")
        .then()
        .statusCode(422)
        .body(containsString("Choose a member of your team."));
    Csrf.form()
        .formParam("owner", sue.id)
        .post("/sales/leads/" + lead.id + "/owner")
        .then()
        .statusCode(303);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> Lead.<Lead>findById(lead.id).owner.username))
        .isEqualTo("sue");
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepCannotReassign() {
    Member sue = Fixtures.member("sue", List.of("sales"), "Team East");
    Lead lead = Fixtures.lead(sam, "Keep", Fixtures.unique("NoReassign"), null);
    given().get("/sales/leads/" + lead.id).then().body(not(containsString("id=\"reassign\"")));
    Csrf.form()
        .formParam("owner", sue.id)
        .post("/sales/leads/" + lead.id + "/owner")
        .then()
        .statusCode(403); // only a manager hands leads over (the page offers it to no one else)
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> Lead.<Lead>findById(lead.id).owner.username))
        .isEqualTo("sam");
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aLeadPageHasNoNPlusOne() {
    Lead lead = Fixtures.lead(sam, "Statements", Fixtures.unique("NPlusOne"), variant);
    for (int i = 0; i < 4; i++) {
      Csrf.form()
          .formParam("kind", "note")
          .formParam("subject", "Note " + i)
          .post("/sales/leads/" + lead.id + "/activities")
          .then()
          .statusCode(303);
    }
    given().get("/sales/leads/" + lead.id).then().statusCode(200);
    long statements =
        StatementCounter.count(
            emf, () -> given().get("/sales/leads/" + lead.id).then().statusCode(200));
    // the member, the lead with its owner, campaign and variant, the timeline, its campaigns, the
    // audit trail, and for a lead with a phone the other lead with that phone (a possible
    // duplicate)
    assertThat(statements).as(StatementCounter.last()).isLessThanOrEqualTo(6);
  }

  @Test
  @TestSecurity(user = "olga", roles = "operations")
  void operationsCannotUseTheSalesScreens() {
    given().get("/sales/leads").then().statusCode(403);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void theLeadListCostsAtMostThreeStatementsWhateverThePageSize() {
    String company = Fixtures.unique("Budget");
    for (int i = 0; i < 12; i++) {
      Fixtures.lead(sam, "Budget" + i, company, variant);
    }
    for (int size : new int[] {3, 12}) {
      long statements =
          StatementCounter.count(
              emf,
              () ->
                  given()
                      .queryParam("q", company)
                      .queryParam("size", size)
                      .get("/sales/leads")
                      .then()
                      .statusCode(200));
      assertThat(statements)
          .as("statements for a page of " + size + ":\n" + StatementCounter.last())
          .isLessThanOrEqualTo(3);
    }
  }
}
