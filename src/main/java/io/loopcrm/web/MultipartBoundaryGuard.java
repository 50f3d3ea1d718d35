package io.loopcrm.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * A multipart body must say its boundary (RFC 2046: 1 to 70 characters of a small alphabet) before
 * anything parses it: the form parser of RESTEasy Reactive fails with an index error on an empty or
 * unterminated quoted boundary, which would answer 500. Such a request is answered 400 here.
 */
@ApplicationScoped
public class MultipartBoundaryGuard {
  private static final Pattern BOUNDARY =
      Pattern.compile(
          "(?i)^multipart/[a-z0-9.+-]+\\s*;.*\\bboundary=(\"[0-9a-z'()+_,./:=? -]{0,69}[0-9a-z'()+_,./:=?-]\"|[0-9a-z'()+_,./:=?-]{1,70})\\s*(;.*)?$");

  @Inject ErrorPages pages;

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 3)
        .handler(
            ctx -> {
              String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
              if (type != null && !readable(type)) {
                ctx.response()
                    .setStatusCode(400)
                    .putHeader(
                        HttpHeaders.CONTENT_TYPE,
                        ErrorPages.isApi(ctx) ? "application/json" : "text/html;charset=UTF-8")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(ErrorPages.isApi(ctx) ? "{\"status\":400}" : pages.html(ctx, 400, null));
                return;
              }
              ctx.next();
            });
  }

  /** Whether a Content-Type is not multipart, or multipart with a boundary the parser can use. */
  static boolean readable(String contentType) {
    String t = contentType.trim();
    if (!t.regionMatches(true, 0, "multipart/", 0, 10)) {
      return true;
    }
    return BOUNDARY.matcher(t).matches();
  }
}
