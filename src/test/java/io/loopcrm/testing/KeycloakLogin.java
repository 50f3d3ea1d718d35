package io.loopcrm.testing;

import io.loopcrm.stack.TestStack;
import io.restassured.RestAssured;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * Signs in through Keycloak's real login form (HtmlUnit, no JavaScript), or gets tokens by password
 * grant.
 */
public final class KeycloakLogin {
  public static final String PASSWORD = "demo";

  private KeycloakLogin() {}

  /**
   * The {@code @QuarkusTest}'s app, on the free port it was given, addressed by the loopback IP
   * literal: the one host Keycloak redirects to at any port (RFC 8252), so the realm names no port.
   */
  public static String app() {
    return "http://127.0.0.1:"
        + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
  }

  /** A path of the tests' app, or a whole address (an integration test's packaged app) as it is. */
  private static String url(String pathOrAddress) {
    return pathOrAddress.startsWith("http") ? pathOrAddress : app() + pathOrAddress;
  }

  public static WebClient browser() {
    WebClient web = new WebClient();
    web.getOptions().setJavaScriptEnabled(false);
    web.getOptions().setCssEnabled(false);
    web.getOptions().setThrowExceptionOnFailingStatusCode(false);
    web.getOptions().setRedirectEnabled(true);
    return web;
  }

  /**
   * Opens {@code path} (or a whole address), which must lead to the Keycloak login form, and signs
   * in there.
   */
  public static Page signIn(WebClient web, String path, String username) throws IOException {
    HtmlPage login = web.getPage(url(path));
    return submit(login, username, PASSWORD);
  }

  /** Signs in with a given password (a new user's temporary one, for example). */
  public static Page signIn(WebClient web, String path, String username, String password)
      throws IOException {
    HtmlPage login = web.getPage(url(path));
    return submit(login, username, password);
  }

  /**
   * Answers Keycloak's "update password" form, which a temporary password leads to, and returns the
   * page it lands on; any other page is returned as it is.
   */
  public static Page updatePasswordIfAsked(Page page, String newPassword) throws IOException {
    if (!(page instanceof HtmlPage html) || html.getElementById("kc-passwd-update-form") == null) {
      return page;
    }
    HtmlForm form = (HtmlForm) html.getElementById("kc-passwd-update-form");
    form.getInputByName("password-new").type(newPassword);
    form.getInputByName("password-confirm").type(newPassword);
    HtmlElement submit = (HtmlElement) form.getFirstByXPath(".//*[@type='submit']");
    return submit.click();
  }

  public static boolean isLoginForm(Page page) {
    return page instanceof HtmlPage html && html.getElementById("kc-form-login") != null;
  }

  public static Page submit(HtmlPage login, String username, String password) throws IOException {
    if (!isLoginForm(login)) {
      throw new AssertionError("expected Keycloak's login form, got " + login.getUrl());
    }
    HtmlForm form = (HtmlForm) login.getElementById("kc-form-login");
    form.getInputByName("username").type(username);
    form.getInputByName("password").type(password);
    try {
      return ((HtmlElement) login.getElementById("kc-login")).click();
    } catch (FailingHttpStatusCodeException e) {
      return e.getResponse() == null ? null : login;
    }
  }

  /** An access token for {@code username} by the password grant. */
  public static String accessToken(String username) {
    return RestAssured.given()
        .formParam("grant_type", "password")
        .formParam("client_id", "loop-app")
        .formParam("client_secret", TestStack.CLIENT_SECRET)
        .formParam("username", username)
        .formParam("password", PASSWORD)
        .post(TestStack.get().realmUrl() + "/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }
}
