package io.loopcrm.capture;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The public form's body limit, checked on the declared length before anything is read or parsed: a
 * visitor's submission is a few kilobytes, so a post to {@code /f/...} over {@value #LIMIT} bytes
 * is answered 413, and one that does not say its length (chunked) 411. Browsers always send the
 * length of a form. The other routes keep the application's limit (imports need 100 MB).
 */
@ApplicationScoped
public class FormBodyLimit {
  static final long LIMIT = 32 * 1024;

  @Inject io.loopcrm.web.ErrorPages pages;

  void install(@Observes Router router) {
    router
        .postWithRegex("/f/.*")
        .order(Integer.MIN_VALUE + 2)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              long declared;
              try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
              } catch (NumberFormatException e) {
                declared = -1;
              }
              int status = declared < 0 ? 411 : declared > LIMIT ? 413 : 0;
              if (status == 0) {
                ctx.next();
                return;
              }
              ctx.response()
                  .setStatusCode(status)
                  .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                  .putHeader(HttpHeaders.CONNECTION, "close")
                  .end(pages.html(ctx, status, "error_413", null));
            });
  }
}
