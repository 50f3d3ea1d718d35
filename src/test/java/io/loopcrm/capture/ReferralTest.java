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
  void customersAreFoundBySearchFiftyAPageWithTheNextPageAfterTheLast() {
    String tag = Fixtures.unique("Refpage").replace("-", "");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Account a = new Account();
              a.name = tag + " Holdings";
              a.persist();
              for (int i = 0; i < 55; i++) {
                Contact c = new Contact();
                c.account = a;
                c.firstName = "Pat";
                c.lastName = String.format("Customer%02d", i);
                // a personal link is what makes a contact a customer without a won deal
                c.referralCode = (tag + i).toLowerCase(java.util.Locale.ROOT);
                c.persist();
              }
            });
    String first =
        given().get("/ops/referrals?q=" + tag).then().statusCode(200).extract().asString();
    assertThat(first.split("class=\"referral-row\"", -1)).hasSize(51);
    assertThat(first).contains("Pat Customer00").contains("Pat Customer49");
    assertThat(first).doesNotContain("Pat Customer50");
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("href=\"([^\"]*)\" id=\"next-page\"").matcher(first);
    assertThat(link.find()).isTrue();
    String next = link.group(1).replace("&amp;", "&");
    assertThat(next).startsWith("/ops/referrals?q=");
    // the next page as the "next" button asks for it with htmx: the rows alone
    String second =
        given()
            .urlEncodingEnabled(false)
            .header("HX-Request", "true")
            .get(next)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(second).doesNotContain("<html");
    assertThat(second.split("class=\"referral-row\"", -1)).hasSize(6);
    assertThat(second).contains("Pat Customer50").contains("Pat Customer54");
    assertThat(second).doesNotContain("id=\"next-page\"");
    // by account name too, and nothing found says so in both languages
    given()
        .get("/ops/referrals?q=" + tag + " Holdings")
        .then()
        .body(containsString("Pat Customer00"));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/referrals?q=" + tag + "nobody")
        .then()
        .statusCode(200)
        .body(containsString("没有符合搜索条件的客户"));
    // a cursor that is not ours is the first page
    given()
        .get("/ops/referrals?q=" + tag + "&after=garbage")
        .then()
        .statusCode(200)
        .body(containsString("Pat Customer00"));
  }

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
      String account = customer.account.name;
      // made from a search, the link brings operations back to that search, at the customer
      assertThat(
              Csrf.form()
                  .formParam("q", account)
                  .redirects()
                  .follow(false)
                  .post("/ops/referrals/" + customer.id + "/link")
                  .then()
                  .statusCode(303)
                  .extract()
                  .header("Location"))
          .endsWith("/ops/referrals?q=" + account.replace(" ", "+") + "#contact-" + customer.id);
      String code = Fixtures.reload(Contact.class, customer.id).referralCode;
      assertThat(code).matches("[a-z0-9]{10}");
      given()
          .get("/ops/referrals?q=" + account)
          .then()
          .statusCode(200)
          .body(containsString("/r/" + code));

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
