package io.loopcrm.web;

import io.loopcrm.common.Causes;
import io.loopcrm.common.NotFound;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
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

  /**
   * Asks the sign-in mechanism for its challenge (for pages, the redirect to Keycloak), as Quarkus
   * does; when there is none, because Keycloak cannot be reached, shows the branded 401 page.
   */
  @ServerExceptionMapper
  public Uni<Response> unauthorized(UnauthorizedException e) {
    HttpAuthenticator authenticator = routing.get(HttpAuthenticator.class.getName());
    Uni<ChallengeData> challenge =
        authenticator == null ? Uni.createFrom().nullItem() : authenticator.getChallenge(routing);
    return challenge
        .map(c -> c == null ? signInFailed() : fromChallenge(c))
        .onFailure()
        .recoverWithItem(failure -> signInFailed());
  }

  private Response fromChallenge(ChallengeData challenge) {
    Response.ResponseBuilder response = Response.status(challenge.status);
    challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
    return response.build();
  }

  private Response signInFailed() {
    LOG.warnf(
        "no sign-in challenge available for %s: is Keycloak reachable?", routing.normalizedPath());
    return pages.response(routing, 401, null);
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return pages.response(routing, 404, null);
  }

  /** The domain's "no such record, or not yours to see". */
  @ServerExceptionMapper
  public Response notFound(NotFound e) {
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
    if (tooManyFields(e)) {
      // more fields than any form has (quarkus.http.limits.max-parameters): refused, nothing read
      return pages.response(routing, 413, null);
    }
    if (changedMeanwhile(e)) {
      // found when the transaction commits (another save, a rescoring): the conflict page
      return pages.response(routing, 409, null);
    }
    if (Causes.databaseUnreachable(e)) {
      // nothing to log with a reference: the database is down or restarting, and says so itself
      LOG.warnf("database unreachable on %s: %s", routing.normalizedPath(), e.getMessage());
      return Response.fromResponse(pages.response(routing, 503, null))
          .header("Retry-After", "5")
          .build();
    }
    String reference = ErrorPages.newReference();
    LOG.errorf(e, "unexpected error, reference %s, on %s", reference, routing.normalizedPath());
    return pages.response(routing, 500, reference);
  }

  /**
   * Whether the form parser refused a body with more fields than the limit: it throws a plain
   * RuntimeException that only its message tells apart ({@code HostileBodyTest} pins it).
   */
  static boolean tooManyFields(RuntimeException e) {
    return e.getClass() == RuntimeException.class
        && e.getMessage() != null
        && e.getMessage().startsWith("Param limit of ");
  }

  /** Whether a stale version caused {@code e}, however deep the commit wrapped it. */
  static boolean changedMeanwhile(Throwable e) {
    return Causes.any(
        e,
        t ->
            t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException);
  }
}
