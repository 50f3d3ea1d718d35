package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.funnel.Cohort;
import io.loopcrm.funnel.CohortReport;
import io.loopcrm.funnel.Dimension;
import io.loopcrm.funnel.FunnelFilter;
import io.loopcrm.funnel.FunnelPage;
import io.loopcrm.funnel.FunnelReport;
import io.loopcrm.funnel.Numbers;
import io.loopcrm.funnel.SalesFeedback;
import io.loopcrm.funnel.Stage;
import io.loopcrm.funnel.StepTimes;
import io.loopcrm.funnel.Verdict;
import io.loopcrm.people.Team;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One slice of the funnel, for one request: the page and the CSV downloads ask it for their
 * figures, and each figure is read from the database once, when it is first needed.
 */
final class FunnelSlice {
  private final FunnelReport report;
  private final CohortReport cohorts;
  private final Choices choices;
  private final FunnelPage.View view;
  private final LocalDate today;
  private final java.time.Duration target;
  private final Stage.Goals goals;
  private List<Numbers> rows;
  private List<FunnelReport.Feedback> feedbackBy;

  FunnelSlice(
      FunnelReport report,
      CohortReport cohorts,
      Choices choices,
      FunnelQuery query,
      LocalDate today,
      java.time.Duration target) {
    this.report = report;
    this.cohorts = cohorts;
    this.choices = choices;
    this.view = query.view(today);
    this.goals = query.goals();
    this.today = today;
    this.target = target;
  }

  FunnelPage.View view() {
    return view;
  }

  FunnelFilter filter() {
    return view.filter();
  }

  /** The whole page. */
  FunnelPage page() {
    Numbers totals = report.totalsOf(rows(), filter());
    List<FunnelPage.Option> variants = variants();
    return new FunnelPage(
        view,
        new FunnelPage.Form(
            Campaign.<Campaign>list("order by name").stream()
                .map(c -> new FunnelPage.Option(c.id, c.name))
                .toList(),
            variants,
            Campaign.CHANNELS,
            report.segments(),
            Team.<Team>list("order by name").stream()
                .map(t -> new FunnelPage.Option(t.id, t.name))
                .toList(),
            List.of(FunnelFilter.Model.values()),
            FunnelQuery.DIMENSIONS,
            Verdict.STEPS),
        totals,
        stages(totals),
        rows(),
        view.by() == Dimension.CAMPAIGN ? report.budgets() : Map.of(),
        report.currency(),
        verdicts(variants),
        new SalesFeedback(
            SalesFeedback.totals(feedbackBy()).stream().map(this::line).toList(),
            SalesFeedback.rows(rows(), feedbackBy(), this::line)),
        new FunnelPage.Teams(teams(), response(), target),
        cohorts());
  }

  /** The breakdown by the chosen dimension, each row named. */
  List<Numbers> rows() {
    if (rows == null) {
      rows = labelled(report.breakdown(filter(), view.by()), view.by());
    }
    return rows;
  }

  /** The slice's totals, read on their own. */
  Numbers totals() {
    return report.totals(filter());
  }

  /** The funnel's steps from these totals, against the campaign's goals. */
  List<Stage> stages(Numbers totals) {
    return Stage.of(totals, goals, report.stepTimes(filter(), null, false).get("total"));
  }

  /** Sales' feedback per row of the breakdown (one query for the page). */
  List<FunnelReport.Feedback> feedbackBy() {
    if (feedbackBy == null) {
      feedbackBy = report.feedback(filter(), view.by());
    }
    return feedbackBy;
  }

  List<FunnelReport.Feedback> feedback() {
    return report.feedback(filter(), null);
  }

