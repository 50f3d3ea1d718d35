package io.loopcrm.capture;

import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The public web-to-lead form {@code /f/{code}} of a variant, also embeddable in an iframe: creates
 * or updates a lead (deduplicated, attributed, routed), with a honeypot, a per-address rate limit
 * and size limits on every field. Works only while the campaign is active.
 */
@Path("/f/{code}")
@PermitAll
public class FormResource {
  static final List<String> COMPANY_SIZES = io.loopcrm.lead.Lead.COMPANY_SIZES;

  @Inject TrackingCodes codes;
  @Inject LeadCapture capture;
  @Inject CaptureGate gate;
  @Inject RateLimiter limiter;
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
    Map<String, String> values = new HashMap<>();
    values.put("utm_source", clip(utmSource, 200));
    values.put("utm_medium", clip(utmMedium, 200));
    values.put("utm_campaign", clip(utmCampaign, 200));
    values.put("utm_content", clip(utmContent, 200));
    values.put("utm_term", clip(utmTerm, 200));
    values.put("ref", ref != null && ref.matches("[a-z0-9]{6,32}") ? ref : "");
    UUID visitor = Visitor.of(visitorParam);
    values.put(Visitor.COOKIE, visitor == null ? "" : visitor.toString());
    return embeddable(
        pages.withStatus(200, Templates.form(target, COMPANY_SIZES, values, FormErrors.none())));
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  public Response submit(
      @PathParam("code") String code,
      @RestForm String firstName,
      @RestForm String lastName,
      @RestForm String email,
      @RestForm String phone,
      @RestForm String company,
      @RestForm String title,
      @RestForm String region,
      @RestForm String companySize,
      @RestForm String website,
      @RestForm("utm_source") String utmSource,
      @RestForm("utm_medium") String utmMedium,
      @RestForm("utm_campaign") String utmCampaign,
      @RestForm("utm_content") String utmContent,
      @RestForm("utm_term") String utmTerm,
      @RestForm String ref,
      @RestForm(Visitor.COOKIE) String visitorField,
      @RestCookie(Visitor.COOKIE) String visitorCookie) {
    TrackingCodes.Target target = target(code);
    if (!target.capturing()) {
      return embeddable(pages.withStatus(410, Templates.closed(target, "form_closed")));
    }
    String address =
        routing.request().remoteAddress() == null
            ? "unknown"
            : routing.request().remoteAddress().hostAddress();
    if (!limiter.allow(address)) {
      return embeddable(pages.withStatus(429, Templates.closed(target, "form_too_many")));
    }
    // a bot filled the field people cannot see: answer as if all went well, keep nothing
    if (website != null && !website.isBlank()) {
      return thanks(target);
    }
    Map<String, String> values = new HashMap<>();
    FormErrors errors = new FormErrors();
    String first = field("firstName", firstName, 100, false, values, errors);
    String last = field("lastName", lastName, 100, true, values, errors);
    String mail = field("email", email, 254, false, values, errors);
    String tel = field("phone", phone, 50, false, values, errors);
    String org = field("company", company, 200, false, values, errors);
    String job = field("title", title, 200, false, values, errors);
    String area = field("region", region, 60, false, values, errors);
    String size = field("companySize", companySize, 20, false, values, errors);
    values.put("utm_source", clip(utmSource, 200));
    values.put("utm_medium", clip(utmMedium, 200));
    values.put("utm_campaign", clip(utmCampaign, 200));
    values.put("utm_content", clip(utmContent, 200));
    values.put("utm_term", clip(utmTerm, 200));
    Long referrer = referrer(ref);
    values.put("ref", referrer == null ? "" : ref);
    // our cookie; in a form embedded in another site the visitor id the snippet passed on
    UUID known = Visitor.of(visitorCookie);
    if (known == null) {
      known = Visitor.of(visitorField);
    }
    values.put(Visitor.COOKIE, known == null ? "" : known.toString());
    if (mail == null && tel == null && !errors.has("email") && !errors.has("phone")) {
      errors.add("email", "form_error_contact");
    }
    if (mail != null && !io.loopcrm.lead.Lead.isEmail(mail)) {
      errors.add("email", "error_email");
    }
    if (tel != null && tel.replaceAll("[^0-9]", "").length() < 6) {
      errors.add("phone", "form_error_phone");
    }
    if (size != null && !COMPANY_SIZES.contains(size)) {
      errors.add("companySize", "form_error_company_size");
    }
    if (errors.isPresent()) {
      return embeddable(
          pages.withStatus(422, Templates.form(target, COMPANY_SIZES, values, errors)));
    }
    UUID visitor = known;
    boolean newVisitor = visitor == null;
    if (newVisitor) {
      visitor = UUID.randomUUID();
    }
    UUID kept = visitor;
    try {
      gate.run(
          () ->
              capture.capture(
                  new LeadCapture.Submission(
                      first,
                      last,
                      mail,
                      tel,
                      org,
                      job,
                      area,
                      null,
                      null,
                      size,
                      referrer == null ? "web_form" : "referral",
                      values.get("utm_source"),
                      values.get("utm_medium"),
                      values.get("utm_campaign"),
                      values.get("utm_content"),
                      values.get("utm_term")),
                  target.variantId(),
                  kept,
                  referrer,
                  Instant.now(clock)));
    } catch (CaptureGate.Busy | CaptureGate.Unavailable notNow) {
      // nothing was saved: the visitor's answers stay in the form for a second try
      errors.add("form", notNow instanceof CaptureGate.Busy ? "form_busy" : "form_unavailable");
      return Response.fromResponse(
              embeddable(
                  pages.withStatus(503, Templates.form(target, COMPANY_SIZES, values, errors))))
          .header(HttpHeaders.RETRY_AFTER, CaptureGate.RETRY_AFTER_SECONDS)
          .build();
    }
    Response thanks = thanks(target);
    if (newVisitor) {
      return Response.fromResponse(thanks).cookie(Visitor.cookie(visitor, secureCookies)).build();
    }
    return thanks;
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

  /** The customer behind a referral code, or null. */
  private static Long referrer(String ref) {
    if (ref == null || !ref.matches("[a-z0-9]{6,32}")) {
      return null;
    }
    return io.loopcrm.customer.Contact.<io.loopcrm.customer.Contact>find("referralCode", ref)
        .firstResultOptional()
        .map(c -> c.id)
        .orElse(null);
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
        .header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " object-src 'none'; base-uri 'self'; form-action 'self' https: http:; frame-ancestors *")
        .header("X-Frame-Options", null)
        .build();
  }

  private static String field(
      String name,
      String raw,
      int max,
      boolean required,
      Map<String, String> values,
      FormErrors errors) {
    String v = raw == null ? "" : raw.trim();
    values.put(name, v.length() > max ? v.substring(0, max) : v);
    if (v.isEmpty()) {
      if (required) {
        errors.add(name, "error_required");
      }
      return null;
    }
    if (v.length() > max) {
      errors.add(name, "form_error_too_long");
      return null;
    }
    return v;
  }

  private static String clip(String value, int max) {
    if (value == null || value.isBlank()) {
      return "";
    }
    String v = value.trim();
    return v.length() > max ? v.substring(0, max) : v;
  }
}
