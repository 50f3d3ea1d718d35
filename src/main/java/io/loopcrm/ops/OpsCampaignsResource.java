package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignDirectory;
import io.loopcrm.campaign.CampaignNumbers;
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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations' campaigns: the list with headline numbers, create and edit, and the lifecycle. A
 * campaign's variants and costs have resources of their own ({@link OpsVariantsResource}, {@link
 * OpsCostsResource}); its page is assembled by {@link CampaignPage}.
 */
@Path("/ops/campaigns")
@RolesAllowed(Roles.OPERATIONS)
public class OpsCampaignsResource {
  @Inject CampaignNumbers numbers;
  @Inject CampaignPage page;
  @Inject CampaignDirectory directory;
  @Inject TrackingCodes codes;
  @Inject Choices choices;
  @Inject CurrentMember me;
  @Inject Pages pages;
  @Inject Clock clock;
  @Inject jakarta.validation.Validator validator;
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
        List<CampaignDirectory.Option> parents,
        List<io.loopcrm.lead.Audience> audiences);
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
            objective != null && CampaignForm.OBJECTIVES.contains(objective) ? objective : null,
            channel != null && Campaign.CHANNELS.contains(channel) ? channel : null,
            q == null || q.isBlank()
                ? null
                : q.trim().substring(0, Math.min(100, q.trim().length())));
    return Templates.list(
        numbers.list(filter, null),
        filter,
        List.of(Campaign.Status.values()),
        CampaignForm.OBJECTIVES,
        Campaign.CHANNELS);
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
  public Response create(@BeanParam CampaignFields fields) {
    CampaignForm form = CampaignForm.of(fields, validator);
    Campaign c = new Campaign();
    if (!form.applyTo(c)) {
      return pages.withStatus(422, form(null, form.values, form.errors));
    }
    c.persistAsDraft();
    directory.invalidate();
    return Flash.redirect(
        URI.create("/ops/campaigns/" + c.id), "success", "campaign_flash_created");
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show(@PathParam("id") long id) {
    return page.render(CampaignPage.campaign(id), uri);
  }

  @GET
  @Path("{id}/edit")
  @Produces(MediaType.TEXT_HTML)
  public Response edit(@PathParam("id") long id) {
    Campaign c = CampaignPage.campaign(id);
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
  public Response update(@PathParam("id") long id, @BeanParam CampaignFields fields) {
    Campaign c = CampaignPage.campaign(id);
    if (c.isReadOnly()) {
      return Flash.redirect(
          URI.create("/ops/campaigns/" + id), "warning", "campaign_error_completed");
    }
    CampaignForm form = CampaignForm.of(fields, validator);
    if (!form.applyTo(c)) {
      Campaign.getEntityManager().detach(c);
      return pages.withStatus(422, form(CampaignPage.campaign(id), form.values, form.errors));
    }
    c.updatedAt = Instant.now(clock);
    directory.invalidate();
    codes.invalidate();
    return Flash.redirect(URI.create("/ops/campaigns/" + id), "success", "campaign_flash_saved");
  }

  private TemplateInstance form(Campaign c, Map<String, String> values, FormErrors errors) {
    return Templates.form(
        c,
        values,
        errors,
        CampaignForm.OBJECTIVES,
        Campaign.CHANNELS,
        choices.activeCodes(ChoiceList.CURRENCY),
        CampaignForm.COMPANY_SIZES,
        Member.list("roles like ?1 order by displayName", "%operations%"),
        directory.options(),
        io.loopcrm.lead.Audience.list("order by lower(name)"));
  }
}
