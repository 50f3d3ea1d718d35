package io.loopcrm.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.stack.Ports;
import io.loopcrm.stack.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When Keycloak cannot be reached, a new sign-in gets a clear page, never a stack trace. */
@QuarkusTest
@TestProfile(KeycloakDownTest.Unreachable.class)
class KeycloakDownTest {

  public static class Unreachable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(TestStack.get().appConfig());
      String nowhere = "http://localhost:" + Ports.free() + "/realms/loop";
      config.put("quarkus.oidc.auth-server-url", nowhere);
      config.put("quarkus.oidc.api.auth-server-url", nowhere);
      config.put("quarkus.oidc.connection-delay", "0S");
      config.put("quarkus.oidc.api.connection-delay", "0S");
      return config;
    }

    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }
  }

  @Test
  void newSignInGetsABrandedPage() {
    given()
        .redirects()
        .follow(false)
        .header("Accept", "text/html")
        .get("/")
        .then()
        .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
        .contentType(containsString("text/html"))
        .body(containsString("Sign-in did not work"))
        .body(not(containsString("Exception")))
        .body(not(containsString("at io.")));
  }

  @Test
  @io.loopcrm.testing.AsAdmin
  void userAdministrationSaysKeycloakIsUnreachable() {
    given()
        .header("Accept-Language", "en")
        .get("/admin/users")
        .then()
        .statusCode(503)
        .body(containsString("Keycloak cannot be reached just now"))
        .body(not(containsString("Exception")));
  }

  @Test
  void publicPagesStillWork() {
    given().get("/signed-out").then().statusCode(200);
  }
}
