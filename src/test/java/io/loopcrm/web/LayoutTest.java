package io.loopcrm.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.loopcrm.testing.AsAdmin;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.AsSales;
import io.loopcrm.testing.AsSalesManager;
import io.loopcrm.testing.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LayoutTest {

  @Test
  @AsSales
  void aRepsHomeIsTodayWithTheSalesNavigation() {
    given()
        .redirects()
        .follow(false)
        .get("/")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/sales/today"));
    given()
        .get("/sales/today")
        .then()
        .statusCode(200)
        .body(containsString("id=\"current-user\""))
        .body(containsString(">sam<"))
        .body(containsString("role-badge\">Sales<"))
        .body(containsString("<form method=\"post\" action=\"/logout\""))
        .body(containsString("href=\"/sales/leads\""))
        .body(containsString("href=\"/sales/pipeline\""))
        .body(not(containsString("href=\"/sales/team\"")))
        .body(not(containsString("href=\"/admin/audit\"")));
  }

  @Test
  @AsSalesManager
  void managerSeesBothSalesRoles() {
    given()
        .get("/sales/today")
        .then()
        .statusCode(200)
        .body(containsString("role-badge\">Sales<"))
        .body(containsString("role-badge\">Sales manager<"))
        .body(containsString("href=\"/sales/team\""));
  }

  @Test
  @AsOperations
  void operationsHome() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(containsString("role-badge\">Operations<"))
        .body(containsString("Design campaigns"))
        .body(not(containsString("Work your leads")));
  }

  @Test
  @AsAdmin
  void adminHome() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(containsString("role-badge\">Admin<"))
        .body(containsString("href=\"/admin/audit\""));
  }

  @Test
  @AsSales
  void chineseFromAcceptLanguage() {
    given()
        .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
        .get("/sales/today")
        .then()
        .statusCode(200)
        .body(containsString("<html lang=\"zh-CN\">"))
        .body(containsString("<h1 class=\"h3 mb-4\">今日</h1>"))
        .body(containsString("role-badge\">销售<"))
        .body(containsString("退出登录"));
  }

  @Test
  @AsSales
  void theSwitcherRemembersTheChoiceAndOverridesTheBrowser() {
    given()
        .redirects()
        .follow(false)
        .get("/lang/zh-CN?back=/signed-out")
        .then()
        .statusCode(303)
        .header("Location", startsWith("/signed-out"))
        .cookie("loop_lang", "zh-CN");
    given()
        .cookie("loop_lang", "zh-CN")
        .header("Accept-Language", "en")
        .get("/sales/today")
        .then()
        .body(containsString("今日"));
  }

  @Test
  void theSwitcherIsNoOpenRedirect() {
    for (String back :
        new String[] {
          "//evil.example/x", "https://evil.example", "/\\evil.example", "/sales/today x", "/a b%zz"
        }) {
      given()
          .redirects()
          .follow(false)
          .queryParam("back", back)
          .get("/lang/en")
          .then()
          .statusCode(303)
          .header("Location", equalTo("/"));
    }
  }

  @Test
  void theIconIsServedToAnyone() {
    given()
        .get("/favicon.ico")
        .then()
        .statusCode(200)
        .header("Content-Type", containsString("icon"));
  }

  @Test
  @AsSales
  void everyPageCarriesTheCsrfTokenForHtmxAndTheSecurityHeaders() {
    given()
        .get("/sales/today")
        .then()
        .statusCode(200)
        .body(containsString("hx-headers='{\"X-CSRF-TOKEN\": \""))
        .header("Content-Security-Policy", containsString("script-src 'self'"))
        .header("Content-Security-Policy", not(containsString("unsafe-inline")))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "strict-origin-when-cross-origin");
  }

  @Test
  void signedOutPageIsPublicAndBranded() {
    given()
        .get("/signed-out")
        .then()
        .statusCode(200)
        .body(containsString("You are signed out"))
        .body(not(containsString("id=\"current-user\"")));
  }

  @Test
  @AsSales
  void unknownPageIsABranded404() {
    given()
        .get("/no-such-page")
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("Page not found"))
        .body(not(containsString("Exception")));
  }

  @Test
  @AsSales
  void adminOnlyEndpointsAnswerABranded403() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(403)
        .body(containsString("Not allowed"))
        .body(not(containsString("Exception")));
  }

  @Test
  @AsAdmin
  void adminReadsMetricsAndTheApiDescription() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
    given().get("/q/openapi").then().statusCode(200).body(containsString("/api/members"));
  }

  @Test
  void healthIsPublicAndReadinessIncludesTheDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(containsString("\"status\": \"UP\""))
        .body(containsString("Database connections health check"));
    given().get("/q/health/live").then().statusCode(200);
  }

  @Test
  void staticAssetsAreServedFromWebjars() {
    given().get("/webjars/bootstrap/dist/css/bootstrap.min.css").then().statusCode(200);
    given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
  }

  @Test
  @AsSales
  void signingOutIsAPostWithTheCsrfToken() {
    // a GET asks first, in the user's language; it signs nobody out
    given()
        .get("/logout")
        .then()
        .statusCode(200)
        .body(containsString("id=\"sign-out-confirm\""))
        .body(containsString("Sign out of Loop CRM?"));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/logout")
        .then()
        .statusCode(200)
        .body(containsString("退出 Loop CRM？"));
    // a post without the token, or with another one, is refused
    given()
        .redirects()
        .follow(false)
        .contentType("application/x-www-form-urlencoded")
        .post("/logout")
        .then()
        .statusCode(400);
    given()
        .redirects()
        .follow(false)
        .cookie("csrf-token", Csrf.token())
        .formParam("csrf-token", Csrf.token())
        .post("/logout")
        .then()
        .statusCode(400);
  }

  @Test
  void signingOutWithoutASessionLandsOnTheSignedOutPage() {
    given()
        .redirects()
        .follow(false)
        .get("/logout")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/signed-out"));
    Csrf.form().post("/logout").then().statusCode(303).header("Location", endsWith("/signed-out"));
  }
}
