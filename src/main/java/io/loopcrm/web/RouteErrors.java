package io.loopcrm.web;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Branded pages for what happens outside JAX-RS: unknown paths, and failures of the HTTP layer such
 * as a sign-in that cannot reach Keycloak.
 */
@ApplicationScoped
public class RouteErrors {
  private static final Logger LOG = Logger.getLogger(RouteErrors.class);

  @Inject ErrorPages pages;

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
  }

  private void failure(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.next();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof AuthenticationRedirectException
        || failure instanceof AuthenticationFailedException
        || failure instanceof UnauthorizedException) {
      // sign-in challenges and redirects: Quarkus answers them (a Keycloak redirect, or 401 for
      // /api)
      ctx.next();
      return;
    }
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (unreadableBody(failure)) {
      // a multipart body cut short or without its boundary: the sender's mistake, not ours
      status = 400;
    } else if (failure instanceof ForbiddenException) {
      status = 403;
    } else if (failure instanceof AuthenticationCompletionException) {
      status = 401;
    }
    String reference = null;
    if (status >= 500) {
      reference = ErrorPages.newReference();
      LOG.errorf(failure, "request failed, reference %s, on %s", reference, ctx.normalizedPath());
    }
    write(ctx, status, reference);
  }

  /**
   * Whether the request's body could not be parsed: the multipart parser fails with an IOException
   * (a body ended early, a missing or wrong boundary) or its MalformedMessageException.
   */
  static boolean unreadableBody(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException
          || t.getClass().getSimpleName().equals("MalformedMessageException")) {
        return true;
      }
    }
    return false;
  }

  private void write(RoutingContext ctx, int status, String reference) {
    String contentType = ErrorPages.isApi(ctx) ? "application/json" : "text/html;charset=UTF-8";
    String body =
        ErrorPages.isApi(ctx) ? "{\"status\":" + status + "}" : pages.html(ctx, status, reference);
    ctx.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
  }
}
