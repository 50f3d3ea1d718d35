package io.loopcrm.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.loopcrm.people.Member;
import io.loopcrm.stack.TestStack;
import io.loopcrm.testing.KeycloakLogin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Authentication itself, through the real Keycloak login form. */
@QuarkusTest
class KeycloakLoginTest {

  @Test
  void anonymousPageRequestIsSentToKeycloak() {
    given()
        .redirects()
        .follow(false)
        .get("/")
        .then()
        .statusCode(302)
        .header(
            "Location", startsWith(TestStack.get().realmUrl() + "/protocol/openid-connect/auth"));
  }

  @ParameterizedTest
  @CsvSource({
    "sam, Sam Sales, Sales, /sales/today",
    "rita, Rita Rep, Sales, /sales/today",
    "max, Max Manager, Sales manager, /sales/today",
    "olga, Olga Ops, Operations, /",
    "ada, Ada Admin, Admin, /"
  })
  void eachDemoUserSignsInAndLandsOnTheirHome(
      String username, String name, String role, String home) throws Exception {
    try (WebClient web = KeycloakLogin.browser()) {
      Page landed = KeycloakLogin.signIn(web, "/", username);
      assertThat(landed.getUrl().toString()).isEqualTo(KeycloakLogin.app() + home);
      String html = ((HtmlPage) landed).asXml();
      assertThat(((HtmlPage) landed).getElementById("current-user").asNormalizedText())
          .contains(name);
      // the roles are in the person's menu, with the language and the sign-out
      assertThat(((HtmlPage) landed).getElementById("current-roles").getTextContent())
          .contains(role);
      assertThat(html).contains("action=\"/logout\"").contains("id=\"nav-links\"");
    }
  }

  @Test
  void signInRefreshesTheLocalMemberMirror() throws Exception {
    try (WebClient web = KeycloakLogin.browser()) {
      KeycloakLogin.signIn(web, "/", "max");
    }
    // the row exists now, from that sign-in or the first page; make it stale, as if Keycloak had
    // changed the person since: only a sign-in refreshes an existing row (pages find it as it is)
    long id = awaitMember(MAX, m -> m.lastLoginAt != null).id;
    Thread.sleep(1_000); // the first sign-in's refresh runs asynchronously: let it end
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Member stale = Member.findById(id);
              stale.displayName = "Stale Name";
              stale.email = "stale@loop.example";
              stale.replaceRoles(java.util.Set.of("sales"));
              stale.lastLoginAt = null;
            });
    try (WebClient web = KeycloakLogin.browser()) {
      KeycloakLogin.signIn(web, "/", "max");
    }
    Member member = awaitMember(MAX, m -> m.lastLoginAt != null);
    assertThat(member.displayName).isEqualTo("Max Manager");
    assertThat(member.email).isEqualTo("max@loop.example");
    assertThat(member.roleList()).containsExactly("sales", "sales-manager");
  }

  @Test
  void wrongRoleGetsTheBranded403() throws Exception {
    try (WebClient web = KeycloakLogin.browser()) {
      KeycloakLogin.signIn(web, "/", "olga");
      Page metrics = web.getPage(KeycloakLogin.app() + "/q/metrics");
      assertThat(metrics.getWebResponse().getStatusCode()).isEqualTo(403);
      assertThat(metrics.getWebResponse().getContentAsString()).contains("Not allowed");
    }
  }

  @Test
  void logoutEndsTheAppSessionAndTheKeycloakSession() throws Exception {
    try (WebClient web = KeycloakLogin.browser()) {
      HtmlPage today = (HtmlPage) KeycloakLogin.signIn(web, "/", "sam");

      // a GET (a link, an image on another site) does not sign out: it asks
      HtmlPage ask = web.getPage(KeycloakLogin.app() + "/logout");
      assertThat(ask.getElementById("sign-out-confirm")).isNotNull();
      assertThat(web.getPage(KeycloakLogin.app() + "/sales/today").getUrl().toString())
          .isEqualTo(KeycloakLogin.app() + "/sales/today");

      // a copy of the session cookie, as someone might have taken it
      java.util.Map<String, String> copied = new java.util.HashMap<>();
      web.getCookieManager().getCookies().stream()
          .filter(c -> c.getName().startsWith("q_session"))
          .forEach(c -> copied.put(c.getName(), c.getValue()));
      assertThat(copied).isNotEmpty();
      given()
          .redirects()
          .follow(false)
          .cookies(copied)
          .get(KeycloakLogin.app() + "/sales/today")
          .then()
          .statusCode(200);

      // the navbar's button posts with the CSRF token
      Page out = today.getHtmlElementById("logout").click();
      assertThat(out.getUrl().toString()).startsWith(KeycloakLogin.app() + "/signed-out");
      assertThat(out.getWebResponse().getContentAsString()).contains("You are signed out");
      assertThat(web.getCookieManager().getCookie("q_session")).isNull();

      // the copied cookie is over too, at once: it is sent to sign in, for pages and forms
      given()
          .redirects()
          .follow(false)
          .cookies(copied)
          .get(KeycloakLogin.app() + "/sales/today")
          .then()
          .statusCode(302)
          .header(
              "Location", startsWith(TestStack.get().realmUrl() + "/protocol/openid-connect/auth"));
      String csrf = io.loopcrm.testing.Csrf.token();
      given()
          .redirects()
          .follow(false)
          .cookies(copied)
          .cookie("csrf-token", csrf)
          .formParam("csrf-token", csrf)
          .formParam("lastName", "Stolen")
          .formParam("email", "stolen@cookie.example")
          .post(KeycloakLogin.app() + "/sales/leads/new")
          .then()
          .statusCode(302);

      // Keycloak asks for the password again: its single sign-on session is gone as well
      Page again = web.getPage(KeycloakLogin.app() + "/");
      assertThat(KeycloakLogin.isLoginForm(again)).isTrue();
    }
  }

  @Test
  void wrongPasswordStaysOnKeycloaksForm() throws Exception {
    try (WebClient web = KeycloakLogin.browser()) {
      HtmlPage login = web.getPage(KeycloakLogin.app() + "/");
      Page after = KeycloakLogin.submit(login, "sam", "not-the-password");
      assertThat(KeycloakLogin.isLoginForm(after)).isTrue();
      assertThat(after.getUrl().toString()).doesNotStartWith(KeycloakLogin.app());
    }
  }

  /** Max's subject in the demo realm (tests also make a "max" of their own, by another subject). */
  private static final String MAX = "5a1e5000-0000-4000-8000-000000000003";

  /** The member row of {@code subject} once {@code ready} holds (sign-in refreshes it async). */
  private static Member awaitMember(String subject, java.util.function.Predicate<Member> ready)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      Optional<Member> member =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    Optional<Member> m = Member.findBySubject(subject);
                    m.ifPresent(Member::roleList);
                    return m;
                  });
      if (member.isPresent() && ready.test(member.get())) {
        return member.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no refreshed member row for " + subject + " after sign-in");
  }
}
