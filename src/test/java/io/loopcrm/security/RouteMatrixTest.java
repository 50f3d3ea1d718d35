package io.loopcrm.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopcrm.security.RouteMatrix.Identity;
import io.loopcrm.security.RouteMatrix.Row;
import io.loopcrm.testing.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Route × identity: every route of the running application, as each identity, against the outcome
 * {@code security/route-matrix.txt} expects. The human identities are {@code @TestSecurity} users
 * (the pages' own checks); anonymous and the integration client go through the real sign-in and a
 * real Keycloak token. Posts carry a valid CSRF token here; {@code CsrfTest} takes it away.
 */
@QuarkusTest
class RouteMatrixTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The state-changing routes whose CSRF check some identity has tried (see csrfCoverage). */
  static final Set<String> CSRF_CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Test
  @TestSecurity(user = MatrixRecords.ADMIN, roles = "admin")
  void everyRouteOfTheRunningApplicationHasARow() throws Exception {
    JsonNode api =
        JSON.readTree(
            given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    Set<String> running = new TreeSet<>();
    api.path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> running.add(m.toUpperCase() + " " + p.getKey())));
    Set<String> listed = new TreeSet<>();
    RouteMatrix.rows().forEach(r -> assertThat(listed.add(r.key())).as(r.key()).isTrue());
    Set<String> missing = new TreeSet<>(running);
    missing.removeAll(listed);
    Set<String> gone = new TreeSet<>(listed);
    gone.removeAll(running);
    assertThat(missing).as("routes without a row in route-matrix.txt").isEmpty();
    assertThat(gone).as("rows of route-matrix.txt for routes that no longer exist").isEmpty();
    assertThat(running).hasSizeGreaterThan(100);
  }

  /** Runs last in name order among the identities' checks only by accident: so it checks itself. */
  @org.junit.jupiter.api.AfterAll
  static void csrfCoverage() {
    if (CSRF_CHECKED.isEmpty()) {
      return; // only some of the identities ran (a single test method was asked for)
    }
    Set<String> forms = new TreeSet<>();
    RouteMatrix.rows().stream().filter(Row::needsCsrf).forEach(r -> forms.add(r.key()));
    forms.removeAll(CSRF_CHECKED);
    assertThat(forms)
        .as("state-changing routes no identity could try without a CSRF token")
        .isEmpty();
  }

  @Test
  void anonymous() throws Exception {
    check(Identity.ANON, null);
  }

  @Test
  @TestSecurity(user = MatrixRecords.REP, roles = "sales")
  void salesRep() throws Exception {
    check(Identity.REP, null);
  }

  @Test
  @TestSecurity(user = MatrixRecords.OTHER, roles = "sales")
  void aRepOfAnotherTeam() throws Exception {
    check(Identity.OTHER, null);
  }

  @Test
  @TestSecurity(
      user = MatrixRecords.MANAGER,
      roles = {"sales", "sales-manager"})
  void theRepsManager() throws Exception {
    check(Identity.MANAGER, null);
  }

  @Test
  @TestSecurity(user = MatrixRecords.OPS, roles = "operations")
  void operations() throws Exception {
    check(Identity.OPS, null);
  }

  @Test
  @TestSecurity(user = MatrixRecords.ADMIN, roles = "admin")
  void admin() throws Exception {
    check(Identity.ADMIN, null);
  }

  @Test
  void integrationClient() throws Exception {
    check(Identity.CLIENT, clientToken());
  }

  /** A real token of the demo realm's integration client (client credentials). */
  static String clientToken() {
    return io.loopcrm.api.ApiLeadsTest.token();
  }

  private static void check(Identity who, String bearer) throws Exception {
    Map<String, String> records = MatrixRecords.make();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Row row : RouteMatrix.rows()) {
      String url = url(row, records);
      Response r = request(row, records, bearer, true).request(row.method(), url);
      String outcome = outcome(r);
      checked++;
      String expected = row.expect().get(who);
      if (row.needsCsrf() && (expected.equals("ok") || expected.equals("404"))) {
        // the same post without the CSRF token, and with a token other than the cookie's
        for (boolean forged : new boolean[] {false, true}) {
          RequestSpecification spec = request(row, records, bearer, false);
          if (forged) {
            spec = spec.cookie("csrf-token", Csrf.token());
            spec =
                "multipart".equals(row.args().get("as"))
                    ? spec.multiPart("csrf-token", Csrf.token())
                    : spec.formParam("csrf-token", Csrf.token());
          }
          int status = spec.request(row.method(), url).statusCode();
          if (status != 400) {
            wrong.add(
                row.method()
                    + " "
                    + url
                    + (forged ? " with a forged" : " without a")
                    + " CSRF token: expected 400, got "
                    + status);
          }
          CSRF_CHECKED.add(row.key());
        }
      }
      if (row.method().equals("GET") && r.statusCode() == 200) {
        wrong.addAll(policyBreaches(url, r));
      }
      if (!outcome.equals(row.expect().get(who))) {
        wrong.add(
            row.method()
                + " "
                + url
                + ": expected "
                + row.expect().get(who)
                + ", got "
                + outcome
                + " ("
                + r.statusCode()
                + (r.header("Location") == null ? "" : " to " + r.header("Location"))
                + ")");
      }
    }
    assertThat(wrong).as(who + ": routes whose outcome differs from route-matrix.txt").isEmpty();
    assertThat(checked).isEqualTo(RouteMatrix.rows().size());
  }

  /**
   * What in a page its own content security policy would refuse (an inline style, a style or script
   * element without a source, an event handler attribute), and a page with more than one policy or
   * a frame header its policy contradicts: browsers enforce every policy they get.
   */
  static List<String> policyBreaches(String url, Response r) {
    List<String> out = new ArrayList<>();
    List<String> policies = r.headers().getValues("Content-Security-Policy");
    if (policies.size() != 1) {
      out.add("GET " + url + ": " + policies.size() + " Content-Security-Policy headers");
    } else if (policies.get(0).contains("frame-ancestors *")
        == (r.header("X-Frame-Options") != null)) {
      out.add(
          "GET "
              + url
              + ": X-Frame-Options "
              + r.header("X-Frame-Options")
              + " with "
              + policies.get(0));
    }
    String type = r.contentType();
    if (type == null || !type.startsWith("text/html")) {
      return out;
    }
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(r.asString());
    for (org.jsoup.nodes.Element e : page.getAllElements()) {
      if (e.hasAttr("style")) {
        out.add("GET " + url + ": inline style on <" + e.tagName() + " id=" + e.id() + ">");
      }
      if (e.tagName().equals("style")
          || (e.tagName().equals("script")
              && e.attr("src").isEmpty()
              && !e.attr("type").contains("json"))) {
        out.add("GET " + url + ": inline <" + e.tagName() + ">");
      }
      String action = e.tagName().equals("form") ? e.attr("action") : e.attr("formaction");
      if (action.matches(".*/(delete|remove)")
          && !e.hasAttr("data-confirm")
          && (e.closest("form") == null || !e.closest("form").hasAttr("data-confirm"))) {
        out.add("GET " + url + ": " + action + " does not ask before it deletes");
      }
      for (org.jsoup.nodes.Attribute a : e.attributes()) {
        if (a.getKey().startsWith("on")) {
          out.add("GET " + url + ": handler " + a.getKey() + " on <" + e.tagName() + ">");
        }
      }
    }
    return out;
  }

  /** The row's path with its records' ids in place of the parameters. */
  static String url(Row row, Map<String, String> records) {
    String url = row.path();
    for (Map.Entry<String, String> a : row.args().entrySet()) {
      url = url.replace("{" + a.getKey() + "}", value(a.getValue(), records));
    }
    return url;
  }

  private static String value(String name, Map<String, String> records) {
    return records.getOrDefault(name, name);
  }

  /** The request as the identity's browser or client sends it, with or without a valid token. */
  static RequestSpecification request(
      Row row, Map<String, String> records, String bearer, boolean csrf) {
    RequestSpecification spec = given().redirects().follow(false);
    if (bearer != null) {
      spec = spec.header("Authorization", "Bearer " + bearer);
    }
    boolean multipart = "multipart".equals(row.args().get("as"));
    for (Map.Entry<String, String> a : row.args().entrySet()) {
      String v = value(a.getValue(), records);
      if (a.getKey().startsWith("?")) {
        spec = spec.queryParam(a.getKey().substring(1), v);
      } else if (a.getKey().startsWith("+")) {
        spec = spec.formParam(a.getKey().substring(1), v);
      }
    }
    if (!row.changesState()) {
      return spec;
    }
    if (row.api()) {
      return spec.contentType("application/json").body("{}");
    }
    String token = Csrf.token();
    if (multipart) {
      spec = spec.multiPart("note", "matrix");
      return csrf ? spec.cookie("csrf-token", token).multiPart("csrf-token", token) : spec;
    }
    spec = spec.contentType("application/x-www-form-urlencoded");
    return csrf ? spec.cookie("csrf-token", token).formParam("csrf-token", token) : spec;
  }

  /** What the answer means for access: ok, in (to sign in), 403, 404, or 5xx (never right). */
  static String outcome(Response r) {
    int status = r.statusCode();
    if (status >= 500) {
      return "5xx";
    }
    if (status == 401) {
      return "in";
    }
    String location = r.header("Location");
    if ((status == 302 || status == 303)
        && location != null
        && location.contains("/protocol/openid-connect/auth")) {
      return "in";
    }
    if (status == 403 || status == 404) {
      return Integer.toString(status);
    }
    return "ok";
  }
}
