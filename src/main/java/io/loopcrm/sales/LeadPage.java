package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.funnel.Touch;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.people.Viewer;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Assembles the lead page: details, attribution, timeline and the forms a rep may use. */
@ApplicationScoped
public class LeadPage {
  @Inject Pages pages;
  @Inject Choices choices;
  @Inject io.loopcrm.audit.AuditSearch audit;

  /** One saved edit of the person and contact fields: when, by whom, what changed. */
  public record Edit(Instant at, String actor, List<io.loopcrm.audit.AuditSearch.Change> changes) {
    /** Message key of a changed field's label. */
    public String labelKey(io.loopcrm.audit.AuditSearch.Change change) {
      return "lead_field_" + change.field();
    }
  }

  /** An attribution touch as the page shows it: the campaign's name instead of its id. */
  public record TouchView(
      String campaignName, String utmSource, String utmMedium, String utmCampaign, Instant at) {}

  public TemplateInstance render(
      Lead lead, Viewer viewer, FormErrors errors, Map<String, String> values) {
    List<Activity> timeline = Activity.timelineOfLead(lead);
    Map<Long, String> names =
        campaignNames(
            lead.journeyCampaignIds == null ? List.of() : lead.journeyCampaignIds,
            lead.firstTouch,
            lead.lastTouch);
    List<LeadStatus> moves =
        Stream.of(LeadStatus.WORKING, LeadStatus.QUALIFIED, LeadStatus.RECYCLED)
            .filter(lead.status::canMoveTo)
            .toList();
    Map<String, String> v = new HashMap<>(values);
    return SalesLeadsResource.Templates.show(
        lead,
        view(lead.firstTouch, names),
        view(lead.lastTouch, names),
        timeline,
        choices.active(ChoiceList.REJECT_REASON),
        choices.show(ChoiceList.REJECT_REASON, lead.rejectReason),
        List.of(Activity.Kind.values()),
        moves,
        viewer.edits(lead.owner),
        // operations set a lead's segment here (the rest of the page is the reps')
        viewer.roles().contains(io.loopcrm.people.Roles.OPERATIONS),
        viewer.isManager() ? Member.listSellersOfTeam(viewer.teamId()) : List.of(),
        errors,
        v,
        UUID.randomUUID().toString(),
        Instant.now(),
        journey(lead, names),
        history(lead),
        // another lead with this phone (and another e-mail), when the viewer may open it
        io.loopcrm.lead.LeadDuplicate.samePhone(lead)
            .filter(other -> viewer.sees(other.owner))
            .orElse(null));
  }

  /** The latest edits of the lead's person and contact fields, from the audit trail. */
  private List<Edit> history(Lead lead) {
    var page =
        audit.search(
            new io.loopcrm.audit.AuditSearch.Filter("lead", lead.id, null, null, null, null),
            20,
            java.time.ZoneOffset.UTC,
            // the person's fields only: no member to name
            false);
    List<Edit> edits = new java.util.ArrayList<>();
    for (var row : page.rows()) {
      var changes =
          row.changes().stream()
              .filter(c -> io.loopcrm.lead.LeadFields.NAMES.contains(c.field()))
              .toList();
      if (row.action().equals("update") && !changes.isEmpty()) {
        edits.add(new Edit(row.at(), row.actor(), changes));
      }
    }
    return edits;
  }

  /**
   * The touches of the lead's journey in order ("campaign · variant"), when it has more than its
   * first and last touch (one query for the variants' names).
   */
  private static List<String> journey(Lead lead, Map<Long, String> names) {
    if (lead.journeyCampaignIds == null || lead.journeyCampaignIds.size() < 3) {
      return List.of();
    }
    List<Long> variantIds = lead.journeyVariantIds.stream().filter(Objects::nonNull).toList();
    Map<Long, String> variants =
        variantIds.isEmpty()
            ? Map.of()
            : CampaignVariant.<CampaignVariant>list("id in ?1", variantIds).stream()
                .collect(Collectors.toMap(v -> v.id, v -> v.name, (x, y) -> x));
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < lead.journeyCampaignIds.size(); i++) {
      Long campaign = lead.journeyCampaignIds.get(i);
      Long variant = lead.journeyVariantIds.get(i);
      String name = names.getOrDefault(campaign, "#" + campaign);
      out.add(
          variant == null || !variants.containsKey(variant)
              ? name
              : name + " · " + variants.get(variant));
    }
    return out;
  }

  /** The page again with what was wrong, answered 422 so nothing looks saved. */
  Response invalid(Lead lead, Viewer viewer, FormErrors errors, Map<String, String> values) {
    return pages.withStatus(422, render(lead, viewer, errors, values));
  }

  private static Map<Long, String> campaignNames(List<Long> journey, Touch... touches) {
    List<Long> ids =
        Stream.concat(
                journey.stream(),
                Stream.of(touches).filter(Objects::nonNull).map(t -> t.campaignId))
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    return Campaign.<Campaign>list("id in ?1", ids).stream()
        .collect(Collectors.toMap(c -> c.id, c -> c.name, (a, b) -> a));
  }

  private static TouchView view(Touch touch, Map<Long, String> names) {
    if (touch == null || touch.isEmpty()) {
      return null;
    }
    return new TouchView(
        touch.campaignId == null ? null : names.get(touch.campaignId),
        touch.utmSource,
        touch.utmMedium,
        touch.utmCampaign,
        touch.at);
  }
}