  /**
   * The team table: teams with leads. Clicks and the campaign's referrals count by their own
   * campaign, so with a campaign filter the breakdown also holds a row without leads under "no
   * team" (clicks, referrals of leads whose first touch was elsewhere): no team's work.
   */
  List<Numbers> teams() {
    return labelled(
        report.breakdown(filter(), Dimension.TEAM).stream()
            .filter(n -> n.leads().signum() != 0)
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)),
        Dimension.TEAM);
  }

  /** Median first response per team key ({@link FunnelReport#NONE}: no team). */
  Map<String, FunnelPage.ResponseTime> response() {
    Map<String, FunnelPage.ResponseTime> out = new HashMap<>();
    report
        .stepTimes(filter(), Dimension.TEAM, true)
        .forEach(
            (team, times) -> {
              Duration d = times.median(StepTimes.RESPONSE);
              if (d != null) {
                out.put(team, new FunnelPage.ResponseTime(d, d.compareTo(target) < 0));
              }
            });
    return out;
  }

  List<Cohort> cohorts() {
    return cohorts.cohorts(filter(), today);
  }

  /** The chosen campaign's variants, in the order they were made (the first is the control). */
  List<FunnelPage.Option> variants() {
    return view.campaign() == null
        ? List.of()
        : CampaignVariant.<CampaignVariant>list(
                "campaign.id = ?1 order by id", view.campaign().id())
            .stream()
            .map(v -> new FunnelPage.Option(v.id, v.name))
            .toList();
  }

  /** Each variant of the chosen campaign against the first, on the chosen step. */
  List<Verdict> verdicts(List<FunnelPage.Option> variants) {
    if (variants.size() < 2) {
      return List.of();
    }
    FunnelFilter f = filter();
    FunnelFilter perVariant =
        new FunnelFilter(
            f.from(), f.to(), f.model(), f.campaign(), null, f.channel(), f.segment(), f.team());
    return Verdict.compare(variants, report.breakdown(perVariant, Dimension.VARIANT), view.step());
  }

  /** A feedback line named as pages show it: a reason, a competitor or a rating out of 5. */
  SalesFeedback.Line line(FunnelReport.Feedback f) {
    Choices.Option option =
        switch (f.kind()) {
          case "reject" -> choices.show(ChoiceList.REJECT_REASON, f.code());
          case "lost" -> choices.show(ChoiceList.LOST_REASON, f.code());
          case "competitor" -> choices.show(ChoiceList.COMPETITOR, f.code());
          default -> new Choices.Option(0, f.code(), f.code() + " / 5", null, 0, false);
        };
    return new SalesFeedback.Line(f.kind(), option, f.count());
  }

  /** Names for the keys of a breakdown (ids of campaigns, variants, teams). */
  private List<Numbers> labelled(List<Numbers> rows, Dimension by) {
    Map<String, String> names = names(by, rows.stream().map(Numbers::key).toList());
    List<Numbers> out = new ArrayList<>();
    for (Numbers n : rows) {
      out.add(n.withLabel(n.key() == null ? null : names.getOrDefault(n.key(), n.key())));
    }
    return out;
  }

  /** The names of a dimension's keys (campaign, variant, team ids), one query each. */
  static Map<String, String> names(Dimension by, List<String> keys) {
    Map<String, String> names = new HashMap<>();
    switch (by) {
      case CAMPAIGN -> {
        for (Campaign c : Campaign.<Campaign>listAll()) {
          names.put(c.id.toString(), c.name);
        }
      }
      case VARIANT -> {
        List<Long> ids = keys.stream().filter(k -> k != null).map(Long::valueOf).toList();
        if (!ids.isEmpty()) {
          for (CampaignVariant v :
              CampaignVariant.<CampaignVariant>list(
                  "from CampaignVariant v join fetch v.campaign where v.id in ?1", ids)) {
            names.put(v.id.toString(), v.campaign.name + " · " + v.name);
          }
        }
      }
      case TEAM -> {
        for (Team t : Team.<Team>listAll()) {
          names.put(t.id.toString(), t.name);
        }
      }
      default -> {}
    }
    return names;
  }
}
