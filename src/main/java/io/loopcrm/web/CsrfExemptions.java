package io.loopcrm.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF protection guards requests a browser authenticates by itself with a cookie. Two kinds of
 * posts have nothing to guard: the JSON API under {@code /api}, authenticated only by a bearer
 * token (its OIDC tenant never reads cookies) that no browser attaches on its own; and the public
 * web-to-lead form {@code /f/{code}}, which anyone may post anonymously and which must work inside
 * an iframe on another site, where browsers may withhold our cookies. quarkus-rest-csrf has no
 * per-path exclusion, so these requests get a matching one-time token pair before it runs.
 */
public class CsrfExemptions {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject RoutingContext routing;

  /**
   * A CSRF cookie that cannot be one of ours (16 random bytes, 22 characters of base64url: a cookie
   * from an older version, or one a script or proxy mangled) is dropped from the request, so the
   * CSRF filter issues a fresh one instead of answering every page with an empty 400.
   */
  @ServerRequestFilter(preMatching = true)
  public void malformedCsrfCookieIsReplaced() {
    Cookie cookie = routing.request().getCookie("csrf-token");
    if (cookie != null && !cookie.getValue().matches("[A-Za-z0-9_-]{22}")) {
      routing.removeCookie("csrf-token", false);
    }
  }

  @ServerRequestFilter(preMatching = true)
  public void bearerRequestsNeedNoCsrfToken(ContainerRequestContext request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return;
    }
    String path = routing.normalizedPath();
    String auth = request.getHeaderString("Authorization");
    boolean bearerApi =
        path.startsWith("/api/") && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
    boolean publicForm = path.matches("/f/[A-Za-z0-9_-]{1,32}");
    if (!bearerApi && !publicForm) {
      return;
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    request.getHeaders().putSingle("X-CSRF-TOKEN", token);
    routing
        .response()
        .addCookie(
            Cookie.cookie("csrf-token", token).setPath("/api").setMaxAge(0).setHttpOnly(true));
  }
}
