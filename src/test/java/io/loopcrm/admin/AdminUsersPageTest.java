package io.loopcrm.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.testing.AsAdmin;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.AsSales;
import io.loopcrm.testing.AsSalesManager;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The user pages' checks and boundaries (identities from @TestSecurity, Keycloak is real). */
@QuarkusTest
class AdminUsersPageTest {

  @Test
  @AsAdmin
  void listShowsTheRealmsUsersWithRoles() {
    given()
        .get("/admin/users?q=max")
        .then()
        .statusCode(200)
        .body(containsString("id=\"user-max\""))
        .body(containsString("Max Manager"))
        .body(containsString("Sales manager"))
        .body(not(containsString("service-account-loop-admin")));
  }

  @Test
  @AsAdmin
  void badInputIsExplainedNextToEachFieldAndNothingIsCreated() {
    String username = Fixtures.unique("bad").toLowerCase();
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("username", "No Spaces!")
        .formParam("firstName", "")
        .formParam("lastName", "Person")
        .formParam("email", "not-an-email")
        .formParam("password", "short")
        .post("/admin/users")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-username\""))
        .body(containsString("Use 2 to 50 lower-case letters"))
        .body(containsString("id=\"error-firstName\""))
        .body(containsString("Enter an e-mail address like name@example.com."))
        .body(containsString("Choose at least one role."))
        .body(containsString("The password needs 8 to 128 characters."))
        .body(containsString("value=\"Person\""));

    // a valid username with another bad field: still nothing reaches Keycloak
    Csrf.form()
        .formParam("username", username)
        .formParam("firstName", "Bad")
        .formParam("lastName", "Person")
        .formParam("email", username + "@loop.example")
        .formParam("roles", "sales")
        .formParam("password", "short")
        .post("/admin/users")
        .then()
        .statusCode(422);
    given()
        .get("/admin/users?q=" + username)
        .then()
        .statusCode(200)
        .body(containsString("id=\"no-users\""));
  }

  @Test
  @AsAdmin
  void messagesComeInChinese() {
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("username", "")
        .post("/admin/users")
        .then()
        .statusCode(422)
        .body(containsString("请至少选择一个角色。"));
  }

  @Test
  @AsAdmin
  void unknownUserIsA404() {
    given().get("/admin/users/00000000-0000-4000-8000-00000000dead").then().statusCode(404);
  }

  @Test
  @AsSales
  void salesCannotReachUserAdministration() {
    refused();
  }

  @Test
  @AsSalesManager
  void managersCannotReachUserAdministration() {
    refused();
  }

  @Test
  @AsOperations
  void operationsCannotReachUserAdministration() {
    refused();
  }

  private static void refused() {
    given().get("/admin/users").then().statusCode(403);
    given().get("/admin/users/new").then().statusCode(403);
    given().get("/admin/users/5a1e5000-0000-4000-8000-000000000001").then().statusCode(403);
    Csrf.form().formParam("username", "x").post("/admin/users").then().statusCode(403);
    Csrf.form()
        .formParam("roles", "admin")
        .post("/admin/users/5a1e5000-0000-4000-8000-000000000001")
        .then()
        .statusCode(403);
    given().get("/admin/audit").then().statusCode(403);
  }
}
