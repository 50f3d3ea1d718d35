package io.loopcrm.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.lead.Lead;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Referral links: a customer's link leads to the programme's form; the lead names the referrer. */
@QuarkusTest
class ReferralTest {

  @Test
  @AsOperations
  void aReferredLeadNamesTheCustomerAndCountsForTheProgramme() {
    CampaignVariant programme = Fixtures.campaignWithVariant(Fixtures.unique("Friends"));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Campaign.<Campaign>findById(programme.campaign.id).objective =
                    Campaign.Objective.REFERRAL);
    Contact customer =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Account a = new Account();
                  a.name = Fixtures.unique("Happy Co");
                  a.persist();
                  Contact c = new Contact();
                  c.account = a;
                  c.firstName = "Hana";
                  c.lastName = "Happy";
                  c.persist();
                  return c;
                });
    try {
      Csrf.form().post("/ops/referrals/" + customer.id + "/link").then().statusCode(303);
      String code = Fixtures.reload(Contact.class, customer.id).referralCode;
      assertThat(code).matches("[a-z0-9]{10}");
      given().get("/ops/referrals").then().statusCode(200).body(containsString("/r/" + code));

      String location =
          given()
              .redirects()
              .follow(false)
              .get("/r/" + code)
              .then()
              .statusCode(302)
              .extract()
              .header("Location");
      assertThat(location).contains("/f/" + programme.trackingCode).contains("ref=" + code);
      given().get(location).then().statusCode(200).body(containsString("value=\"" + code + "\""));

      String email = Fixtures.unique("friend") + "@example.com";
      Csrf.form()
          .formParam("lastName", "Friend")
          .formParam("email", email)
          .formParam("ref", code)
          .post("/f/" + programme.trackingCode)
          .then()
          .statusCode(303);
      Lead lead =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      Lead.<Lead>find(
                              "from Lead l left join fetch l.referrerContact left join fetch l.campaign"
                                  + " where l.emailNormalized = ?1",
                              email)
                          .firstResult());
      assertThat(lead.referrerContact.id).isEqualTo(customer.id);
      assertThat(lead.source).isEqualTo("referral");
      assertThat(lead.campaign.id).isEqualTo(programme.campaign.id);

      given().redirects().follow(false).get("/r/nosuchcode1").then().statusCode(404);
    } finally {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  Campaign.<Campaign>findById(programme.campaign.id).status =
                      Campaign.Status.COMPLETED);
    }
  }
}
