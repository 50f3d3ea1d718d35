package io.loopcrm.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Two rules for every answer, set when its headers are written: what a signed-in person sees (a
 * page, a fragment, a CSV download) is never kept by a browser's or a proxy's cache ({@code
 * Cache-Control: no-store}, unless the answer says otherwise); and a redirect to this site names a
 * path, not the host the request's {@code Host} header claimed, so a forged header cannot send
 * anyone elsewhere.
 */
@ApplicationScoped
public class PrivateAnswers {
  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(ignored -> rules(ctx));
    ctx.next();
  }

  private static void rules(RoutingContext ctx) {
    var headers = ctx.response().headers();
    if (ctx.user() != null && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
      headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    String location = headers.get(HttpHeaders.LOCATION);
    String host = ctx.request().getHeader(HttpHeaders.HOST);
    if (location != null && host != null) {
      String path = ownPath(location, host);
      if (path != null) {
        headers.set(HttpHeaders.LOCATION, path);
      }
    }
  }

  /** The path of {@code location} when it is an absolute address on {@code host}, else null. */
  public static String ownPath(String location, String host) {
    for (String scheme : new String[] {"http://", "https://"}) {
      String prefix = scheme + host;
      if (location.regionMatches(true, 0, prefix, 0, prefix.length())) {
        String rest = location.substring(prefix.length());
        if (rest.isEmpty()) {
          return "/";
        }
        if (rest.startsWith("/") && !rest.startsWith("//")) {
          return rest;
        }
        if (rest.startsWith("?")) {
          return "/" + rest;
        }
      }
    }
    return null;
  }
}
