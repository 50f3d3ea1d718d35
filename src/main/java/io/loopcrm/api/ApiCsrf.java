package io.loopcrm.api;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF protection guards requests a browser authenticates by itself with a cookie. The JSON API
 * under {@code /api} authenticates only by a bearer token (its OIDC tenant never reads cookies),
 * which no browser attaches on its own; quarkus-rest-csrf has no per-path exclusion, so such a
 * request gets a matching one-time token pair before the CSRF filter runs.
 */
public class ApiCsrf {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject RoutingContext routing;

  @ServerRequestFilter(preMatching = true)
  public void bearerRequestsNeedNoCsrfToken(ContainerRequestContext request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return;
    }
    String path = routing.normalizedPath();
    String auth = request.getHeaderString("Authorization");
    if (!path.startsWith("/api/")
        || auth == null
        || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
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
