package io.loopcrm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.testing.KeycloakLogin;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The JSON API takes real Keycloak bearer tokens and never redirects to a login page. */
@QuarkusTest
class ApiAuthTest {

  @Test
  void validTokenWithTheRightRole() {
    String token = KeycloakLogin.accessToken("olga");
    given()
        .auth()
        .oauth2(token)
        .get("/api/members")
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"));
  }

  @Test
  void noTokenIs401NotARedirect() {
    given().redirects().follow(false).get("/api/members").then().statusCode(401);
  }

  @Test
  void invalidTokenIs401() {
    given().auth().oauth2("not.a.token").get("/api/members").then().statusCode(401);
  }

  @Test
  void wrongRoleIs403() {
    given()
        .auth()
        .oauth2(KeycloakLogin.accessToken("sam"))
        .get("/api/members")
        .then()
        .statusCode(403)
        .body(not(containsString("Exception")));
  }

  @Test
  void adminTokenListsMembersAsJson() {
    given()
        .auth()
        .oauth2(KeycloakLogin.accessToken("ada"))
        .get("/api/members")
        .then()
        .statusCode(200)
        .body("username", org.hamcrest.Matchers.notNullValue());
  }
}
