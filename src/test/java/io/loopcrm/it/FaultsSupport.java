package io.loopcrm.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.testing.KeycloakLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What {@link FaultsIT} does as its people do it: sign in, look at a page, and write down figures.
 */
final class FaultsSupport {
  static final String BASE = PackagedEnv.APP;
  static final Path REPORT = Path.of("target/reliability/faults.txt");

  private FaultsSupport() {}

  /** Opens {@code path} in {@code lang}, expects {@code text} in its heading, takes a picture. */
  static void shows(WebDriver browser, String path, String lang, String text, String png)
      throws Exception {
    browser.get(BASE + "/signed-out");
    browser.manage().addCookie(new Cookie(io.loopcrm.web.RequestLocale.COOKIE, lang));
    browser.get(BASE + path);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    PackagedAppIT.screenshot(browser, png);
  }

  /** Sign-in cookies of {@code user}, through Keycloak's real login form. */
  static String signIn(String user) throws Exception {
    try (WebClient web = KeycloakLogin.browser()) {
      org.htmlunit.Page page = KeycloakLogin.signIn(web, BASE + "/", user);
      assertThat(page.getWebResponse().getStatusCode())
          .as(
              () ->
                  "signed in: " + page.getUrl() + " " + page.getWebResponse().getContentAsString())
          .isEqualTo(200);
      // the tests send CSRF tokens of their own
      return web.getCookieManager().getCookies().stream()
          .filter(c -> !c.getName().equals("csrf-token"))
          .map(c -> c.getName() + "=" + c.getValue())
          .collect(Collectors.joining("; "));
    }
  }

  /** A token of the integration client, from Keycloak at {@code realm} (as the app reaches it). */
  static String integrationToken(String realm) {
    return given()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", "loop-integration")
        .formParam("client_secret", "loop-integration-demo-secret")
        .post(realm + "/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  static String byKind(List<Traffic.Answer> answers) {
    return answers.stream()
        .collect(
            Collectors.groupingBy(
                Traffic.Answer::kind, java.util.TreeMap::new, Collectors.counting()))
        .toString();
  }

  static void report(String format, Object... args) throws Exception {
    String line = String.format(java.util.Locale.ROOT, format, args);
    System.out.println("[faults] " + line);
    Files.writeString(REPORT, line + "\n", java.nio.file.StandardOpenOption.APPEND);
  }
}
