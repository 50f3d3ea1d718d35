package io.loopcrm.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignDirectory;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.capture.TrackingCodes;
import io.loopcrm.ops.CampaignFields;
import io.loopcrm.ops.CampaignForm;
import io.loopcrm.ops.VariantInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Campaigns and variants created and changed through the API as operations' pages do it: the same
 * forms and checks, a new campaign a draft with variant A, its lifecycle moved by {@code status}
 * with the page's rules, a completed campaign read-only; capture follows each change at once.
 */
@RequestScoped
class ApiCampaignWrites {
  /** The campaign's fields as the API names them → the campaign form's names. */
  static final Map<String, String> FIELDS = campaignFields();

  static final Map<String, String> VARIANT_FIELDS =
      Map.of(
          "name", "name",
          "headline", "headline",
          "body", "body",
          "callToAction", "callToAction",
          "landingUrl", "landingUrl",
          "thankYouUrl", "thankYouUrl",
          "weight", "weight");

  @Inject ApiMessages messages;
  @Inject Validator validator;
  @Inject Clock clock;
  @Inject CampaignDirectory directory;
  @Inject TrackingCodes codes;
  @Inject io.loopcrm.settings.Choices choices;

  private static Map<String, String> campaignFields() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f :
        new String[] {
          "name",
          "objective",
          "channel",
          "startsOn",
          "endsOn",
          "budget",
          "currency",
          "targetRegion",
          "targetIndustry",
          "targetCompanySize",
          "goalLeads",
          "goalActivated",
          "goalRetained",
          "goalRevenue",
          "goalReferrals"
        }) {
      m.put(f, f);
    }
    m.put("ownerId", "owner");
    m.put("parentId", "parent");
    m.put("audienceId", "audience");
    return Map.copyOf(m);
  }

  long create(JsonNode body) {
    Campaign c = new Campaign();
    CampaignFields fields = new CampaignFields();
    // as on the page: the first of the currencies unless another is named
    fields.currency =
        choices.activeCodes(io.loopcrm.settings.ChoiceList.CURRENCY).stream()
            .findFirst()
            .orElse(null);
    apply(c, fields, body, Set.of());
    c.persistAsDraft();
    directory.invalidate();
    return c.id;
  }

  /** Changes {@code c} by the merge patch {@code body}; {@code status} moves it along. */
  void change(Campaign c, JsonNode body) {
    if (c.isReadOnly()) {
      throw new ApiProblem(409, "Completed", messages.text("campaign_error_completed"), Map.of());
    }
    CampaignFields fields = new CampaignFields();
    ApiBody.fill(fields, CampaignForm.valuesOf(c));
    apply(c, fields, body, Set.of("status"));
    if (body.has("status")) {
      String refused =
          c.moveTo(Campaign.Status.fromCode(body.get("status").asText()), clock.instant());
      if (refused != null) {
        throw new ApiProblem(
            422,
            "Invalid campaign",
            "Some fields are not valid.",
            Map.of("status", messages.text(refused)));
      }
    }
    c.updatedAt = clock.instant();
    directory.invalidate();
    codes.invalidate();
  }

  private void apply(Campaign c, CampaignFields fields, JsonNode body, Set<String> ids) {
    Map<String, String> errors = new LinkedHashMap<>();
    ApiBody.bind(body, fields, FIELDS, ids, errors);
    CampaignForm form = CampaignForm.of(fields, validator);
    Map<String, String> names =
        Map.of("owner", "ownerId", "parent", "parentId", "audience", "audienceId");
    messages.of(form.errors, names).forEach(errors::putIfAbsent);
    ApiBody.refuseIfAny("campaign", errors);
    if (!form.applyTo(c)) {
      // a rule that needs the campaign itself (its own parent)
      ApiBody.refuseIfAny("campaign", messages.of(form.errors, names));
    }
  }

  long addVariant(Campaign c, JsonNode body) {
    CampaignVariant v = new CampaignVariant();
    v.campaign = c;
    variant(v, new VariantInput(), body);
    v.trackingCode = Campaign.newCode();
    v.persist();
    codes.invalidate();
    return v.id;
  }

  void changeVariant(CampaignVariant v, JsonNode body) {
    variant(v, VariantInput.of(v), body);
    codes.invalidate();
  }

  private void variant(CampaignVariant v, VariantInput in, JsonNode body) {
    if (v.campaign.isReadOnly()) {
      throw new ApiProblem(409, "Completed", messages.text("campaign_error_completed"), Map.of());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    ApiBody.bind(body, in, VARIANT_FIELDS, Set.of(), errors);
    messages.of(in.errors(validator), Map.of()).forEach(errors::putIfAbsent);
    if (!errors.containsKey("name")
        && CampaignVariant.isNameTaken(v.campaign.id, in.cleanName(), v.id == null ? -1 : v.id)) {
      errors.put("name", messages.text("variant_error_name_taken"));
    }
    ApiBody.refuseIfAny("variant", errors);
    in.applyTo(v);
  }
}
