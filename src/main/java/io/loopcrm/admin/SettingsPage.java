package io.loopcrm.admin;

import io.loopcrm.deal.PipelineStage;
import io.loopcrm.deal.PipelineStages;
import io.loopcrm.funnel.ReportSetting;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.FormText;
import io.loopcrm.web.Pages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The settings page (pipeline stages, the editable lists, the funnel's retention window) and how a
 * change to it ends: saved and back to the page with a flash, or refused with the one form that was
 * wrong shown again. Every change runs in its own transaction, and the caches of stages and lists
 * are dropped after it commits.
 */
@ApplicationScoped
public class SettingsPage {
  @jakarta.inject.Inject io.loopcrm.lead.SegmentBands segments;

  @Inject PipelineStages stages;
  @Inject Choices choices;
  @Inject Pages pages;

  /** One editable list on the page. */
  public record ListView(
      String code, String titleKey, String helpKey, List<Choices.Option> values) {}

  /** Which form the errors belong to: "stage-new", "stage-12", "list-currency", ... */
  public record Problem(String form, FormErrors errors, Map<String, String> values) {
    static final Problem NONE = new Problem("", FormErrors.none(), Map.of());

    public boolean at(String name) {
      return form.equals(name);
    }

    public boolean atStage(long id) {
      return form.equals("stage-" + id);
    }

    public boolean atValue(long id) {
      return form.equals("value-" + id);
    }

    public boolean atList(String code) {
      return form.equals("list-" + code);
    }
  }

  /** What a change ended in: the flash of what was saved, or why nothing was. */
  record Outcome(String flash, Problem problem) {
    static Outcome saved(String flash) {
      return new Outcome(flash, null);
    }

    static Outcome refused(String form, String field, String key, Map<String, String> values) {
      return new Outcome(null, new Problem(form, new FormErrors().add(field, key), values));
    }
  }

  @CheckedTemplate(basePath = "AdminSettingsResource")
  static class Templates {
    static native TemplateInstance settings(
        List<PipelineStage> stages,
        List<ListView> lists,
        Problem problem,
        ReportSetting report,
        List<io.loopcrm.lead.SegmentBand> bands);
  }

  /**
   * Runs a change in a transaction of its own. A change checks its rules before it writes, so a
   * refused one has written nothing.
   */
  Response apply(Supplier<Outcome> change) {
    Outcome outcome;
    try {
      outcome = QuarkusTransaction.requiringNew().call(change::get);
    } finally {
      // dropped after the commit, so no request reloads the old values meanwhile
      stages.invalidate();
      choices.invalidate();
      segments.invalidate();
    }
    if (outcome.problem() != null) {
      return pages.withStatus(422, render(outcome.problem()));
    }
    return Flash.redirect(URI.create("/admin/settings"), "success", outcome.flash());
  }

  /** The page again with what is wrong with one form. */
  Response invalid(String form, FormErrors errors, Map<String, String> values) {
    return pages.withStatus(422, render(new Problem(form, errors, values)));
  }

  TemplateInstance render(Problem problem) {
    List<PipelineStage> all =
        QuarkusTransaction.joiningExisting()
            .call(() -> PipelineStage.<PipelineStage>list("order by archived, position, id"));
    List<ListView> lists =
        List.of(
            view(
                ChoiceList.REJECT_REASON,
                "settings_reject_reasons",
                "settings_reject_reasons_help"),
            view(ChoiceList.LOST_REASON, "settings_lost_reasons", "settings_lost_reasons_help"),
            view(ChoiceList.COMPETITOR, "settings_competitors", "settings_competitors_help"),
            view(ChoiceList.CURRENCY, "settings_currencies", "settings_currencies_help"));
    ReportSetting report = QuarkusTransaction.joiningExisting().call(ReportSetting::get);
    List<io.loopcrm.lead.SegmentBand> bands =
        QuarkusTransaction.joiningExisting().call(io.loopcrm.lead.SegmentBand::listOrdered);
    return Templates.settings(all, lists, problem, report, bands);
  }

  private ListView view(ChoiceList list, String title, String help) {
    return new ListView(list.code(), title, help, choices.all(list));
  }

  /** Name/value pairs as the form's values, nulls as empty. */
  static Map<String, String> values(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
    }
    return m;
  }

  static String trim(String s) {
    return FormText.orEmpty(s).trim();
  }
}
