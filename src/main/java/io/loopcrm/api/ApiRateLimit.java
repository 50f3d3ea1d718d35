package io.loopcrm.api;

import io.loopcrm.common.LoopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A client's requests to {@code /api} per minute, counted on each instance (a fixed window per
 * minute): past {@code loop.api.requests-per-minute} it gets 429 as problem details, with the
 * seconds until the next minute in Retry-After, and the request is not handled.
 */
@ApplicationScoped
public class ApiRateLimit {
  @Inject LoopConfig config;
  @Inject Clock clock;

  private record Window(long minute, AtomicInteger count) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public Response limit(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("/api/")) {
      return null;
    }
    Principal who = request.getSecurityContext().getUserPrincipal();
    if (who == null) {
      return null;
    }
    long now = clock.millis();
    long minute = now / 60_000;
    Window w =
        windows.compute(
            who.getName(),
            (k, old) ->
                old == null || old.minute() != minute
                    ? new Window(minute, new AtomicInteger())
                    : old);
    if (w.count().incrementAndGet() <= config.api().requestsPerMinute()) {
      if (windows.size() > 10_000) {
        windows.values().removeIf(x -> x.minute() != minute);
      }
      return null;
    }
    long wait = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
    return new ApiProblem(
            429,
            "Too many requests",
            "This client sent more than "
                + config.api().requestsPerMinute()
                + " requests this minute; retry after "
                + wait
                + " seconds.",
            Map.of())
        .toResponse(Long.toString(wait));
  }
}
