package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignDirectory;
import io.loopcrm.campaign.CampaignNumbers;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.campaign.CostEntry;
import io.loopcrm.capture.LandingUrls;
import io.loopcrm.capture.TrackingCodes;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Operations' campaigns: the list with headline numbers, create and edit, the lifecycle, A/B
 * variants with their tracking link and form, and the cost ledger.
 */
@Path("/ops/campaigns")
@RolesAllowed(Roles.OPERATIONS)
public class OpsCampaignsResource {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  @Inject CampaignNumbers numbers;
  @Inject CampaignDirectory directory;
  @Inject TrackingCodes codes;
  @Inject Choices choices;
  @Inject CurrentMember me;
  @Inject Pages pages;
  @Inject Clock clock;
  @Context UriInfo uri;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        List<CampaignNumbers.Row> rows,
        CampaignNumbers.Filter filter,
        List<Campaign.Status> statuses,
        List<String> objectives,
        List<String> channels);

    static native TemplateInstance form(
        Campaign campaign,
        Map<String, String> values,
        FormErrors errors,
        List<String> objectives,
        List<String> channels,
        List<String> currencies,
        List<String> companySizes,
        List<Member> owners,
        List<CampaignDirectory.Option> parents);

    static native TemplateInstance show(
        Campaign campaign,
        CampaignNumbers.Row numbers,
        List<CampaignVariant> variants,
        List<CostEntry> costs,
        String baseUrl,
        FormErrors statusErrors,
        Map<String, String> variantValues,
        FormErrors variantErrors,
        Map<String, String> costValues,
        FormErrors costErrors,
        List<String> currencies,
        List<String> channels);

    static native TemplateInstance variant(
        Campaign campaign, CampaignVariant variant, Map<String, String> values, FormErrors errors);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @QueryParam("status") String status,
      @QueryParam("objective") String objective,
      @QueryParam("channel") String channel,
      @QueryParam("q") String q) {
    CampaignNumbers.Filter filter =
        new CampaignNumbers.Filter(
            Campaign.Status.fromCode(status),
            objective != null
                    && List.of("acquisition", "activation", "retention", "revenue", "referral")
                        .contains(objective)
                ? objective
                : null,
            channel != null && CampaignForm.CHANNELS.contains(channel) ? channel : null,
            q == null || q.isBlank()
                ? null
                : q.trim().substring(0, Math.min(100, q.trim().length())));
    return Templates.list(
        numbers.list(filter, null),
        filter,
        List.of(Campaign.Status.values()),
        CampaignForm.OBJECTIVES,
        CampaignForm.CHANNELS);
  }

  @GET
  @Path("new")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance create() {
    Map<String, String> values = new HashMap<>();
    values.put("objective", "acquisition");
    values.put("channel", "search");
    values.put("currency", "USD");
    values.put("owner", me.get().id.toString());
    return form(null, values, FormErrors.none());
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response create(@jakarta.ws.rs.BeanParam CampaignFields fields) {
    CampaignForm form = CampaignForm.of(fields.asMap());
    Campaign c = new Campaign();
    if (!form.applyTo(c)) {
      return pages.withStatus(422, form(null, form.values, form.errors));
    }
    c.status = Campaign.Status.DRAFT;
    c.persist();
    // every campaign starts with variant A, so its link and form exist at once
    CampaignVariant a = new CampaignVariant();
    a.campaign = c;
    a.name = "A";
    a.weight = 1;
    a.trackingCode = newCode();
    a.persist();
    directory.invalidate();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + c.id), "success", "campaign_flash_created");
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show(@PathParam("id") long id) {
    return page(find(id), "", FormErrors.none(), Map.of());
  }

  @GET
  @Path("{id}/edit")
  @Produces(MediaType.TEXT_HTML)
  public Response edit(@PathParam("id") long id) {
    Campaign c = find(id);
    if (c.isReadOnly()) {
      return Flash.redirect(
          URI.create("/ops/campaigns/" + id), "warning", "campaign_error_completed");
    }
    return Response.ok(form(c, CampaignForm.valuesOf(c), FormErrors.none())).build();
  }

  @POST
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response update(@PathParam("id") long id, @jakarta.ws.rs.BeanParam CampaignFields fields) {
    Campaign c = find(id);
    if (c.isReadOnly()) {
      return Flash.redirect(
          URI.create("/ops/campaigns/" + id), "warning", "campaign_error_completed");
    }
    CampaignForm form = CampaignForm.of(fields.asMap());
    if (!form.applyTo(c)) {
      Campaign.getEntityManager().detach(c);
      return pages.withStatus(422, form(find(id), form.values, form.errors));
    }
    c.updatedAt = Instant.now(clock);
    directory.invalidate();
    codes.invalidate();
    return Flash.redirect(URI.create("/ops/campaigns/" + id), "success", "campaign_flash_saved");
  }

  /** Moves the campaign along its lifecycle; capture follows at once. */
  @POST
  @Path("{id}/status")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response status(@PathParam("id") long id, @RestForm String status) {
    Campaign c = find(id);
    Campaign.Status next = Campaign.Status.fromCode(status);
    if (next == null || !c.status.next().contains(next)) {
      return pages.withStatus(
          422,
          page(c, "status", new FormErrors().add("status", "campaign_error_transition"), Map.of()));
    }
    if (next == Campaign.Status.ACTIVE && CampaignVariant.count("campaign.id", id) == 0) {
      return pages.withStatus(
          422,
          page(c, "status", new FormErrors().add("status", "campaign_error_no_variant"), Map.of()));
    }
    c.status = next;
    c.updatedAt = Instant.now(clock);
    codes.invalidate();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id), "success", "campaign_flash_" + next.code());
  }

  // --- variants ------------------------------------------------------------------------------

  @POST
  @Path("{id}/variants")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response addVariant(
      @PathParam("id") long id,
      @RestForm String name,
      @RestForm String headline,
      @RestForm String body,
      @RestForm String callToAction,
      @RestForm String landingUrl,
      @RestForm String thankYouUrl,
      @RestForm String weight) {
    Campaign c = find(id);
    if (c.isReadOnly()) {
      return Flash.redirect(
          URI.create("/ops/campaigns/" + id), "warning", "campaign_error_completed");
    }
    Map<String, String> values =
        values(name, headline, body, callToAction, landingUrl, thankYouUrl, weight);
    CampaignVariant v = new CampaignVariant();
    v.campaign = c;
    FormErrors errors = applyVariant(v, values);
    if (errors.isEmpty()
        && CampaignVariant.count(
                "campaign.id = ?1 and lower(name) = ?2", id, v.name.toLowerCase(Locale.ROOT))
            > 0) {
      errors.add("name", "variant_error_name_taken");
    }
    if (errors.isPresent()) {
      return pages.withStatus(422, page(c, "variant-new", errors, values));
    }
    v.trackingCode = newCode();
    v.persist();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id + "#variant-" + v.id), "success", "variant_flash_added");
  }

  @GET
  @Path("{id}/variants/{vid}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance editVariant(@PathParam("id") long id, @PathParam("vid") long vid) {
    CampaignVariant v = variant(id, vid);
    return Templates.variant(
        v.campaign,
        v,
        values(
            v.name,
            v.headline,
            v.body,
            v.callToAction,
            v.landingUrl,
            v.thankYouUrl,
            Integer.toString(v.weight)),
        FormErrors.none());
  }

  @POST
  @Path("{id}/variants/{vid}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response updateVariant(
      @PathParam("id") long id,
      @PathParam("vid") long vid,
      @RestForm String name,
      @RestForm String headline,
      @RestForm String body,
      @RestForm String callToAction,
      @RestForm String landingUrl,
      @RestForm String thankYouUrl,
      @RestForm String weight) {
    CampaignVariant v = variant(id, vid);
    if (v.campaign.isReadOnly()) {
      return Flash.redirect(
          URI.create("/ops/campaigns/" + id), "warning", "campaign_error_completed");
    }
    Map<String, String> values =
        values(name, headline, body, callToAction, landingUrl, thankYouUrl, weight);
    CampaignVariant probe = new CampaignVariant();
    FormErrors errors = applyVariant(probe, values);
    if (errors.isEmpty()
        && CampaignVariant.count(
                "campaign.id = ?1 and lower(name) = ?2 and id <> ?3",
                id,
                probe.name.toLowerCase(Locale.ROOT),
                vid)
            > 0) {
      errors.add("name", "variant_error_name_taken");
    }
    if (errors.isPresent()) {
      return pages.withStatus(422, Templates.variant(v.campaign, v, values, errors));
    }
    applyVariant(v, values);
    codes.invalidate();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id + "#variant-" + vid), "success", "variant_flash_saved");
  }

  private static FormErrors applyVariant(CampaignVariant v, Map<String, String> values) {
    FormErrors errors = new FormErrors();
    String name = values.get("name").trim();
    if (name.isEmpty()) {
      errors.add("name", "error_required");
    } else if (name.length() > 100) {
      errors.add("name", "error_too_long_100");
    }
    String headline = values.get("headline").trim();
    if (headline.length() > 300) {
      errors.add("headline", "error_too_long_300");
    }
    String body = values.get("body").trim();
    if (body.length() > 10000) {
      errors.add("body", "error_too_long_10000");
    }
    String cta = values.get("callToAction").trim();
    if (cta.length() > 120) {
      errors.add("callToAction", "form_error_too_long");
    }
    String landing = values.get("landingUrl").trim();
    if (!landing.isEmpty() && !LandingUrls.isValid(landing)) {
      errors.add("landingUrl", "variant_error_url");
    }
    String thanks = values.get("thankYouUrl").trim();
    if (!thanks.isEmpty() && !LandingUrls.isValid(thanks)) {
      errors.add("thankYouUrl", "variant_error_url");
    }
    int weight = 0;
    try {
      weight = Integer.parseInt(values.get("weight").trim());
      if (weight < 0 || weight > 1000) {
        errors.add("weight", "variant_error_weight");
      }
    } catch (NumberFormatException e) {
      errors.add("weight", "variant_error_weight");
    }
    if (errors.isEmpty()) {
      v.name = name;
      v.headline = headline.isEmpty() ? null : headline;
      v.body = body.isEmpty() ? null : body;
      v.callToAction = cta.isEmpty() ? null : cta;
      v.landingUrl = landing.isEmpty() ? null : landing;
      v.thankYouUrl = thanks.isEmpty() ? null : thanks;
      v.weight = weight;
    }
    return errors;
  }

  private static Map<String, String> values(
      String name,
      String headline,
      String body,
      String cta,
      String landing,
      String thanks,
      String weight) {
    Map<String, String> m = new HashMap<>();
    m.put("name", name == null ? "" : name);
    m.put("headline", headline == null ? "" : headline);
    m.put("body", body == null ? "" : body);
    m.put("callToAction", cta == null ? "" : cta);
    m.put("landingUrl", landing == null ? "" : landing);
    m.put("thankYouUrl", thanks == null ? "" : thanks);
    m.put("weight", weight == null ? "1" : weight);
    return m;
  }

  // --- cost ledger ---------------------------------------------------------------------------

  @POST
  @Path("{id}/costs")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response addCost(
      @PathParam("id") long id,
      @RestForm String incurredOn,
      @RestForm String amount,
      @RestForm String currency,
      @RestForm String variant,
      @RestForm String channel,
      @RestForm String note) {
    Campaign c = find(id);
    Map<String, String> values = new HashMap<>();
    values.put("incurredOn", incurredOn == null ? "" : incurredOn);
    values.put("amount", amount == null ? "" : amount);
    values.put("currency", currency == null ? "" : currency);
    values.put("variant", variant == null ? "" : variant);
    values.put("channel", channel == null ? "" : channel);
    values.put("note", note == null ? "" : note);
    FormErrors errors = new FormErrors();
    CostEntry e = new CostEntry();
    e.campaign = c;
    try {
      e.incurredOn = LocalDate.parse(values.get("incurredOn").trim());
    } catch (DateTimeParseException ex) {
      errors.add("incurredOn", "error_date");
    }
    try {
      e.amount = new BigDecimal(values.get("amount").trim().replace(",", ""));
      if (e.amount.signum() < 0
          || e.amount.scale() > 2
          || e.amount.precision() - e.amount.scale() > 12) {
        errors.add("amount", "error_amount");
      }
    } catch (NumberFormatException ex) {
      errors.add("amount", "error_amount");
    }
    if (choices.all(ChoiceList.CURRENCY).stream()
        .noneMatch(o -> o.code().equals(values.get("currency")))) {
      errors.add("currency", "error_currency");
    }
    e.currency = values.get("currency");
    if (!values.get("variant").isBlank()) {
      try {
        e.variant = variant(id, Long.parseLong(values.get("variant").trim()));
      } catch (NumberFormatException | NotFoundException ex) {
        errors.add("variant", "cost_error_variant");
      }
    }
    if (!values.get("channel").isBlank()) {
      if (!CampaignForm.CHANNELS.contains(values.get("channel"))) {
        errors.add("channel", "campaign_error_channel");
      }
      e.channel = values.get("channel");
    }
    String n = values.get("note").trim();
    if (n.length() > 300) {
      errors.add("note", "error_too_long_300");
    }
    e.note = n.isEmpty() ? null : n;
    if (errors.isPresent()) {
      return pages.withStatus(422, page(c, "cost", errors, values));
    }
    e.createdBy = me.get();
    e.persist();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + id + "#costs"), "success", "cost_flash_added");
  }

  // --- helpers -------------------------------------------------------------------------------

  private TemplateInstance page(
      Campaign c, String problemForm, FormErrors errors, Map<String, String> values) {
    CampaignNumbers.Row row =
        numbers.list(new CampaignNumbers.Filter(null, null, null, null), c.id).get(0);
    String base = uri.getBaseUri().toString().replaceAll("/$", "");
    Map<String, String> variantValues = new HashMap<>(values("", "", "", "", "", "", "1"));
    Map<String, String> costValues = new HashMap<>();
    costValues.put("incurredOn", LocalDate.now(clock).toString());
    if (problemForm.equals("variant-new")) {
      variantValues.putAll(values);
    } else if (problemForm.equals("cost")) {
      costValues.putAll(values);
    }
    return Templates.show(
        c,
        row,
        CampaignVariant.list("campaign.id = ?1 order by name, id", c.id),
        CostEntry.ofCampaign(c.id),
        base,
        problemForm.equals("status") ? errors : FormErrors.none(),
        variantValues,
        problemForm.equals("variant-new") ? errors : FormErrors.none(),
        costValues,
        problemForm.equals("cost") ? errors : FormErrors.none(),
        choices.activeCodes(ChoiceList.CURRENCY),
        CampaignForm.CHANNELS);
  }

  private static Campaign find(long id) {
    Campaign c = Campaign.findById(id);
    if (c == null) {
      throw new NotFoundException();
    }
    return c;
  }

  private static CampaignVariant variant(long campaignId, long variantId) {
    CampaignVariant v = CampaignVariant.findById(variantId);
    if (v == null || !v.campaign.id.equals(campaignId)) {
      throw new NotFoundException();
    }
    return v;
  }

  /** A short, unguessable tracking code. */
  static String newCode() {
    StringBuilder s = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  private TemplateInstance form(Campaign c, Map<String, String> values, FormErrors errors) {
    return Templates.form(
        c,
        values,
        errors,
        CampaignForm.OBJECTIVES,
        CampaignForm.CHANNELS,
        choices.activeCodes(ChoiceList.CURRENCY),
        CampaignForm.COMPANY_SIZES,
        Member.list("roles like ?1 order by displayName", "%operations%"),
        directory.options());
  }
}
