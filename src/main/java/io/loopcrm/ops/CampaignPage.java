package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignNumbers;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.campaign.CostEntry;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a campaign's page: its numbers, variants with their links, the cost ledger, and the one
 * form (status, new variant or cost) that comes back with what is wrong.
 */
@ApplicationScoped
public class CampaignPage {
  /** The form on the page that was sent and refused. */
  enum Problem {
    NONE,
    STATUS,
    NEW_VARIANT,
    COST,
    FORM_FIELDS
  }

  @Inject CampaignNumbers numbers;
  @Inject Choices choices;
  @Inject Clock clock;
  @Inject io.loopcrm.audit.AuditSearch audit;

  /** Entries of the campaign's history on its page. */
  static final int HISTORY = 10;

  @CheckedTemplate(basePath = "OpsCampaignsResource")
  static class Templates {
    static native TemplateInstance show(
        Campaign campaign,
        CampaignNumbers.Row numbers,
        List<CampaignVariant> variants,
        int splitWeight,
        List<CostEntry> costs,
        String baseUrl,
        FormErrors statusErrors,
        Map<String, String> variantValues,
        FormErrors variantErrors,
        Map<String, String> costValues,
        FormErrors costErrors,
        FormErrors fieldErrors,
        List<String> currencies,
        List<String> channels,
        List<io.loopcrm.audit.AuditSearch.Row> history);
  }

  TemplateInstance render(Campaign c, UriInfo uri) {
    return render(c, uri, Problem.NONE, FormErrors.none(), Map.of());
  }

  TemplateInstance render(
      Campaign c, UriInfo uri, Problem problem, FormErrors errors, Map<String, String> values) {
    CampaignNumbers.Row row =
        numbers.list(new CampaignNumbers.Filter(null, null, null, null), c.id).get(0);
    Map<String, String> variantValues = new VariantInput().values();
    Map<String, String> costValues = new HashMap<>();
    costValues.put("incurredOn", LocalDate.now(clock).toString());
    costValues.put("currency", c.currency);
    if (problem == Problem.NEW_VARIANT) {
      variantValues.putAll(values);
    } else if (problem == Problem.COST) {
      costValues.putAll(values);
    }
    List<CampaignVariant> variants =
        CampaignVariant.list("campaign.id = ?1 order by name, id", c.id);
    List<CostEntry> costs = CostEntry.ofCampaign(c.id);
    return Templates.show(
        c,
        row,
        variants,
        variants.stream().mapToInt(v -> v.weight).sum(),
        costs,
        uri.getBaseUri().toString().replaceAll("/$", ""),
        problem == Problem.STATUS ? errors : FormErrors.none(),
        variantValues,
        problem == Problem.NEW_VARIANT ? errors : FormErrors.none(),
        costValues,
        problem == Problem.COST ? errors : FormErrors.none(),
        problem == Problem.FORM_FIELDS ? errors : FormErrors.none(),
        choices.activeCodes(ChoiceList.CURRENCY),
        Campaign.CHANNELS,
        audit.ofRecords(
            Map.of(
                "campaign", List.of(c.id),
                "campaignvariant", variants.stream().map(v -> v.id).toList(),
                "costentry", costIds(c.id, costs)),
            HISTORY));
  }

  /** The campaign's cost entries and those deleted from it, whose history stays on the page. */
  private List<Long> costIds(long campaignId, List<CostEntry> costs) {
    List<Long> ids = new java.util.ArrayList<>(costs.stream().map(k -> k.id).toList());
    ids.addAll(audit.deleted("costentry", "campaign", campaignId));
    return ids;
  }

  /** The campaign, or 404. */
  static Campaign campaign(long id) {
    Campaign c = Campaign.findById(id);
    if (c == null) {
      throw new NotFoundException();
    }
    return c;
  }

  /** The campaign's variant, or 404 when it belongs to another campaign or does not exist. */
  static CampaignVariant variant(long campaignId, long variantId) {
    CampaignVariant v = CampaignVariant.findById(variantId);
    if (v == null || !v.campaign.id.equals(campaignId)) {
      throw new NotFoundException();
    }
    return v;
  }
}
