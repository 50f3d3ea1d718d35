package io.loopcrm.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The content security policy of every answer, and who may frame it, set once when its headers are
 * written: an answer that brings its own policy keeps it (the public form, {@link #EMBEDDABLE});
 * every other gets {@link #PAGES}. {@code X-Frame-Options: DENY} goes with a policy that forbids
 * framing and never with one that allows it: browsers enforce every policy and header they get, so
 * a second, stricter one would refuse the form on the partner sites it is made for.
 */
@ApplicationScoped
public class ContentPolicy {
  static final String HEADER = "Content-Security-Policy";

  /** Pages: our own scripts, styles and images only; no inline code; never in a frame. */
  public static final String PAGES =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

  /** The public form, which any site may embed; it posts to us. */
  public static final String EMBEDDABLE =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'self'; form-action 'self' https: http:;"
          + " frame-ancestors *";

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 2).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(ignored -> apply(ctx));
    ctx.next();
  }

  private static void apply(RoutingContext ctx) {
    var headers = ctx.response().headers();
    String policy = headers.get(HEADER);
    if (policy == null) {
      policy = PAGES;
      headers.set(HEADER, policy);
    }
    if (policy.contains("frame-ancestors 'none'")) {
      headers.set("X-Frame-Options", "DENY");
    } else {
      headers.remove("X-Frame-Options");
    }
  }
}
