package io.loopcrm.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Operations choose what a campaign's hosted form asks; the form asks exactly that. */
@QuarkusTest
class OpsFormFieldsTest {

  @Test
  @AsOperations
  void aFormThatRequiresSegmentAndPhoneAndHidesTitleAsksExactlyThat() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Fields"));
    long id = v.campaign.id;
    // the default form: segment not asked, every other field optional
    given()
        .get("/f/" + v.trackingCode)
        .then()
        .statusCode(200)
        .body(containsString("id=\"title\""))
        .body(not(containsString("id=\"segment\"")));
    Csrf.form()
        .formParam("firstName", "optional")
        .formParam("phone", "required")
        .formParam("company", "optional")
        .formParam("title", "hidden")
        .formParam("region", "optional")
        .formParam("companySize", "optional")
        .formParam("segment", "required")
        .post("/ops/campaigns/" + id + "/form-fields")
        .then()
        .statusCode(303);
    assertThat(Fixtures.reload(Campaign.class, id).fields().requires("segment")).isTrue();
    given()
        .header("Accept-Language", "en")
        .get("/ops/campaigns/" + id)
        .then()
        .statusCode(200)
        .body(containsString("id=\"ff-segment-required\" checked"))
        .body(containsString("id=\"ff-title-hidden\" checked"));

    // the form at once: segment among the bands' segments, no title, marks on what is required
    given()
        .header("Accept-Language", "en")
        .get("/f/" + v.trackingCode)
        .then()
        .statusCode(200)
        .body(containsString("<select class=\"form-select form-select-sm \" id=\"segment\""))
        .body(containsString("<option value=\"mid-market\""))
        .body(not(containsString("id=\"title\"")))
        .body(containsString("id=\"phone\" name=\"phone\" type=\"tel\""));
    String email = Fixtures.unique("fields") + "@example.com";
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("lastName", "Fields")
        .formParam("email", email)
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-segment\""))
        .body(containsString("id=\"error-phone\""));
    assertThat(count(email)).isZero();
    Csrf.form()
        .formParam("lastName", "Fields")
        .formParam("email", email)
        .formParam("phone", "+1 555 0100 200")
        .formParam("segment", "enterprise")
        .formParam("title", "sent anyway, not asked")
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(303);
    Lead lead =
        QuarkusTransaction.requiringNew()
            .call(
                () -> Lead.<Lead>find("emailNormalized", Lead.normalizeEmail(email)).firstResult());
    assertThat(lead.segment).isEqualTo("enterprise");
    assertThat(lead.title).isNull();
  }

  @Test
  @AsOperations
  void aModeThatIsNotOneIsRefusedOnThePage() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Bad fields"));
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("firstName", "mandatory")
        .post("/ops/campaigns/" + v.campaign.id + "/form-fields")
        .then()
        .statusCode(422)
        .body(containsString("Choose one of the options."));
    assertThat(Fixtures.reload(Campaign.class, v.campaign.id).formFields).isNull();
  }

  private static long count(String email) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Lead.count("emailNormalized", Lead.normalizeEmail(email)));
  }
}
