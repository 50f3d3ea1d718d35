package io.loopcrm.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.api.ApiLeadsTest;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.stack.TestStack;
import io.loopcrm.testing.CuttableLink;
import io.loopcrm.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while visitors send the public form and integrations the API: nobody waits
 * more than a few seconds, the visitor gets "try again" with everything typed kept, the API 503
 * with Retry-After, nothing is half saved, and once the database is back the next sends work. The
 * app reaches PostgreSQL through a link the test cuts (as a stopped server refuses).
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.ThroughALink.class)
class DatabaseDownTest {
  static CuttableLink link;

  public static class ThroughALink implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      TestStack stack = TestStack.get();
      try {
        if (link == null) {
          link = new CuttableLink(stack.pgPort());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, String> config = new HashMap<>(stack.appConfig());
      config.put(
          "quarkus.datasource.jdbc.url",
          "jdbc:postgresql://127.0.0.1:" + link.port() + "/" + TestStack.DATABASE);
      return config;
    }
  }

  private static Response send(CampaignVariant v, String email) {
    return given()
        .redirects()
        .follow(false)
        .header("Accept-Language", "en")
        .formParam("firstName", "Mei")
        .formParam("lastName", "Lin")
        .formParam("email", email)
        .formParam("company", "Lin Trading")
        .post("/f/" + v.trackingCode);
  }

  @jakarta.inject.Inject TrackingCodes codes;

  @Test
  void visitorsGetTryAgainWithTheirAnswersAndNothingIsHalfSaved() throws Exception {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Outage"));
    given().get("/f/" + v.trackingCode).then().statusCode(200);
    String lost = Fixtures.unique("outage").toLowerCase() + "@example.com";
    String token = ApiLeadsTest.token();
    link.cut();
    try {
      // the campaign's cached target is due for a reload that cannot happen now: the last known
      // one serves, so the visitor still gets the form's "try again" (FaultsIT met it once)
      codes.expireAll();
      long started = System.nanoTime();
      Response form = send(v, lost);
      long formMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(form.statusCode()).isEqualTo(503);
      assertThat(form.header("Retry-After")).isEqualTo("1");
      assertThat(form.asString())
          .contains("We could not save your details just now")
          .contains("value=\"Mei\"")
          .contains("value=\"" + lost + "\"")
          .contains("value=\"Lin Trading\"");
      assertThat(formMillis).as("the visitor's wait, ms").isLessThan(6_000);

      given()
          .header("Accept-Language", "zh-CN")
          .formParam("lastName", "Lin")
          .formParam("email", lost)
          .post("/f/" + v.trackingCode)
          .then()
          .statusCode(503);

      started = System.nanoTime();
      Response api =
          given()
              .auth()
              .oauth2(token)
              .contentType(ContentType.JSON)
              .body("{\"lastName\":\"Lin\",\"email\":\"" + lost + "\"}")
              .post("/api/leads");
      assertThat(api.statusCode()).isEqualTo(503);
      assertThat(api.header("Retry-After")).isEqualTo("1");
      assertThat(api.jsonPath().getString("title")).isEqualTo("Unavailable");
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(6_000);
    } finally {
      link.restore();
    }

    // back: the visitor sends again and it works at once
    long back = System.nanoTime();
    int status = send(v, lost).statusCode();
    while (status != 303 && System.nanoTime() - back < 30_000_000_000L) {
      Thread.sleep(200);
      status = send(v, lost).statusCode();
    }
    assertThat(status).isEqualTo(303);
    for (int i = 0; i < 10; i++) {
      assertThat(send(v, Fixtures.unique("after").toLowerCase() + "@example.com").statusCode())
          .isEqualTo(303);
    }
    // the person who was told "try again" and sent again is one lead, not two
    assertThat(leadsWith(lost)).isEqualTo(1);
  }

  private static long leadsWith(String email) throws Exception {
    TestStack stack = TestStack.get();
    try (Connection c =
            DriverManager.getConnection(
                stack.jdbcUrl(TestStack.DATABASE),
                io.loopcrm.stack.PostgresServer.USER,
                io.loopcrm.stack.PostgresServer.PASSWORD);
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "select count(*) from lead where email_normalized = '" + email + "'")) {
      r.next();
      return r.getLong(1);
    }
  }
}
