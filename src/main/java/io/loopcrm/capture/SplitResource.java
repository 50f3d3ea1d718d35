package io.loopcrm.capture;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * A campaign's split link, {@code /t/c/{code}}: one link for the whole A/B test. A new visitor gets
 * a variant drawn by the variants' weights, a returning one keeps the variant it had (a cookie per
 * campaign, on this link's path only); then the click is recorded on that variant and the visitor
 * redirected as by the variant's own link, so the funnel and the A/B verdict read these clicks like
 * any other.
 */
@Path("/t/c/{code}")
@PermitAll
public class SplitResource {
  private static final int NINETY_DAYS = 90 * 24 * 3600;

  @Inject TrackingCodes codes;
  @Inject ClickRedirect redirect;

  @GET
  @Blocking
  public CompletionStage<Response> click(
      @PathParam("code") String code,
      @QueryParam("utm_source") String utmSource,
      @QueryParam("utm_medium") String utmMedium,
      @QueryParam("utm_campaign") String utmCampaign,
      @RestHeader("Referer") String referrer,
      @RestCookie(Visitor.COOKIE) String visitorCookie,
      @RestHeader("User-Agent") String userAgent,
      @Context HttpHeaders headers) {
    Split split = codes.findSplit(code);
    if (split == null) {
      throw new NotFoundException();
    }
    String name = cookieName(code);
    Cookie kept = headers.getCookies().get(name);
    TrackingCodes.Target target = kept == null ? null : split.variant(kept.getValue());
    if (target == null) {
      target = split.pick(ThreadLocalRandom.current().nextInt(split.totalWeight()));
    }
    NewCookie variant =
        new NewCookie.Builder(name)
            .value(target.code())
            .path("/t/c/" + code)
            .maxAge(NINETY_DAYS)
            .httpOnly(true)
            .secure(redirect.secureCookies())
            .sameSite(NewCookie.SameSite.LAX)
            .build();
    return redirect.follow(
        target,
        new ClickRedirect.Request(
            utmSource,
            utmMedium,
            utmCampaign,
            referrer,
            visitorCookie,
            redirect.clientAddress(),
            userAgent),
        variant);
  }

  /** The cookie that keeps a visitor's variant of one campaign. */
  static String cookieName(String code) {
    return "loop_ab_" + code;
  }
}
