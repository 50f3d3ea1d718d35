package io.loopcrm.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.people.Member;
import io.loopcrm.routing.RoutingRule;
import io.loopcrm.testing.AsAdmin;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lead without a segment gets its company size's, as an administrator set the bands: routing
 * rules see it and it is stored, whichever way the lead came in.
 */
@QuarkusTest
class SegmentBandsTest {
  static final List<String> DEFAULTS =
      List.of("smb", "smb", "mid-market", "mid-market", "enterprise");

  @Test
  @AsAdmin
  void aFormLeadWithoutASegmentIsRoutedAndStoredByItsCompanySizesSegment() {
    String big = Fixtures.unique("ent").replace("-", "");
    Member rep =
        Fixtures.member(Fixtures.unique("bigrep"), List.of("sales"), Fixtures.unique("Big"));
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Sizes"));
    RoutingRule rule =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  RoutingRule r = new RoutingRule();
                  r.position = 1;
                  r.name = "Segment " + big;
                  r.segment = big;
                  r.team = Member.<Member>findById(rep.id).team;
                  r.persist();
                  return r;
                });
    try {
      save("smb", "smb", "mid-market", "mid-market", big).then().statusCode(303);
      given()
          .header("Accept-Language", "en")
          .get("/admin/settings")
          .then()
          .statusCode(200)
          .body(containsString("value=\"" + big + "\""));
      String email = Fixtures.unique("size") + "@example.com";
      Csrf.form()
          .formParam("lastName", "Sized")
          .formParam("email", email)
          .formParam("companySize", "1000+")
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(303);
      Lead lead = lead(email);
      assertThat(lead.segment).isEqualTo(big);
      assertThat(lead.owner.id).isEqualTo(rep.id);
      assertThat(lead.routingNote.rule()).isEqualTo(rule.name);

      // a segment given is kept; a size without a segment leaves none
      String given = Fixtures.unique("given") + "@example.com";
      save("", "smb", "mid-market", "mid-market", big).then().statusCode(303);
      String tiny = Fixtures.unique("tiny") + "@example.com";
      Csrf.form()
          .formParam("lastName", "Tiny")
          .formParam("email", tiny)
          .formParam("companySize", "1-10")
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(303);
      assertThat(lead(tiny).segment).isNull();
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                Lead l = new Lead();
                l.lastName = "Given";
                l.email = given;
                l.companySize = "1000+";
                l.segment = "public-sector";
                l.persist();
                Lead bySql = new Lead();
                bySql.lastName = "Derived";
                bySql.email = "derived-" + given;
                bySql.companySize = "51-200";
                bySql.persist();
              });
      assertThat(byEmail(given).segment).isEqualTo("public-sector");
      // the database derives it too, for a lead written without routing (an import, a rep's lead)
      assertThat(byEmail("derived-" + given).segment).isEqualTo("mid-market");
    } finally {
      save(DEFAULTS.toArray(String[]::new)).then().statusCode(303);
      QuarkusTransaction.requiringNew()
          .run(() -> RoutingRule.update("active = false where id = ?1", rule.id));
    }
  }

  @Test
  @AsAdmin
  void aTooLongSegmentIsExplainedNextToItsSizeAndNothingIsSaved() {
    save("smb", "x".repeat(61), "mid-market", "mid-market", "enterprise")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-segment-2\""))
        .body(containsString("Please keep this under 60 characters."));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> SegmentBand.<SegmentBand>findById((short) 2).segment))
        .isEqualTo("smb");
    given()
        .header("Accept-Language", "zh-CN")
        .get("/admin/settings")
        .then()
        .statusCode(200)
        .body(containsString("按公司规模划分细分市场"))
        .body(containsString("公司规模 1000+"));
  }

  @Test
  @io.loopcrm.testing.AsOperations
  void operationsSetALeadsSegmentOnItsPage() {
    Member rep = Fixtures.member(Fixtures.unique("segrep"), List.of("sales"), null);
    Lead lead = Fixtures.lead(rep, "Segmented", Fixtures.unique("Seg Co"), null);
    given()
        .header("Accept-Language", "en")
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(containsString("id=\"segment-form\""));
    Csrf.form()
        .formParam("segment", " public-sector ")
        .redirects()
        .follow(false)
        .post("/ops/leads/" + lead.id + "/segment")
        .then()
        .statusCode(303);
    assertThat(Fixtures.reload(Lead.class, lead.id).segment).isEqualTo("public-sector");
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("segment", "y".repeat(61))
        .post("/ops/leads/" + lead.id + "/segment")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-segment\""));
    assertThat(Fixtures.reload(Lead.class, lead.id).segment).isEqualTo("public-sector");
    Csrf.form()
        .formParam("segment", "x")
        .post("/ops/leads/987654321/segment")
        .then()
        .statusCode(404);
  }

  @Test
  @io.loopcrm.testing.AsSales
  void aRepSeesTheSegmentWithoutTheOperationsForm() {
    Member rep = Fixtures.member("sam", List.of("sales"), null);
    Lead lead = Fixtures.lead(rep, "Own", Fixtures.unique("Own Co"), null);
    given()
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString("id=\"segment-form\"")));
  }

  private static io.restassured.response.Response save(String... segments) {
    var form = Csrf.form().header("Accept-Language", "en").redirects().follow(false);
    for (String s : segments) {
      form = form.formParam("segment", s);
    }
    return form.post("/admin/settings/segments");
  }

  private static Lead byEmail(String email) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Lead.<Lead>find("email", email).firstResult());
  }

  private static Lead lead(String email) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Lead l =
                  Lead.<Lead>find(
                          "from Lead l left join fetch l.owner where l.emailNormalized = ?1",
                          Lead.normalizeEmail(email))
                      .firstResult();
              return l;
            });
  }
}
