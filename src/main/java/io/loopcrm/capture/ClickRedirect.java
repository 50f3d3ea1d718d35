package io.loopcrm.capture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a tracking link does once it knows its variant: records the click (campaign, variant, UTM,
 * referrer, time, visitor) and redirects to the variant's landing URL with UTM parameters added. It
 * redirects only to that configured URL, whatever the request says. The click is kept in the next
 * batch ({@link ClickLog}) before the redirect goes out.
 */
@ApplicationScoped
public class ClickRedirect {
  @Inject ClickLog clicks;
  @Inject ClickQuality quality;
  @Inject java.time.Clock clock;

  @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
  boolean secureCookies;

  /** What the request brought: UTM parameters, referrer, visitor cookie, address and agent. */
  public record Request(
      String utmSource,
      String utmMedium,
      String utmCampaign,
      String referrer,
      String visitor,
      String address,
      String userAgent) {}

  @Inject io.vertx.ext.web.RoutingContext routing;

  boolean secureCookies() {
    return secureCookies;
  }

  /** The client's address (the forwarded one behind a trusted proxy). */
  String clientAddress() {
    var address = routing.request().remoteAddress();
    return address == null ? null : address.hostAddress();
  }

  /** The click on {@code target} recorded and the redirect, with {@code extra} cookies set. */
  CompletionStage<Response> follow(
      TrackingCodes.Target target, Request request, NewCookie... extra) {
    UUID visitor = Visitor.of(request.visitor());
    boolean newVisitor = visitor == null;
    if (newVisitor) {
      visitor = UUID.randomUUID();
    }
    String source = clip(request.utmSource(), 200, "loop");
    String medium = clip(request.utmMedium(), 200, target.channel());
    String campaign =
        clip(
            request.utmCampaign(),
            200,
            io.loopcrm.campaign.Campaign.utmName(target.campaignName()));
    Response.ResponseBuilder response =
        Response.status(Response.Status.FOUND)
            .location(landing(target, source, medium, campaign, visitor))
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .header("Referrer-Policy", "no-referrer-when-downgrade")
            .cookie(extra);
    if (newVisitor) {
      response.cookie(Visitor.cookie(visitor, secureCookies));
    }
    if (!target.capturing()) {
      return CompletableFuture.completedFuture(response.build());
    }
    ClickQuality.Verdict verdict = quality.of(request.address(), request.userAgent());
    if (verdict == ClickQuality.Verdict.DROP) {
      return CompletableFuture.completedFuture(response.build());
    }
    return clicks
        .record(
            new ClickLog.Click(
                target.variantId(),
                target.campaignId(),
                visitor,
                source,
                medium,
                campaign,
                clip(request.referrer(), 500, null),
                Instant.now(clock),
                switch (verdict) {
                  case BOT -> "bot";
                  case FLOOD -> "flood";
                  default -> null;
                },
                !newVisitor))
        // a known visitor's leads are scored again off the request path (the click insert notes
        // them for the rescoring, V24)
        .handle((kept, failed) -> failed != null ? busy() : response.build());
  }

  /**
   * The click could not be kept just now (queue full, database away): a page that asks the browser
   * to come back in a second, so the visitor still arrives and the click is counted then.
   */
  private static Response busy() {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .type("text/html; charset=UTF-8")
        .entity(
            "<!doctype html><meta http-equiv=\"refresh\" content=\"1\"><title>…</title>"
                + "<p style=\"font-family:sans-serif\">One moment… / 请稍候…")
        .build();
  }

  /**
   * The variant's own landing URL (our form when it has none) with the UTM parameters set and the
   * visitor id: browsers do not send our cookie to a form embedded in another site's page, so the
   * embed snippet hands {@code loop_vid} from the landing page's address to the form.
   */
  static URI landing(
      TrackingCodes.Target target, String source, String medium, String campaign, UUID visitor) {
    String base = target.landingUrl();
    UriBuilder uri =
        base == null || !LandingUrls.isValid(base)
            ? UriBuilder.fromPath("/f/" + target.code())
            : UriBuilder.fromUri(base);
    return uri.replaceQueryParam("utm_source", source)
        .replaceQueryParam("utm_medium", medium)
        .replaceQueryParam("utm_campaign", campaign)
        .replaceQueryParam("utm_content", target.code())
        .replaceQueryParam(Visitor.COOKIE, visitor.toString())
        .build();
  }

  private static String clip(String value, int max, String fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.trim();
    return v.length() > max ? v.substring(0, max) : v;
  }
}
