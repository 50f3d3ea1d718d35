package io.loopcrm.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.web.PrivateAnswers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every answer carries and what a stray cookie does: a garbage session cookie does not keep a
 * visitor from a public link, a malformed CSRF cookie is replaced rather than answered with an
 * empty 400, signed-in pages and downloads are not kept by caches, and a redirect does not take its
 * host from the request's Host header.
 */
@QuarkusTest
class HeadersAndCookiesTest {

  @Test
  void aGarbageSessionCookieDoesNotKeepAVisitorFromAPublicLink() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Stale cookie"));
    for (String cookie : List.of("garbage", "", "x".repeat(500))) {
      given()
          .redirects()
          .follow(false)
          .cookie("q_session", cookie)
          .get("/t/" + v.trackingCode)
          .then()
          .statusCode(302)
          .header("Location", startsWith(v.landingUrl));
      given()
          .redirects()
          .follow(false)
          .cookie("q_session", cookie)
          .get("/f/" + v.trackingCode)
          .then()
          .statusCode(200)
          .body(containsString("<form"));
    }
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aMalformedCsrfCookieIsReplacedNotAnsweredWithAnEmpty400() {
    Fixtures.member("sam", List.of("sales"), "Team East");
    for (String bad : List.of("short", "x".repeat(200), "%%%")) {
      Response r = given().redirects().follow(false).cookie("csrf-token", bad).get("/sales/today");
      assertThat(r.statusCode()).as(bad).isEqualTo(200);
      assertThat(r.getCookie("csrf-token")).as(bad).isNotNull().isNotEqualTo(bad);
    }
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void signedInPagesAndDownloadsAreNotKeptByCaches() {
    Fixtures.member("sam", List.of("sales"), "Team East");
    for (String path : List.of("/sales/today", "/sales/leads", "/sales/deals/export.csv")) {
      given().get(path).then().statusCode(200).header("Cache-Control", containsString("no-store"));
    }
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersErrorsIncluded() {
    for (String path : List.of("/no-such-page", "/t/no-such-code", "/sales/today")) {
      given()
          .redirects()
          .follow(false)
          .get(path)
          .then()
          .header("X-Content-Type-Options", equalTo("nosniff"))
          .header("Content-Security-Policy", not(equalTo(null)));
    }
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRedirectNeverNamesTheHostOfTheHostHeader() {
    Fixtures.member("sam", List.of("sales"), "Team East");
    // the home page sends a rep to Today; a form's redirect after a save goes home too
    for (String host : List.of("evil.example", "evil.example:8443")) {
      Response home = given().redirects().follow(false).header("Host", host).get("/");
      assertThat(home.statusCode()).isEqualTo(303);
      assertThat(home.header("Location")).isEqualTo("/sales/today");
    }
    assertThat(PrivateAnswers.ownPath("http://a.example/x?y=1", "a.example")).isEqualTo("/x?y=1");
    assertThat(PrivateAnswers.ownPath("https://a.example", "a.example")).isEqualTo("/");
    assertThat(PrivateAnswers.ownPath("http://a.example//b.example/", "a.example")).isNull();
    assertThat(PrivateAnswers.ownPath("http://a.example.b.example/", "a.example")).isNull();
    assertThat(PrivateAnswers.ownPath("http://keycloak.example/auth", "a.example")).isNull();
  }
}
