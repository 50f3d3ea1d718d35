package io.loopcrm.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * A one-shot message carried across a Post/Redirect/Get in a short-lived cookie. It holds only a
 * message key and a level, never user text, so nothing user-controlled is echoed from the cookie.
 */
@Named("flash")
@RequestScoped
public class Flash {
  static final String COOKIE = "loop_flash";
  private static final Pattern VALID =
      Pattern.compile("(success|info|warning|danger):[a-z0-9_]{1,80}");

  @Inject RoutingContext routing;

  private String level;
  private String key;
  private boolean read;

  /** A redirect to {@code location} that shows message {@code key} on the next page. */
  public static Response redirect(URI location, String level, String key) {
    return Response.seeOther(location).cookie(cookie(level, key)).build();
  }

  /**
   * The same for a request htmx sent, which is sent on by {@code HX-Redirect} (a 303 would be
   * followed inside the request and its page swapped into the part that asked).
   */
  public static Response redirect(URI location, String level, String key, boolean htmx) {
    return htmx
        ? Response.ok()
            .header("HX-Redirect", location.toString())
            .cookie(cookie(level, key))
            .build()
        : redirect(location, level, key);
  }

  private static NewCookie cookie(String level, String key) {
    return new NewCookie.Builder(COOKIE)
        .value(level + ":" + key)
        .path("/")
        .maxAge(60)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }

  public boolean isPresent() {
    load();
    return key != null;
  }

  public String getLevel() {
    load();
    return level;
  }

  public String getKey() {
    load();
    return key;
  }

  private void load() {
    if (read) {
      return;
    }
    read = true;
    Cookie cookie = routing.request().getCookie(COOKIE);
    if (cookie != null && VALID.matcher(cookie.getValue()).matches()) {
      String[] parts = cookie.getValue().split(":", 2);
      level = parts[0];
      key = parts[1];
    }
    if (cookie != null) {
      routing
          .response()
          .addCookie(
              Cookie.cookie(COOKIE, "")
                  .setPath("/")
                  .setMaxAge(0)
                  .setHttpOnly(true)
                  .setSameSite(CookieSameSite.LAX));
    }
  }
}
