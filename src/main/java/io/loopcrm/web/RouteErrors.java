package io.loopcrm.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
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
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (failure instanceof ForbiddenException) {
      status = 403;
    } else if (failure instanceof AuthenticationFailedException) {
      status = 401;
    }
    if (status == 401 && ErrorPages.isApi(ctx)) {
      ctx.next();
      return;
    }
    String reference = null;
    if (status >= 500) {
      reference = ErrorPages.newReference();
      LOG.errorf(failure, "request failed, reference %s, on %s", reference, ctx.normalizedPath());
    }
    write(ctx, status, reference);
  }

  private void write(RoutingContext ctx, int status, String reference) {
    String contentType = ErrorPages.isApi(ctx) ? "application/json" : "text/html;charset=UTF-8";
    String body =
        ErrorPages.isApi(ctx) ? "{\"status\":" + status + "}" : pages.html(ctx, status, reference);
    ctx.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
  }
}
