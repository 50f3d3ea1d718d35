package io.loopcrm.web;

import io.quarkus.security.ForbiddenException;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns exceptions from resources into the branded error pages. */
public class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  @Inject ErrorPages pages;
  @Inject RoutingContext routing;

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return pages.response(routing, 404, null);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return pages.response(routing, 403, null);
  }

  @ServerExceptionMapper
  public Response conflict(OptimisticLockException e) {
    return pages.response(routing, 409, null);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status < 400 || status == 401) {
      return e.getResponse();
    }
    return pages.response(routing, status, null);
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    String reference = ErrorPages.newReference();
    LOG.errorf(e, "unexpected error, reference %s, on %s", reference, routing.normalizedPath());
    return pages.response(routing, 500, reference);
  }
}
