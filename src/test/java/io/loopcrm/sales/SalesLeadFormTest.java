package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.lead.RoutingNote;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leads typed in by hand (sales and operations) and corrected later, with dedupe and conflicts. */
@QuarkusTest
class SalesLeadFormTest {
  Member sam;
  Member rita;
  Member max;

  @BeforeEach
  void people() {
    sam = Fixtures.member("sam", List.of("sales"), "Team East");
    rita = Fixtures.member("rita", List.of("sales"), "Team West");
    max = Fixtures.member("max", List.of("sales", "sales-manager"), "Team East");
  }

  private static RequestSpecification newLead(String lastName, String email, String phone) {
    return Csrf.form()
        .formParam("firstName", "Wei")
        .formParam("lastName", lastName)
        .formParam("company", "Walk-in Ltd")
        .formParam("email", email)
        .formParam("phone", phone)
        .formParam("region", "East")
        .formParam("segment", "SMB")
        .formParam("companySize", "11-50")
        .formParam("source", "walk_in");
  }

  private static long idFrom(String location) {
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private static Lead leadByEmail(String email) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Lead.<Lead>find(
                        "from Lead l left join fetch l.owner where l.emailNormalized = ?1", email)
                    .firstResultOptional()
                    .orElse(null));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepCreatesALeadThatIsTheirsAndEntersTheFunnel() {
    given().get("/sales/leads/new").then().statusCode(200).body(containsString("id=\"lead-form\""));
    String email = Fixtures.unique("wei").toLowerCase() + "@walkin.example";
    String location =
        newLead("Zhang", email, "")
            .post("/sales/leads/new")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    long id = idFrom(location);
    Lead lead = leadByEmail(email);
    assertThat(lead.id).isEqualTo(id);
    assertThat(lead.owner.id).isEqualTo(sam.id);
    assertThat(lead.status).isEqualTo(LeadStatus.ASSIGNED);
    assertThat(lead.source).isEqualTo("walk_in");
    // the display name may have been refreshed from Keycloak by another test: read it back
    String samName = Fixtures.reload(Member.class, sam.id).displayName;
    assertThat(lead.routingNote).isEqualTo(RoutingNote.byHand(samName));
    assertThat(lead.assignedAt).isNotNull();
    given()
        .get("/sales/leads/" + id)
        .then()
        .statusCode(200)
        .body(containsString("created by hand by " + samName))
        .body(containsString("id=\"edit-lead\""));
    long created =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                                .createNativeQuery(
                                    "select count(*) from audit_entry where entity_type = 'lead'"
                                        + " and entity_id = ?1 and action = 'create'")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue());
    assertThat(created).isEqualTo(1);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void badInputIsNamedNextToTheFieldAndNothingIsSaved() {
    String email = Fixtures.unique("bad").toLowerCase() + "@example";
    Csrf.form()
        .formParam("lastName", " ")
        .formParam("email", email)
        .formParam("companySize", "huge")
        .formParam("region", "x".repeat(61))
        .post("/sales/leads/new")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-lastName\""))
        .body(containsString("id=\"error-email\""))
        .body(containsString("id=\"error-companySize\""))
        .body(containsString("id=\"error-source\""))
        .body(containsString("id=\"error-region\""))
        .body(containsString("Please keep this under 60 characters."));
    assertThat(leadByEmail(email)).isNull();
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aDuplicateIsRefusedWithALinkOnlyWhenTheRepMaySeeIt() {
    Lead mine = Fixtures.lead(sam, "Mine", Fixtures.unique("Own"), null);
    Lead theirs = Fixtures.lead(rita, "Theirs", Fixtures.unique("Other"), null);
    newLead("Again", mine.email.toUpperCase(), "")
        .post("/sales/leads/new")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-email\""))
        .body(containsString("href=\"/sales/leads/" + mine.id + "\" class=\"alert-link\""));
    String hidden =
        newLead("Again", theirs.email, "")
            .post("/sales/leads/new")
            .then()
            .statusCode(422)
            .body(containsString("belongs to someone else"))
            .extract()
            .asString();
    assertThat(hidden).doesNotContain("/sales/leads/" + theirs.id).doesNotContain("Rita");
  }

  @Test
  @TestSecurity(
      user = "max",
      roles = {"sales", "sales-manager"})
  void aManagerGivesTheNewLeadToAMemberOfTheTeamOnly() {
    String email = Fixtures.unique("team").toLowerCase() + "@walkin.example";
    newLead("Team", email, "")
        .formParam("owner", sam.id)
        .post("/sales/leads/new")
        .then()
        .statusCode(303);
    Lead lead = leadByEmail(email);
    assertThat(lead.owner.id).isEqualTo(sam.id);
    assertThat(lead.routingNote)
        .isEqualTo(RoutingNote.byHand(Fixtures.reload(Member.class, max.id).displayName));

    String other = Fixtures.unique("west").toLowerCase() + "@walkin.example";
    newLead("West", other, "")
        .formParam("owner", rita.id)
        .post("/sales/leads/new")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-owner\""));
    assertThat(leadByEmail(other)).isNull();
  }

  @Test
  @TestSecurity(user = "olga", roles = "operations")
  void operationsLeadsGoThroughTheRoutingRules() {
    given().get("/ops/leads/new").then().statusCode(200).body(containsString("id=\"lead-form\""));
    String email = Fixtures.unique("ops").toLowerCase() + "@event.example";
    String location =
        newLead("Event", email, "")
            .formParam("region", Fixtures.unique("Nowhere"))
            .post("/ops/leads/new")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    Lead lead = leadByEmail(email);
    assertThat(location).endsWith("/sales/leads/" + lead.id);
    // the note says it was typed in by hand, then what the rules did (a rep, or the queue)
    String olga =
        Fixtures.reload(Member.class, Fixtures.member("olga", List.of("operations"), null).id)
            .displayName;
    assertThat(lead.routingNote.typedByHand()).isTrue();
    assertThat(lead.routingNote.by()).isEqualTo(olga);
    assertThat(lead.routingNote.text()).startsWith("created by hand by " + olga + ", then ");
    given()
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(containsString("created by hand by " + olga + " · "));
    assertThat(lead.status == LeadStatus.NEW || lead.status == LeadStatus.ASSIGNED).isTrue();
    given().get("/sales/leads/new").then().statusCode(403);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void salesCannotUseTheOperationsForm() {
    given().get("/ops/leads/new").then().statusCode(403);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void anEditChangesTheContactFieldsNeverTheAttributionAndShowsInTheHistory() {
    CampaignVariant variant = Fixtures.campaignWithVariant(Fixtures.unique("Fair"));
    Lead lead = Fixtures.lead(sam, "Old", Fixtures.unique("Acme"), variant);
    String form =
        given()
            .get("/sales/leads/" + lead.id + "/edit")
            .then()
            .statusCode(200)
            .body(containsString("value=\"Old\""))
            .extract()
            .asString();
    assertThat(form).contains("name=\"version\" value=\"" + lead.version + "\"");
    Csrf.form()
        .formParam("firstName", "Alex")
        .formParam("lastName", "New")
        .formParam("company", lead.company)
        .formParam("email", lead.email)
        .formParam("phone", "+86 21 5555 0199")
        .formParam("title", "Buyer")
        .formParam("version", lead.version)
        .formParam("campaign", "999")
        .post("/sales/leads/" + lead.id + "/edit")
        .then()
        .statusCode(303);
    Lead saved = Fixtures.reload(Lead.class, lead.id);
    assertThat(saved.lastName).isEqualTo("New");
    assertThat(saved.phoneNormalized).isEqualTo("+862155550199");
    assertThat(saved.title).isEqualTo("Buyer");
    assertThat(saved.campaign.id).isEqualTo(variant.campaign.id);
    assertThat(saved.firstTouch.campaignId).isEqualTo(variant.campaign.id);
    given()
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(containsString("id=\"history\""))
        .body(
            containsString(
                "Last name</span>: <span class=\"text-body-secondary text-decoration-line-through\">Old</span> → New"));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void anEditOverANewerSaveShowsBothAndSavesNothing() {
    Lead lead = Fixtures.lead(sam, "Before", Fixtures.unique("Race"), null);
    long opened = lead.version;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.company = "Changed by Max";
            });
    Csrf.form()
        .formParam("lastName", "Mine")
        .formParam("company", "Changed by Sam")
        .formParam("email", lead.email)
        .formParam("version", opened)
        .post("/sales/leads/" + lead.id + "/edit")
        .then()
        .statusCode(409)
        .body(containsString("id=\"conflict\""))
        .body(containsString("Changed by Max"))
        .body(containsString("Changed by Sam"));
    Lead after = Fixtures.reload(Lead.class, lead.id);
    assertThat(after.lastName).isEqualTo("Before");
    assertThat(after.company).isEqualTo("Changed by Max");
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void anEditToAnotherLeadsAddressIsRefused() {
    Lead lead = Fixtures.lead(sam, "One", Fixtures.unique("Dup"), null);
    Lead other = Fixtures.lead(sam, "Two", Fixtures.unique("Dup"), null);
    Csrf.form()
        .formParam("lastName", "One")
        .formParam("email", other.email)
        .formParam("version", lead.version)
        .post("/sales/leads/" + lead.id + "/edit")
        .then()
        .statusCode(422)
        .body(containsString("href=\"/sales/leads/" + other.id + "\""));
    assertThat(Fixtures.reload(Lead.class, lead.id).email).isEqualTo(lead.email);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void anotherRepsLeadCannotBeEdited() {
    Lead theirs = Fixtures.lead(rita, "Hidden", Fixtures.unique("Other"), null);
    given().get("/sales/leads/" + theirs.id + "/edit").then().statusCode(404);
    Csrf.form()
        .formParam("lastName", "Mine")
        .formParam("version", theirs.version)
        .post("/sales/leads/" + theirs.id + "/edit")
        .then()
        .statusCode(404);
    assertThat(Fixtures.reload(Lead.class, theirs.id).lastName).isEqualTo("Hidden");
  }

  @Test
  @TestSecurity(user = "olga", roles = "operations")
  void operationsReadsTheLeadButHasNoEditForm() {
    Lead lead = Fixtures.lead(sam, "ReadOnly", Fixtures.unique("Ops"), null);
    given()
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(not(containsString("id=\"edit-lead\"")));
    given().get("/sales/leads/" + lead.id + "/edit").then().statusCode(403);
  }
}
