package io.loopcrm.capture;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The tracking link {@code /t/{code}}: records the click (campaign, variant, UTM, referrer, time,
 * visitor) and redirects to the variant's landing URL with UTM parameters added. It redirects only
 * to that configured URL, whatever the request says; an unknown code is a 404. No session, no
 * template: a cached lookup and one insert.
 */
@Path("/t/{code}")
@PermitAll
public class TrackResource {
  @Inject TrackingCodes codes;
  @Inject EntityManager em;
  @Inject io.loopcrm.scoring.Rescoring rescoring;

  @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
  boolean secureCookies;

  @GET
  @Transactional
  public Response click(
      @PathParam("code") String code,
      @QueryParam("utm_source") String utmSource,
      @QueryParam("utm_medium") String utmMedium,
      @QueryParam("utm_campaign") String utmCampaign,
      @RestHeader("Referer") String referrer,
      @RestCookie(Visitor.COOKIE) String visitorCookie) {
    TrackingCodes.Target target = codes.find(code);
    if (target == null) {
      throw new NotFoundException();
    }
    UUID visitor = Visitor.of(visitorCookie);
    boolean newVisitor = visitor == null;
    if (newVisitor) {
      visitor = UUID.randomUUID();
    }
    String source = clip(utmSource, 200, "loop");
    String medium = clip(utmMedium, 200, target.channel());
    String campaign = clip(utmCampaign, 200, slug(target.campaignName()));
    if (target.capturing()) {
      em.createNativeQuery(
              "insert into click (variant_id, campaign_id, visitor_id, utm_source, utm_medium,"
                  + " utm_campaign, referrer) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
          .setParameter(1, target.variantId())
          .setParameter(2, target.campaignId())
          .setParameter(3, visitor)
          .setParameter(4, source)
          .setParameter(5, medium)
          .setParameter(6, campaign)
          .setParameter(7, clip(referrer, 500, null))
          .executeUpdate();
      if (!newVisitor) {
        // a known visitor's leads are scored again off the request path
        rescoring.clicked(visitor);
      }
    }
    Response.ResponseBuilder response =
        Response.status(Response.Status.FOUND)
            .location(landing(target, source, medium, campaign, visitor))
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .header("Referrer-Policy", "no-referrer-when-downgrade");
    if (newVisitor) {
      response.cookie(Visitor.cookie(visitor, secureCookies));
    }
    return response.build();
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

  static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.isEmpty() ? "campaign" : s.length() > 60 ? s.substring(0, 60) : s;
  }

  private static String clip(String value, int max, String fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.trim();
    return v.length() > max ? v.substring(0, max) : v;
  }
}
