package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.campaign.Campaign;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.DealChange;
import io.loopcrm.deal.PipelineStages;
import io.loopcrm.funnel.Touch;
import io.loopcrm.people.Viewer;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Assembles the deal page, its form errors and its edit-conflict page. */
@ApplicationScoped
public class DealPage {
  @Inject PipelineStages stages;
  @Inject Choices choices;
  @Inject Pages pages;

  /** One field of an edit conflict: what is saved now and what the user tried to save. */
  public record Difference(String fieldKey, String saved, String yours) {}

  @CheckedTemplate(basePath = "SalesDealsResource")
  static class Templates {
    static native TemplateInstance show(
        Deal deal,
        List<PipelineStages.Stage> stages,
        List<LeadPage.TouchView> touches,
        List<HistoryLine> history,
        List<Activity> timeline,
        List<Choices.Option> lostReasons,
        Choices.Option lostReason,
        List<Choices.Option> competitors,
        List<Activity.Kind> activityKinds,
        List<String> currencies,
        List<io.loopcrm.customer.Contact> contacts,
        boolean editable,
        List<io.loopcrm.people.Member> teamMembers,
        FormErrors errors,
        Map<String, String> values,
        String formKey,
        Instant now);

    static native TemplateInstance conflict(Deal deal, List<Difference> differences);
  }

  TemplateInstance render(
      Deal deal, Viewer viewer, FormErrors errors, Map<String, String> submitted) {
    Map<String, String> values = new HashMap<>();
    values.put("dealName", deal.name);
    values.put("amount", deal.amount == null ? "" : deal.amount.toPlainString());
    values.put("currency", deal.currency);
    values.put("expectedClose", deal.expectedClose == null ? "" : deal.expectedClose.toString());
    values.put("probability", Integer.toString(deal.probability));
    values.put("nextStep", deal.nextStep == null ? "" : deal.nextStep);
    values.put("stage", Long.toString(deal.stage.id));
    values.put("contact", deal.contact == null ? "" : deal.contact.id.toString());
    values.putAll(submitted);
    return Templates.show(
        deal,
        stages.all(),
        touches(deal),
        history(deal),
        Activity.timelineOfDeal(deal),
        choices.active(ChoiceList.LOST_REASON),
        choices.show(ChoiceList.LOST_REASON, deal.lostReason),
        choices.active(ChoiceList.COMPETITOR),
        List.of(Activity.Kind.values()),
        currencies(deal.currency),
        // only the account's contacts the viewer may see (another rep's stay hidden)
        io.loopcrm.customer.Contact.listVisibleOf(deal.account, viewer),
        viewer.edits(deal.owner),
        viewer.isManager()
            ? io.loopcrm.people.Member.listSellersOfTeam(viewer.teamId())
            : List.of(),
        errors,
        values,
        UUID.randomUUID().toString(),
        Instant.now());
  }

  /** A line of the deal's history with its values in the reader's words. */
  public record HistoryLine(DealChange change, Shown before, Shown after) {}

  /** A value of the history: a message key, a date, a percentage, or text as it was written. */
  public record Shown(String key, String text, LocalDate date, Integer percent) {}

  private List<HistoryLine> history(Deal deal) {
    List<PipelineStages.Stage> all = stages.all();
    return DealChange.historyOf(deal).stream()
        .map(
            c ->
                new HistoryLine(
                    c, shown(c.field, c.oldValue, all), shown(c.field, c.newValue, all)))
        .toList();
  }

  /**
   * A recorded value as the page shows it: a stage by its name in the reader's language (its
   * admin's label for one of theirs), a close date in the reader's format, a probability as a
   * percentage; names and amounts as written.
   */
  static Shown shown(String field, String value, List<PipelineStages.Stage> stages) {
    if (value == null) {
      return null;
    }
    switch (field) {
      case "stage" -> {
        PipelineStages.Stage s =
            stages.stream().filter(x -> x.name().equals(value)).findFirst().orElse(null);
        if (s != null && s.label() != null) {
          return new Shown(null, s.label(), null, null);
        }
        // a built-in stage has its name in both languages, archived or not
        return value.startsWith("custom_")
            ? new Shown(null, value, null, null)
            : new Shown("stage_" + value, null, null, null);
      }
      case "expectedClose" -> {
        LocalDate date = io.loopcrm.common.Params.parseDate(value);
        return date == null
            ? new Shown(null, value, null, null)
            : new Shown(null, null, date, null);
      }
      case "probability" -> {
        try {
          return new Shown(null, null, null, Integer.valueOf(value));
        } catch (NumberFormatException e) {
          return new Shown(null, value, null, null);
        }
      }
      default -> {
        return new Shown(null, value, null, null);
      }
    }
  }

  /** The active currencies, and the deal's own even when an admin archived it since. */
  private List<String> currencies(String current) {
    List<String> codes = new ArrayList<>(choices.activeCodes(ChoiceList.CURRENCY));
    if (current != null && !codes.contains(current)) {
      codes.add(current);
    }
    return codes;
  }

  Response invalid(Deal deal, Viewer viewer, FormErrors errors, Map<String, String> values) {
    return pages.withStatus(422, render(deal, viewer, errors, values));
  }

  /** 409: somebody saved the deal after this user opened it; show both versions, save nothing. */
  Response conflict(Deal deal, DealForm yours) {
    List<Difference> differences = new ArrayList<>();
    add(differences, "name", deal.name, yours.name());
    add(differences, "amount", Deal.plain(deal.amount), Deal.plain(yours.amount()));
    add(differences, "currency", deal.currency, yours.currency());
    add(differences, "expectedClose", str(deal.expectedClose), str(yours.expectedClose()));
    add(
        differences,
        "probability",
        Integer.toString(deal.probability),
        yours.probability() == null ? null : yours.probability().toString());
    add(differences, "nextStep", deal.nextStep, yours.nextStep());
    return pages.withStatus(409, Templates.conflict(deal, differences));
  }

  private static void add(List<Difference> differences, String field, String saved, String yours) {
    if (!Objects.equals(saved, yours)) {
      differences.add(
          new Difference(
              "deal_field_" + field, saved == null ? "—" : saved, yours == null ? "—" : yours));
    }
  }

  private static List<LeadPage.TouchView> touches(Deal deal) {
    List<Touch> all = Stream.of(deal.firstTouch, deal.lastTouch, deal.conversionTouch).toList();
    List<Long> ids =
        all.stream()
            .filter(Objects::nonNull)
            .map(t -> t.campaignId)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    Map<Long, String> names =
        ids.isEmpty()
            ? Map.of()
            : Campaign.<Campaign>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.name));
    List<LeadPage.TouchView> views = new ArrayList<>();
    for (Touch t : all) {
      views.add(
          t == null || t.isEmpty()
              ? null
              : new LeadPage.TouchView(
                  t.campaignId == null ? null : names.get(t.campaignId),
                  t.utmSource,
                  t.utmMedium,
                  t.utmCampaign,
                  t.at));
    }
    return views;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
