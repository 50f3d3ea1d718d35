package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.funnel.AbTest;
import io.loopcrm.funnel.FunnelFilter;
import io.loopcrm.funnel.FunnelReport;
import io.loopcrm.funnel.FunnelReport.Dimension;
import io.loopcrm.funnel.Numbers;
import io.loopcrm.funnel.Stage;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.CsvDownload;
import io.loopcrm.web.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The closed loop for operations: the AARRR funnel of any slice (period, campaign, variant,
 * channel, segment, team) under first-touch, last-touch or linear attribution; economics per
 * campaign, variant or channel; the A/B verdict of a campaign's variants; what sales said about the
 * leads. Every table is also a CSV download.
 */
@Path("/ops/funnel")
@RolesAllowed(Roles.OPERATIONS)
public class OpsFunnelResource {
  static final int DEFAULT_DAYS = 90;

  @Inject FunnelReport report;
  @Inject Clock clock;
  @Inject Choices choices;

  @ConfigProperty(name = "loop.sales.first-response-target-hours", defaultValue = "4")
  long responseTargetHours;

  /** The page's choices as they came, for the form and the links. */
  public record View(
      FunnelFilter filter,
      String fromText,
      String toText,
      Dimension by,
      String step,
      String query,
      Campaign campaign) {}

  /** The page's query parameters, as they came (malformed values count as absent). */
  public static class FunnelQuery {
    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("model")
    String model;

    @QueryParam("campaign")
    String campaign;

    @QueryParam("variant")
    String variant;

    @QueryParam("channel")
    String channel;

    @QueryParam("segment")
    String segment;

    @QueryParam("team")
    String team;

    @QueryParam("by")
    String by;

    @QueryParam("step")
    String step;
  }

  /** One line of sales feedback: the reason (or rating, competitor) as pages show it. */
  public record FeedbackLine(String kind, Choices.Option option, BigDecimal count) {}

  /**
   * What sales said about one row of the breakdown: rejections, the most given reject reason, the
   * mean quality rating, lost deals, the most given lost reason and competitor.
   */
  public record FeedbackRow(
      Numbers row,
      BigDecimal rejected,
      FeedbackLine topReject,
      BigDecimal meanQuality,
      BigDecimal rated,
      BigDecimal lost,
      FeedbackLine topLost,
      FeedbackLine topCompetitor) {
    public BigDecimal rejectedPercent() {
      return Numbers.percent(rejected, row.leads());
    }

    public BigDecimal lostPercent() {
      return Numbers.percent(lost, row.deals());
    }
  }

