package io.loopcrm.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.stack.DevStack;
import io.loopcrm.stack.Ports;
import io.loopcrm.stack.PostgresServer;
import io.loopcrm.stack.TestStack;
import io.loopcrm.testing.Await;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged application on one database, as behind a load balancer that sends
 * each request anywhere: a session, a form, an idempotency key, the form's rate limit, a disabled
 * user and a changed setting all hold on both, because nothing that matters lives in one instance's
 * memory (docs/operations.md, "State and several instances").
 */
class TwoInstancesIT {
  private static final String A = PackagedEnv.APP;
  private static String b;

  @TempDir static Path dir;
  static PostgresServer postgres;
  static DevStack first;
  static DevStack second;

  @BeforeAll
  static void start() {
    postgres = PostgresServer.start(dir.resolve("pg"), Ports.free(), false);
    postgres.ensureDatabase("loop");
    first = DevStack.start(env(PackagedEnv.PORT), dir.resolve("a"));
    int port = Ports.free();
    second = DevStack.start(env(port), dir.resolve("b"));
    b = "http://127.0.0.1:" + port;
  }

  private static Map<String, String> env(int port) {
    Map<String, String> env = PackagedEnv.onDatabase(port, postgres.jdbcUrl("loop"));
    // uploads go to a directory both see, as on a shared volume
    env.put("LOOP_IMPORT_DIR", dir.resolve("imports").toString());
    env.put("LOOP_CAPTURE_SUBMISSIONS_PER_MINUTE", "4");
    return env;
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {first, second, postgres}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // the others still stop
      }
    }
  }

  @Test
  void aSessionFromOneInstanceWorksOnTheOther() throws Exception {
    String sam = FaultsSupport.signIn("sam");
    for (String base : new String[] {A, b}) {
      given()
          .header("Cookie", sam)
          .redirects()
          .follow(false)
          .get(base + "/sales/today")
          .then()
          .statusCode(200)
          .body(containsString("Sam Sales"));
    }
  }

  @Test
  void aSignInBegunOnOneInstanceEndsOnTheOther() throws Exception {
    // a browser's cookies are per host, not per port: both instances see them, as behind one
    // address; the load balancer sends the way back from Keycloak to the other instance
    try (org.htmlunit.WebClient web = io.loopcrm.testing.KeycloakLogin.browser()) {
      org.htmlunit.html.HtmlPage login = web.getPage(A + "/sales/today");
      web.getOptions().setRedirectEnabled(false);
      org.htmlunit.Page back = io.loopcrm.testing.KeycloakLogin.submit(login, "sam", "demo");
      String callback = back.getWebResponse().getResponseHeaderValue("Location");
      assertThat(callback).startsWith(A + "/sales/today?");
      web.getOptions().setRedirectEnabled(true);
      // the way back reaches the other instance under the address the user knows (the Host
      // header a load balancer passes on), which the code exchange must name again
      org.htmlunit.WebRequest other =
          new org.htmlunit.WebRequest(new java.net.URL(callback.replace(A, b)));
      other.setAdditionalHeader("Host", java.net.URI.create(A).getAuthority());
      org.htmlunit.Page done = web.getPage(other);
      assertThat(done.getWebResponse().getStatusCode())
          .as("the other instance completes the sign-in")
          .isEqualTo(200);
      org.htmlunit.Page today = web.getPage(b + "/sales/today");
      assertThat(today.getWebResponse().getStatusCode()).isEqualTo(200);
      assertThat(today.getWebResponse().getContentAsString()).contains("Sam Sales");
    }
  }

  @Test
  void aFormServedByOneInstanceIsSavedByTheOther() throws Exception {
    String sam = FaultsSupport.signIn("sam");
    Response form =
        given().header("Cookie", sam).redirects().follow(false).get(A + "/sales/leads/new");
    form.then().statusCode(200);
    String token = form.getCookie("csrf-token");
    assertThat(token).isNotBlank();
    String email = "two-" + UUID.randomUUID() + "@example.com";
    given()
        .header("Cookie", sam + "; csrf-token=" + token)
        .redirects()
        .follow(false)
        .formParam("firstName", "Tess")
        .formParam("lastName", "Twice")
        .formParam("email", email)
        .formParam("source", "phone")
        .formParam("csrf-token", token)
        .post(b + "/sales/leads/new")
        .then()
        .statusCode(303);
    given()
        .header("Cookie", sam)
        .get(A + "/sales/leads?q=" + email)
        .then()
        .statusCode(200)
        .body(containsString("Twice"));
  }

  @Test
  void anIdempotencyKeyHoldsOnBothInstances() {
    String token = FaultsSupport.integrationToken(TestStack.get().realmUrl());
    String key = UUID.randomUUID().toString();
    String body =
        "{\"firstName\":\"Ida\",\"lastName\":\"Twice\",\"email\":\"" + key + "@example.com\"}";
    long[] ids = new long[2];
    String[] bases = {A, b};
    for (int i = 0; i < 2; i++) {
      Response r =
          given()
              .auth()
              .oauth2(token)
              .header("Idempotency-Key", key)
              .contentType(ContentType.JSON)
              .body(body)
              .post(bases[i] + "/api/leads");
      assertThat(r.statusCode()).isEqualTo(201);
      ids[i] = r.jsonPath().getLong("id");
    }
    assertThat(ids[1]).isEqualTo(ids[0]);
    assertThat(count("select count(*) from lead where email = ?", key + "@example.com"))
        .isEqualTo(1);
  }

  @Test
  void theFormsRateLimitCountsBothInstances() {
    // four a minute from one address: two through each instance, then the fifth is refused
    String[] bases = {A, b, A, b, b};
    for (int i = 0; i < bases.length; i++) {
      int status =
          given()
              .redirects()
              .follow(false)
              .header("Accept-Language", "en")
              .formParam("firstName", "Rae")
              .formParam("lastName", "Limit")
              .formParam("email", "limit-" + i + "-" + UUID.randomUUID() + "@example.com")
              .post(bases[i] + "/f/sea-b")
              .statusCode();
      assertThat(status).as("submission " + (i + 1)).isEqualTo(i < 4 ? 303 : 429);
    }
  }

  @Test
  void aDisabledUserIsRefusedByEveryInstance() throws Exception {
    String rita = FaultsSupport.signIn("rita");
    given().header("Cookie", rita).get(b + "/sales/today").then().statusCode(200);
    // disabled through instance A's Users page, which writes the member row (and Keycloak)
    update("update member set enabled = false where username = 'rita'");
    try {
      for (String base : new String[] {A, b}) {
        Await.until(
            "rita refused by " + base,
            Duration.ofSeconds(30),
            () -> given().header("Cookie", rita).get(base + "/sales/today").statusCode() == 403);
      }
    } finally {
      update("update member set enabled = true where username = 'rita'");
    }
  }

  @Test
  void aStageAddedOnOneInstanceShowsOnTheOther() throws Exception {
    String sam = FaultsSupport.signIn("sam");
    String ada = FaultsSupport.signIn("ada");
    String label = "Legal review " + UUID.randomUUID().toString().substring(0, 6);
    // instance B has the stages in memory
    given().header("Cookie", sam).get(b + "/sales/pipeline").then().statusCode(200);
    String token =
        given()
            .header("Cookie", ada)
            .get(A + "/admin/settings")
            .then()
            .statusCode(200)
            .extract()
            .cookie("csrf-token");
    given()
        .header("Cookie", ada + "; csrf-token=" + token)
        .redirects()
        .follow(false)
        .formParam("label", label)
        .formParam("position", "35")
        .formParam("probability", "60")
        .formParam("kind", "open")
        .formParam("csrf-token", token)
        .post(A + "/admin/settings/stages")
        .then()
        .statusCode(303);
    Await.until(
        "the new stage on instance B's board",
        Duration.ofSeconds(30),
        () -> given().header("Cookie", sam).get(b + "/sales/pipeline").asString().contains(label));
  }

  private static long count(String sql, String param) {
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl("loop"), PostgresServer.USER, PostgresServer.PASSWORD);
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, param);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(String sql) throws java.sql.SQLException {
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl("loop"), PostgresServer.USER, PostgresServer.PASSWORD);
        PreparedStatement s = c.prepareStatement(sql)) {
      s.executeUpdate();
    }
  }
}
