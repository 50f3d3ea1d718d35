package io.loopcrm.web;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * While Keycloak cannot be reached, a new sign-in gets the branded "sign-in did not work" page
 * instead of a redirect to a server that does not answer (the browser would show its own connection
 * error). People already signed in are not affected: their session cookie carries tokens the
 * application checks with keys it already holds. Keycloak is probed every few seconds from a worker
 * thread, so no request waits for the probe.
 */
@ApplicationScoped
public class SignInAvailability {
  static final String PAGE = "/sign-in-unavailable";
  private static final Logger LOG = Logger.getLogger(SignInAvailability.class);

  @ConfigProperty(name = "quarkus.oidc.auth-server-url")
  String authServer;

  @Inject ErrorPages pages;

  private volatile boolean reachable = true;

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 1)
        .handler(
            ctx -> {
              if (!reachable) {
                ctx.addHeadersEndHandler(ignored -> insteadOfKeycloak(ctx.response()));
              }
              ctx.next();
            });
    router
        .get(PAGE)
        .handler(
            ctx ->
                ctx.response()
                    .setStatusCode(503)
                    .putHeader("Content-Type", "text/html;charset=UTF-8")
                    .putHeader("Retry-After", "30")
                    .end(pages.html(ctx, 503, "error_401", null)));
  }

  /** A redirect to Keycloak's sign-in becomes one to the branded page. */
  private void insteadOfKeycloak(HttpServerResponse response) {
    String location = response.headers().get("Location");
    if (response.getStatusCode() / 100 == 3
        && location != null
        && location.startsWith(authServer)) {
      response.setStatusCode(303);
      response.headers().set("Location", PAGE);
    }
  }

  @Scheduled(every = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void probe() {
    boolean now = answers(URI.create(authServer));
    if (now != reachable) {
      LOG.infof("Keycloak at %s is %s", authServer, now ? "reachable again" : "unreachable");
    }
    reachable = now;
  }

  private static boolean answers(URI server) {
    int port =
        server.getPort() > 0 ? server.getPort() : "https".equals(server.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.getHost(), port), 1_000);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
