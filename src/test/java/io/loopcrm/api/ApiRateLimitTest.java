package io.loopcrm.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client past its requests per minute gets 429 with Retry-After; another client does not. */
@QuarkusTest
@TestProfile(ApiRateLimitTest.FivePerMinute.class)
class ApiRateLimitTest {
  public static class FivePerMinute implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("loop.api.requests-per-minute", "5");
    }
  }

  @Test
  void aClientPastItsLimitWaitsAndAnotherDoesNot() {
    String token = ApiLeadsTest.token();
    Response refused = null;
    // five a minute: the sixth is refused (twelve cover a minute's turn in between)
    for (int i = 0; i < 12 && refused == null; i++) {
      Response r = given().auth().oauth2(token).get("/api/members");
      assertThat(r.statusCode()).isIn(200, 429);
      if (r.statusCode() == 429) {
        refused = r;
      }
    }
    assertThat(refused).isNotNull();
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
    assertThat(refused.jsonPath().getString("title")).isEqualTo("Too many requests");
    String reader = ApiLeadsTest.readerToken();
    given().auth().oauth2(reader).get("/api/members").then().statusCode(200);
  }
}
