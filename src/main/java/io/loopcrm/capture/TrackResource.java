package io.loopcrm.capture;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The tracking link of one variant, {@code /t/{code}}: records the click and redirects to the
 * variant's landing URL ({@link ClickRedirect}); an unknown code is a 404. No session, no template:
 * a cached lookup and the click kept in the next batch.
 */
@Path("/t/{code}")
@PermitAll
public class TrackResource {
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
      @RestHeader("User-Agent") String userAgent) {
    TrackingCodes.Target target = codes.find(code);
    if (target == null) {
      throw new NotFoundException();
    }
    return redirect.follow(
        target,
        new ClickRedirect.Request(
            utmSource,
            utmMedium,
            utmCampaign,
            referrer,
            visitorCookie,
            redirect.clientAddress(),
            userAgent));
  }
}
