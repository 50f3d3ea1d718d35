package io.loopcrm.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.activity.Activity;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bodies a browser never sends and an attacker can: a broken multipart body, more form fields than
 * any form has. A clear 4xx in the reader's language, never a 500; and a long note a rep may type
 * is saved whole, not refused by a transport limit smaller than the field.
 */
@QuarkusTest
class HostileBodyTest {

  @io.quarkus.test.common.http.TestHTTPResource("/")
  java.net.URL base;

  /** A raw post (REST Assured will only send a multipart body it encoded itself). */
  private int post(String path, String contentType, String body) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Content-Type", contentType)
            .header("Accept-Language", "zh-CN")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build();
    return java.net.http.HttpClient.newHttpClient()
        .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aBrokenMultipartBodyToThePublicFormIsABadRequestNotAnError() throws Exception {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Broken body"));
    for (String code : List.of(v.trackingCode, "no-such-form")) {
      String cut =
          "--XyZ\r\nContent-Disposition: form-data; name=\"lastName\"\r\n\r\nBroken\r\n--Xy";
      assertThat(post("/f/" + code, "multipart/form-data; boundary=XyZ", cut))
          .as(code)
          .isBetween(400, 499);
      assertThat(post("/f/" + code, "multipart/form-data", "garbage")).as(code).isBetween(400, 499);
      assertThat(post("/f/" + code, "multipart/form-data; boundary=", "--\r\n"))
          .as(code)
          .isBetween(400, 499);
    }
  }

  @Test
  void moreFieldsThanAnyFormHasAreRefusedInTheVisitorsLanguage() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Many fields"));
    StringBuilder body = new StringBuilder("lastName=Many");
    for (int i = 0; i < 1_200; i++) {
      body.append("&f").append(i).append("=1");
    }
    Response r =
        given()
            .redirects()
            .follow(false)
            .header("Accept-Language", "zh-CN")
            .contentType("application/x-www-form-urlencoded")
            .body(body.toString())
            .post("/f/" + v.trackingCode);
    assertThat(r.statusCode()).as(r.asString()).isBetween(400, 499);
    assertThat(r.asString()).contains("lang=\"zh-CN\"");
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aNoteOfSeveralThousandChineseCharactersIsSavedWhole() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Lead lead = Fixtures.lead(sam, "Longnote", Fixtures.unique("Longnote"), null);
    String notes = "客户希望下周再谈价格。".repeat(300); // 3,300 characters, 9,900 bytes in UTF-8
    Csrf.form()
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParam("kind", "note")
        .formParam("subject", "Long call notes")
        .formParam("notes", notes)
        .formParam("back", "/sales/leads/" + lead.id)
        .post("/sales/leads/" + lead.id + "/activities")
        .then()
        .statusCode(303);
    String saved =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Activity.<Activity>find(
                            "lead.id = ?1 and subject = ?2", lead.id, "Long call notes")
                        .firstResult()
                        .notes);
    assertThat(saved).isEqualTo(notes);
    given()
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(containsString("客户希望下周再谈价格"));
  }
}
