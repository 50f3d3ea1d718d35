package io.loopcrm.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Branded error pages (401, 403, 404, 409, 500, 503) in the visitor's language. A stack trace is
 * only ever logged, under a reference the page shows, never sent to the browser. The JSON API gets
 * JSON.
 */
@ApplicationScoped
public class ErrorPages {
  private static final List<Integer> KNOWN = List.of(400, 401, 403, 404, 409, 413, 500, 503);

  @Inject
  @Location("error/page.html")
  Template page;

  /** The response for {@code status}; {@code reference} is the log reference of a 500, or null. */
  public Response response(RoutingContext routing, int status, String reference) {
    int shown = KNOWN.contains(status) ? status : (status >= 500 ? 500 : 404);
    if (isApi(routing)) {
      String body =
          "{\"status\":"
              + status
              + (reference == null ? "" : ",\"reference\":\"" + reference + "\"")
              + "}";
      return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html(routing, shown, reference))
        .build();
  }

  /** The page itself, for handlers outside JAX-RS. */
  public String html(RoutingContext routing, int status, String reference) {
    return html(routing, status, "error_" + status, reference);
  }

  /** The page for {@code status} with the texts of another ({@code keys}: "error_401", say). */
  public String html(RoutingContext routing, int status, String keys, String reference) {
    var instance =
        page.data("status", status)
            .data("titleKey", keys + "_title")
            .data("textKey", keys + "_text")
            .data("reference", reference);
    Locale locale = routing == null ? Locale.ENGLISH : localeOf(routing);
    return instance.data("langTag", locale.toLanguageTag()).setLocale(locale).render();
  }

  public static boolean isApi(RoutingContext routing) {
    return routing != null && routing.normalizedPath().startsWith("/api/");
  }

  public static String newReference() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static Locale localeOf(RoutingContext routing) {
    var chosen = routing.request().getCookie(RequestLocale.COOKIE);
    Locale locale = chosen == null ? null : RequestLocale.supported(chosen.getValue());
    if (locale != null) {
      return locale;
    }
    String header = routing.request().getHeader("Accept-Language");
    return header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("zh")
        ? Locale.SIMPLIFIED_CHINESE
        : Locale.ENGLISH;
  }
}