  /** One A/B comparison line: the challenger, its rate and the test against the control. */
  public record Verdict(String variant, String control, AbTest test) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance funnel(
        View view,
        Numbers totals,
        List<Stage> stages,
        List<Numbers> rows,
        Map<String, FunnelReport.Budget> budgets,
        List<Verdict> verdicts,
        List<FeedbackLine> feedback,
        List<FeedbackRow> feedbackRows,
        List<Numbers> teams,
        Map<String, ResponseTime> teamResponse,
        long responseTargetHours,
        List<io.loopcrm.funnel.Cohort> cohorts,
        List<Integer> offsets,
        String currency,
        List<Campaign> campaigns,
        List<CampaignVariant> variants,
        List<String> channels,
        List<String> segments,
        List<Team> allTeams,
        List<FunnelFilter.Model> models,
        List<Dimension> dimensions,
        List<String> steps);
  }

  static final List<Dimension> OPS_DIMENSIONS =
      List.of(
          Dimension.CAMPAIGN,
          Dimension.VARIANT,
          Dimension.CHANNEL,
          Dimension.SEGMENT,
          Dimension.TEAM);

  static final List<String> STEPS = List.of("click_lead", "lead_activated", "lead_won");

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance page(@BeanParam FunnelQuery query) {
    View view = view(query);
    FunnelFilter f = view.filter();
    List<Numbers> rows = labelled(report.breakdown(f, view.by()), view.by());
    Numbers totals = report.totalsOf(rows, f);
    // one query per page: the breakdown's feedback, summed for the slice's list
    List<FunnelReport.Feedback> feedbackBy = report.feedback(f, view.by());
    List<FunnelReport.Feedback> feedback = FunnelReport.feedbackTotals(feedbackBy);
    List<Numbers> teams = labelled(report.breakdown(f, Dimension.TEAM), Dimension.TEAM);
    List<Stage> stages =
        Stage.of(totals, goals(view.campaign()), report.stepTimes(f, null, false).get("total"));
    List<CampaignVariant> variants = variantsOf(view);
    List<Verdict> verdicts = verdicts(view, f, variants);
    return Templates.funnel(
        view,
        totals,
        stages,
        rows,
        view.by() == Dimension.CAMPAIGN ? report.budgets() : Map.of(),
        verdicts,
        feedbackLines(feedback),
        feedbackRows(rows, feedbackBy),
        teams,
        responseMedians(f),
        responseTargetHours,
        report.cohorts(f, LocalDate.now(clock.withZone(ZoneOffset.UTC))),
        io.loopcrm.funnel.Cohort.OFFSETS,
        report.currency(),
        Campaign.list("order by name"),
        variants,
        CampaignForm.CHANNELS,
        report.segments(),
        Team.list("order by name"),
        List.of(FunnelFilter.Model.values()),
        OPS_DIMENSIONS,
        STEPS);
  }

  /** The breakdown table as CSV (same filters as the page). */
  @GET
  @Path("{table}.csv")
  @Produces("text/csv")
  public Response csv(@PathParam("table") String table, @BeanParam FunnelQuery query) {
    View view = view(query);
    FunnelFilter f = view.filter();
    List<List<Object>> lines = new ArrayList<>();
    List<String> header;
    switch (table) {
      case "stages" -> {
        header =
            List.of(
                "stage",
                "count",
                "conversion_pct",
                "drop_off",
                "median_seconds",
                "mean_seconds",
                "revenue_per",
                "goal");
        for (Stage s :
            Stage.of(
                report.totals(f),
                goals(view.campaign()),
                report.stepTimes(f, null, false).get("total"))) {
          lines.add(
              java.util.Arrays.asList(
                  s.key(),
                  s.count(),
                  s.conversion(),
                  s.dropOff(),
                  s.medianTime() == null ? "" : s.medianTime().toSeconds(),
                  s.meanTime() == null ? "" : s.meanTime().toSeconds(),
                  s.valuePer(),
                  s.goal()));
        }
      }
      case "breakdown" -> {
        header =
            List.of(
                view.by().getParam(),
                "clicks",
                "leads",
                "activated",
                "won",
                "lost",
                "retained",
                "referrals",
                "win_rate_pct",
                "revenue",
                "cost",
                "cost_per_lead",
                "cost_per_win",
                "roi_pct");
        List<Numbers> rows = labelled(report.breakdown(f, view.by()), view.by());
        rows.add(report.totals(f).withLabel("total"));
        for (Numbers n : rows) {
          lines.add(
              java.util.Arrays.asList(
                  n.label(),
                  n.clicks(),
                  n.leads(),
                  n.activated(),
                  n.won(),
                  n.lost(),
                  n.retained(),
                  n.referrals(),
                  n.winRate(),
                  n.revenue(),
                  n.cost(),
                  n.costPerLead(),
                  n.costPerWin(),
                  n.roi()));
        }
      }
      case "abtest" -> {
        header =
            List.of(
                "control",
                "variant",
                "step",
                "control_trials",
                "control_successes",
                "trials",
                "successes",
                "difference_pts",
                "ci_low_pts",
                "ci_high_pts",
                "p_value",
                "verdict",
                "more_needed_per_variant");
        if (view.campaign() != null) {
          for (Verdict v : verdicts(view, f, variantsOf(view))) {
            AbTest t = v.test();
            lines.add(
                java.util.Arrays.asList(
                    v.control(),
                    v.variant(),
                    view.step(),
                    t.controlTrials(),
                    t.controlSuccesses(),
                    t.trials(),
                    t.successes(),
                    points(t.difference()),
                    points(t.low()),
                    points(t.high()),
                    String.format(java.util.Locale.ROOT, "%.4f", t.pValue()),
                    t.verdict(),
                    t.moreNeeded()));
          }
        }
      }
      case "feedback" -> {
        header = List.of("kind", "code", "count");
        for (FunnelReport.Feedback fb : report.feedback(f, null)) {
          lines.add(java.util.Arrays.asList(fb.kind(), fb.code(), fb.count()));
        }
      }
      case "feedback_by" -> {
        header = List.of(view.by().getParam(), "kind", "code", "count");
        // named from the feedback's own keys (no breakdown query for the labels)
        List<FunnelReport.Feedback> feedbackBy = report.feedback(f, view.by());
        Map<String, String> names =
            names(view.by(), feedbackBy.stream().map(FunnelReport.Feedback::key).toList());
        for (FunnelReport.Feedback fb : feedbackBy) {
          lines.add(
              java.util.Arrays.asList(
                  fb.key() == null ? "" : names.getOrDefault(fb.key(), fb.key()),
                  fb.kind(),
                  fb.code(),
                  fb.count()));
        }
      }
      case "teams" -> {
        header =
            List.of(
                "team",
                "leads",
                "responded",
                "median_first_response_seconds",
                "mean_first_response_seconds",
                "won",
                "win_rate_pct");
        Map<String, ResponseTime> medians = responseMedians(f);
        for (Numbers n : labelled(report.breakdown(f, Dimension.TEAM), Dimension.TEAM)) {
          ResponseTime median = medians.get(n.key() == null ? FunnelReport.NONE : n.key());
          lines.add(
              java.util.Arrays.asList(
                  n.label(),
                  n.leads(),
                  n.responded(),
                  median == null ? "" : median.median().toSeconds(),
                  n.meanFirstResponse() == null ? "" : n.meanFirstResponse().toSeconds(),
                  n.won(),
                  n.winRate()));
        }
      }
      case "cohorts" -> {
        List<String> h = new ArrayList<>(List.of("cohort_month", "customers"));
        for (int k = 1; k <= 12; k++) {
          h.add("active_m" + k);
        }
        h.addAll(
            List.of(
                "revenue_13_months",
                "value_per_customer",
                "cost",
                "cost_per_customer",
                "value_to_cost"));
        header = h;
        for (io.loopcrm.funnel.Cohort c :
            report.cohorts(f, LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
          List<Object> line = new ArrayList<>(List.of(c.month().toString(), c.customers()));
          for (int k = 1; k <= 12; k++) {
            line.add(c.active().get(k));
          }
          line.addAll(
              java.util.Arrays.asList(
                  c.revenue(), c.lifetimeValue(), c.cost(), c.acquisitionCost(), c.valueToCost()));
          lines.add(line);
        }
      }
      default -> throw new jakarta.ws.rs.NotFoundException();
    }
    return CsvDownload.of(
        "funnel-" + table + "-" + view.fromText() + "-" + view.toText() + ".csv", header, lines);
  }

  private View view(FunnelQuery q) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate end = java.util.Objects.requireNonNullElse(Params.parseDate(q.to), today);
    LocalDate start =
        java.util.Objects.requireNonNullElse(
            Params.parseDate(q.from), end.minusDays(DEFAULT_DAYS - 1));
    if (start.isAfter(end)) {
      LocalDate swap = start;
      start = end;
      end = swap;
    }
    Long campaign = Params.parseLong(q.campaign);
    Long variant = Params.parseLong(q.variant);
    Campaign c = campaign == null ? null : Campaign.findById(campaign);
    CampaignVariant v = variant == null ? null : CampaignVariant.findById(variant);
    if (v != null && c != null && !v.campaign.id.equals(c.id)) {
      v = null;
    }
    FunnelFilter f =
        new FunnelFilter(
            start,
            end,
            FunnelFilter.Model.of(q.model),
            c == null ? null : c.id,
            v == null ? null : v.id,
            q.channel != null && CampaignForm.CHANNELS.contains(q.channel) ? q.channel : null,
            Params.trimToNull(q.segment, 60),
            Params.parseLong(q.team));
    Dimension fallback = c == null ? Dimension.CAMPAIGN : Dimension.VARIANT;
    Dimension dim = Dimension.of(q.by, fallback);
    if (!OPS_DIMENSIONS.contains(dim)) {
      // per-rep figures belong to sales; operations sees teams
      dim = fallback;
    }
    String s = q.step != null && STEPS.contains(q.step) ? q.step : STEPS.get(0);
    StringBuilder link =
        new StringBuilder("from=" + start + "&to=" + end + "&model=" + f.model().getParam());
    if (f.campaign() != null) link.append("&campaign=").append(f.campaign());
    if (f.variant() != null) link.append("&variant=").append(f.variant());
    if (f.channel() != null) link.append("&channel=").append(f.channel());
    if (f.segment() != null) {
      link.append("&segment=")
          .append(java.net.URLEncoder.encode(f.segment(), StandardCharsets.UTF_8));
    }
    if (f.team() != null) link.append("&team=").append(f.team());
    link.append("&by=").append(dim.getParam()).append("&step=").append(s);
    return new View(f, start.toString(), end.toString(), dim, s, link.toString(), c);
  }

  /** A team's median first response and whether it is within the target. */
  public record ResponseTime(java.time.Duration median, boolean onTarget) {}

  /** Median first response per team key ({@link FunnelReport#NONE}: no team). */
  private Map<String, ResponseTime> responseMedians(FunnelFilter f) {
    Map<String, ResponseTime> out = new HashMap<>();
    report
        .stepTimes(f, Dimension.TEAM, true)
        .forEach(
            (team, times) -> {
              java.time.Duration d = times.median(io.loopcrm.funnel.StepTimes.RESPONSE);
              if (d != null) {
                out.put(team, new ResponseTime(d, d.toSeconds() < responseTargetHours * 3600));
              }
            });
    return out;
  }

  private static List<CampaignVariant> variantsOf(View view) {
    return view.campaign() == null
        ? List.of()
        : CampaignVariant.list("campaign.id = ?1 order by id", view.campaign().id);
  }

  /** Each variant of the chosen campaign against the first, on the chosen step. */
  private List<Verdict> verdicts(View view, FunnelFilter f, List<CampaignVariant> variants) {
    List<Verdict> out = new ArrayList<>();
    if (variants.size() < 2) {
      return out;
    }
    FunnelFilter perVariant =
        new FunnelFilter(
            f.from(), f.to(), f.model(), f.campaign(), null, f.channel(), f.segment(), f.team());
    Map<String, Numbers> byVariant = new HashMap<>();
    for (Numbers n : report.breakdown(perVariant, Dimension.VARIANT)) {
      byVariant.put(n.key(), n);
    }
    CampaignVariant control = variants.get(0);
    long[] c = trials(byVariant.get(control.id.toString()), view.step());
    for (CampaignVariant v : variants.subList(1, variants.size())) {
      long[] t = trials(byVariant.get(v.id.toString()), view.step());
      out.add(new Verdict(v.name, control.name, AbTest.of(c[0], c[1], t[0], t[1])));
    }
    return out;
  }

  /** Trials and successes of a step, in whole people (linear credits are rounded). */
  private static long[] trials(Numbers n, String step) {
    if (n == null) {
      return new long[] {0, 0};
    }
    return switch (step) {
      case "lead_activated" -> new long[] {whole(n.leads()), whole(n.activated())};
      case "lead_won" -> new long[] {whole(n.leads()), whole(n.won())};
      default -> new long[] {n.clicks(), whole(n.leads())};
    };
  }

  private static long whole(BigDecimal value) {
    return value.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
  }

  private static Stage.Goals goals(Campaign c) {
    if (c == null) {
      return null;
    }
    return new Stage.Goals(
        c.goalLeads == null ? null : BigDecimal.valueOf(c.goalLeads),
        c.goalActivated == null ? null : BigDecimal.valueOf(c.goalActivated),
        c.goalRevenue,
        c.goalRetained == null ? null : BigDecimal.valueOf(c.goalRetained),
        c.goalReferrals == null ? null : BigDecimal.valueOf(c.goalReferrals));
  }

  /** Names for the keys of a breakdown (ids of campaigns, variants, teams), in one query each. */
  private List<Numbers> labelled(List<Numbers> rows, Dimension by) {
    Map<String, String> names = names(by, rows.stream().map(Numbers::key).toList());
    List<Numbers> out = new ArrayList<>();
    for (Numbers n : rows) {
      String label = n.key() == null ? null : names.getOrDefault(n.key(), n.key());
      out.add(n.withLabel(label));
    }
    return out;
  }

  /** The names of a dimension's keys (campaign, variant, team ids); other keys name themselves. */
  private static Map<String, String> names(Dimension by, List<String> keys) {
    Map<String, String> names = new HashMap<>();
    switch (by) {
      case CAMPAIGN -> {
        for (Campaign c : Campaign.<Campaign>listAll()) {
          names.put(c.id.toString(), c.name);
        }
      }
      case VARIANT -> {
        List<Long> ids = new ArrayList<>();
        for (String key : keys) {
          if (key != null) ids.add(Long.valueOf(key));
        }
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

  private List<FeedbackLine> feedbackLines(List<FunnelReport.Feedback> rows) {
    List<FeedbackLine> out = new ArrayList<>();
    for (FunnelReport.Feedback f : rows) {
      Choices.Option option =
          switch (f.kind()) {
            case "reject" -> choices.show(ChoiceList.REJECT_REASON, f.code());
            case "lost" -> choices.show(ChoiceList.LOST_REASON, f.code());
            case "competitor" -> choices.show(ChoiceList.COMPETITOR, f.code());
            default -> new Choices.Option(0, f.code(), f.code() + " / 5", null, 0, false);
          };
      out.add(new FeedbackLine(f.kind(), option, f.count()));
    }
    return out;
  }

  /** The feedback of each breakdown row (rows without leads, deals or feedback left out). */
  private List<FeedbackRow> feedbackRows(List<Numbers> rows, List<FunnelReport.Feedback> byKey) {
    Map<String, List<FunnelReport.Feedback>> grouped = new HashMap<>();
    for (FunnelReport.Feedback fb : byKey) {
      grouped
          .computeIfAbsent(fb.key() == null ? FunnelReport.NONE : fb.key(), k -> new ArrayList<>())
          .add(fb);
    }
    List<FeedbackRow> out = new ArrayList<>();
    for (Numbers n : rows) {
      List<FunnelReport.Feedback> lines =
          grouped.getOrDefault(n.key() == null ? FunnelReport.NONE : n.key(), List.of());
      if (n.leads().signum() == 0 && lines.isEmpty()) {
        continue;
      }
      BigDecimal rejected = BigDecimal.ZERO;
      BigDecimal lost = BigDecimal.ZERO;
      BigDecimal rated = BigDecimal.ZERO;
      BigDecimal ratingSum = BigDecimal.ZERO;
      FunnelReport.Feedback topReject = null;
      FunnelReport.Feedback topLost = null;
      FunnelReport.Feedback topCompetitor = null;
      for (FunnelReport.Feedback fb : lines) {
        switch (fb.kind()) {
          case "reject" -> {
            rejected = rejected.add(fb.count());
            topReject = larger(topReject, fb);
          }
          case "lost" -> {
            lost = lost.add(fb.count());
            topLost = larger(topLost, fb);
          }
          case "competitor" -> topCompetitor = larger(topCompetitor, fb);
          default -> {
            rated = rated.add(fb.count());
            ratingSum = ratingSum.add(fb.count().multiply(new BigDecimal(fb.code())));
          }
        }
      }
      List<FeedbackLine> tops =
          feedbackLines(
              java.util.stream.Stream.of(topReject, topLost, topCompetitor)
                  .map(
                      fb ->
                          fb == null
                              ? new FunnelReport.Feedback("none", "", null, BigDecimal.ZERO)
                              : fb)
                  .toList());
      out.add(
          new FeedbackRow(
              n,
              rejected,
              topReject == null ? null : tops.get(0),
              Numbers.ratio(ratingSum, rated, 1),
              rated,
              lost,
              topLost == null ? null : tops.get(1),
              topCompetitor == null ? null : tops.get(2)));
    }
    return out;
  }

  private static FunnelReport.Feedback larger(FunnelReport.Feedback a, FunnelReport.Feedback b) {
    return a == null || b.count().compareTo(a.count()) > 0 ? b : a;
  }

  /** A rate difference in percentage points, one decimal. */
  private static BigDecimal points(double difference) {
    return BigDecimal.valueOf(difference * 100).setScale(1, java.math.RoundingMode.HALF_UP);
  }
}
