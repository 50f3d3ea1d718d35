package io.loopcrm.capture;

import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public web-to-lead form {@code /f/{code}} of a variant, also embeddable in an iframe: creates
 * or updates a lead (deduplicated, attributed, routed), with a honeypot, a per-address rate limit
 * and size limits on every field. Works only while the campaign is active.
 */
@Path("/f/{code}")
@PermitAll
public class FormResource {
  @Inject TrackingCodes codes;
  @Inject LeadCapture capture;
  @Inject CaptureGate gate;
  @Inject RateLimiter limiter;
  @Inject io.loopcrm.lead.SegmentBands segments;
  @Inject Pages pages;
  @Inject RoutingContext routing;
  @Inject Clock clock;

  @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
  boolean secureCookies;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(
        TrackingCodes.Target target,
        List<String> companySizes,
        List<String> segments,
        Map<String, String> values,
        FormErrors errors);

    static native TemplateInstance thanks(TrackingCodes.Target target);

    static native TemplateInstance closed(TrackingCodes.Target target, String reasonKey);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response show(
      @PathParam("code") String code,
      @QueryParam("utm_source") String utmSource,
      @QueryParam("utm_medium") String utmMedium,
      @QueryParam("utm_campaign") String utmCampaign,
      @QueryParam("utm_content") String utmContent,
      @QueryParam("utm_term") String utmTerm,
      @QueryParam("ref") String ref,
      @QueryParam(Visitor.COOKIE) String visitorParam) {
    TrackingCodes.Target target = target(code);
    if (!target.capturing()) {
      return embeddable(pages.withStatus(410, Templates.closed(target, "form_closed")));
    }
    Map<String, String> values =
        FormInput.utm(utmSource, utmMedium, utmCampaign, utmContent, utmTerm);
    values.put("ref", FormInput.isReferralCode(ref) ? ref : "");
    UUID visitor = Visitor.of(visitorParam);
    values.put(Visitor.COOKIE, visitor == null ? "" : visitor.toString());
    return embeddable(
        pages.withStatus(
            200,
            Templates.form(
                target,
                FormInput.COMPANY_SIZES,
                segmentChoices(target),
                values,
                FormErrors.none())));
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  public Response submit(@PathParam("code") String code, @BeanParam FormInput input) {
    TrackingCodes.Target target = target(code);
    if (!target.capturing()) {
      return embeddable(pages.withStatus(410, Templates.closed(target, "form_closed")));
    }
    if (!limiter.allow(clientAddress())) {
      return embeddable(pages.withStatus(429, Templates.closed(target, "form_too_many")));
    }
    // a bot filled the field people cannot see: answer as if all went well, keep nothing
    if (input.isBot()) {
      return thanks(target);
    }
    FormErrors errors = input.errors(target.fields());
    Map<String, String> values = input.values();
    if (errors.isPresent()) {
      return refused(422, target, values, errors);
    }
    UUID visitor = input.visitor();
    boolean newVisitor = visitor == null;
    if (newVisitor) {
      visitor = UUID.randomUUID();
    }
    UUID kept = visitor;
    LeadCapture.Submission submission = input.submission();
    Long referrer = input.referrer();
    try {
      gate.runDeferred(
          submission,
          () ->
              capture.capture(
                  submission, target.variantId(), kept, newVisitor, referrer, Instant.now(clock)));
    } catch (CaptureGate.Busy | CaptureGate.Unavailable notNow) {
      // nothing was saved: the visitor's answers stay in the form for a second try
      errors.add("form", notNow instanceof CaptureGate.Busy ? "form_busy" : "form_unavailable");
      return Response.fromResponse(refused(503, target, values, errors))
          .header(HttpHeaders.RETRY_AFTER, CaptureGate.RETRY_AFTER_SECONDS)
          .build();
    }
    Response thanks = thanks(target);
    if (newVisitor) {
      return Response.fromResponse(thanks).cookie(Visitor.cookie(visitor, secureCookies)).build();
    }
    return thanks;
  }

  /** The form again with what the visitor typed and what is wrong, at {@code status}. */
  private Response refused(
      int status, TrackingCodes.Target target, Map<String, String> values, FormErrors errors) {
    return embeddable(
        pages.withStatus(
            status,
            Templates.form(
                target, FormInput.COMPANY_SIZES, segmentChoices(target), values, errors)));
  }

  /** The visitor's address (behind a trusted proxy, the one it forwards), for the rate limit. */
  private String clientAddress() {
    return routing.request().remoteAddress() == null
        ? "unknown"
        : routing.request().remoteAddress().hostAddress();
  }

  /** Post/Redirect/Get: the variant's own thank-you URL, or our thank-you page. */
  private Response thanks(TrackingCodes.Target target) {
    URI to =
        target.thankYouUrl() != null && LandingUrls.isValid(target.thankYouUrl())
            ? URI.create(target.thankYouUrl())
            : URI.create("/f/" + target.code() + "/thanks");
    return Response.seeOther(to).build();
  }

  @GET
  @Path("thanks")
  @Produces(MediaType.TEXT_HTML)
  public Response thanksPage(@PathParam("code") String code) {
    return embeddable(pages.withStatus(200, Templates.thanks(target(code))));
  }

  private TrackingCodes.Target target(String code) {
    TrackingCodes.Target target = codes.find(code);
    if (target == null) {
      throw new NotFoundException();
    }
    return target;
  }

  /** The form may be framed by any site (it is meant to be embedded); nothing else may. */
  private static Response embeddable(Response response) {
    return Response.fromResponse(response)
        .header("Content-Security-Policy", io.loopcrm.web.ContentPolicy.EMBEDDABLE)
        .build();
  }

  /** The segments the form offers, read only when it asks for one. */
  private List<String> segmentChoices(TrackingCodes.Target target) {
    return target.fields().shows("segment") ? segments.names() : List.of();
  }
}
