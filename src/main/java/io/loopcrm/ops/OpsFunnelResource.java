package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.funnel.AbTest;
import io.loopcrm.funnel.FunnelFilter;
import io.loopcrm.funnel.FunnelReport;
import io.loopcrm.funnel.FunnelReport.Dimension;
import io.loopcrm.funnel.Numbers;
import io.loopcrm.funnel.Stage;
import io.loopcrm.lead.LeadCsv;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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

  /** One line of sales feedback: the reason (or rating, competitor) as pages show it. */
  public record FeedbackLine(String kind, Choices.Option option, BigDecimal count) {}

  /** One A/B comparison line: the challenger, its rate and the test against the control. */
  public record Verdict(String variant, String control, AbTest test) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance funnel(
        View view,
        Numbers totals,
        List<Stage> stages,
        List<Numbers> rows,
        List<Verdict> verdicts,
        List<FeedbackLine> feedback,
        List<Numbers> teams,
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
  public TemplateInstance page(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("model") String model,
      @QueryParam("campaign") Long campaign,
      @QueryParam("variant") Long variant,
      @QueryParam("channel") String channel,
      @QueryParam("segment") String segment,
      @QueryParam("team") Long team,
      @QueryParam("by") String by,
      @QueryParam("step") String step) {
    View view = view(from, to, model, campaign, variant, channel, segment, team, by, step);
    FunnelFilter f = view.filter();
    List<Numbers> rows = labelled(report.breakdown(f, view.by()), view.by());
    Numbers totals = report.totalsOf(rows, f);
    List<Verdict> verdicts = view.campaign() == null ? List.of() : verdicts(view, f);
    List<FunnelReport.Feedback> feedback = report.feedback(f, null);
    List<Numbers> teams = labelled(report.breakdown(f, Dimension.TEAM), Dimension.TEAM);
    List<Stage> stages = Stage.of(totals, goals(view.campaign()));
    List<CampaignVariant> variants =
        view.campaign() == null
            ? List.of()
            : CampaignVariant.list("campaign.id = ?1 order by id", view.campaign().id);
    return Templates.funnel(
        view,
        totals,
        stages,
        rows,
        verdicts,
        feedbackLines(feedback),
        teams,
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
  public Response csv(
      @PathParam("table") String table,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("model") String model,
      @QueryParam("campaign") Long campaign,
      @QueryParam("variant") Long variant,
      @QueryParam("channel") String channel,
      @QueryParam("segment") String segment,
      @QueryParam("team") Long team,
      @QueryParam("by") String by,
      @QueryParam("step") String step) {
    View view = view(from, to, model, campaign, variant, channel, segment, team, by, step);
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
                "mean_seconds",
                "revenue_per",
                "goal");
        for (Stage s : Stage.of(report.totals(f), goals(view.campaign()))) {
          lines.add(
              List.of(
                  s.key(),
                  s.count(),
                  nz(s.conversion()),
                  nz(s.dropOff()),
                  s.meanTime() == null ? "" : s.meanTime().toSeconds(),
                  nz(s.valuePer()),
                  nz(s.goal())));
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
              List.of(
                  LeadCsv.safe(n.label()),
                  n.clicks(),
                  n.leads(),
                  n.activated(),
                  n.won(),
                  n.lost(),
                  n.retained(),
                  n.referrals(),
                  nz(n.winRate()),
                  n.revenue(),
                  nz(n.cost()),
                  nz(n.costPerLead()),
                  nz(n.costPerWin()),
                  nz(n.roi())));
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
          for (Verdict v : verdicts(view, f)) {
            AbTest t = v.test();
            lines.add(
                List.of(
                    LeadCsv.safe(v.control()),
                    LeadCsv.safe(v.variant()),
                    view.step(),
                    t.controlTrials(),
                    t.controlSuccesses(),
                    t.trials(),
                    t.successes(),
                    t.getDifferencePoints(),
                    t.getLowPoints(),
                    t.getHighPoints(),
                    String.format(java.util.Locale.ROOT, "%.4f", t.pValue()),
                    t.verdict(),
                    t.moreNeeded() == null ? "" : t.moreNeeded()));
          }
        }
      }
      case "feedback" -> {
        header = List.of("kind", "code", "count");
        for (FunnelReport.Feedback fb : report.feedback(f, null)) {
          lines.add(List.of(fb.kind(), LeadCsv.safe(fb.code()), fb.count()));
        }
      }
      case "teams" -> {
        header =
            List.of(
                "team", "leads", "responded", "mean_first_response_seconds", "won", "win_rate_pct");
        for (Numbers n : labelled(report.breakdown(f, Dimension.TEAM), Dimension.TEAM)) {
          lines.add(
              List.of(
                  LeadCsv.safe(n.label()),
                  n.leads(),
                  n.responded(),
                  n.meanFirstResponse() == null ? "" : n.meanFirstResponse().toSeconds(),
                  n.won(),
                  nz(n.winRate())));
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
            line.add(nz(c.active().get(k)));
          }
          line.addAll(
              List.of(
                  c.revenue(),
                  nz(c.lifetimeValue()),
                  nz(c.cost()),
                  nz(c.acquisitionCost()),
                  nz(c.valueToCost())));
          lines.add(line);
        }
      }
      default -> throw new jakarta.ws.rs.NotFoundException();
    }
    StreamingOutput body =
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          w.write('\uFEFF');
          CSVPrinter p =
              new CSVPrinter(
                  w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
          for (List<Object> line : lines) {
            p.printRecord(line);
          }
          p.flush();
          w.flush();
        };
    return Response.ok(body)
        .header(
            "Content-Disposition",
            "attachment; filename=\"funnel-"
                + table
                + "-"
                + view.fromText()
                + "-"
                + view.toText()
                + ".csv\"")
        .header("Content-Type", "text/csv; charset=UTF-8")
        .build();
  }

  private View view(
      String from,
      String to,
      String model,
      Long campaign,
      Long variant,
      String channel,
      String segment,
      Long team,
      String by,
      String step) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate end = date(to, today);
    LocalDate start = date(from, end.minusDays(DEFAULT_DAYS - 1));
    if (start.isAfter(end)) {
      LocalDate swap = start;
      start = end;
      end = swap;
    }
    Campaign c = campaign == null ? null : Campaign.findById(campaign);
    CampaignVariant v = variant == null ? null : CampaignVariant.findById(variant);
    if (v != null && c != null && !v.campaign.id.equals(c.id)) {
      v = null;
    }
    FunnelFilter f =
        new FunnelFilter(
            start,
            end,
            FunnelFilter.Model.of(model),
            c == null ? null : c.id,
            v == null ? null : v.id,
            channel != null && CampaignForm.CHANNELS.contains(channel) ? channel : null,
            segment == null || segment.isBlank() ? null : segment.trim(),
            team);
    Dimension fallback = c == null ? Dimension.CAMPAIGN : Dimension.VARIANT;
    Dimension dim = Dimension.of(by, fallback);
    if (!OPS_DIMENSIONS.contains(dim)) {
      // per-rep figures belong to sales; operations sees teams
      dim = fallback;
    }
    String s = step != null && STEPS.contains(step) ? step : STEPS.get(0);
    StringBuilder q =
        new StringBuilder("from=" + start + "&to=" + end + "&model=" + f.model().getParam());
    if (f.campaign() != null) q.append("&campaign=").append(f.campaign());
    if (f.variant() != null) q.append("&variant=").append(f.variant());
    if (f.channel() != null) q.append("&channel=").append(f.channel());
    if (f.segment() != null) {
      q.append("&segment=").append(java.net.URLEncoder.encode(f.segment(), StandardCharsets.UTF_8));
    }
    if (f.team() != null) q.append("&team=").append(f.team());
    q.append("&by=").append(dim.getParam()).append("&step=").append(s);
    return new View(f, start.toString(), end.toString(), dim, s, q.toString(), c);
  }

  private static LocalDate date(String text, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException bad) {
      return fallback;
    }
  }

  private List<Verdict> verdicts(View view, FunnelFilter f) {
    FunnelFilter perVariant =
        new FunnelFilter(
            f.from(), f.to(), f.model(), f.campaign(), null, f.channel(), f.segment(), f.team());
    Map<String, Numbers> byVariant = new HashMap<>();
    for (Numbers n : report.breakdown(perVariant, Dimension.VARIANT)) {
      byVariant.put(n.key(), n);
    }
    List<CampaignVariant> variants =
        CampaignVariant.list("campaign.id = ?1 order by id", view.campaign().id);
    List<Verdict> out = new ArrayList<>();
    if (variants.size() < 2) {
      return out;
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
    Map<String, String> names = new HashMap<>();
    switch (by) {
      case CAMPAIGN -> {
        for (Campaign c : Campaign.<Campaign>listAll()) {
          names.put(c.id.toString(), c.name);
        }
      }
      case VARIANT -> {
        List<Long> ids = new ArrayList<>();
        for (Numbers n : rows) {
          if (n.key() != null) ids.add(Long.valueOf(n.key()));
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
    List<Numbers> out = new ArrayList<>();
    for (Numbers n : rows) {
      String label = n.key() == null ? null : names.getOrDefault(n.key(), n.key());
      out.add(n.withLabel(label));
    }
    return out;
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

  private static Object nz(Object value) {
    return value == null ? "" : value;
  }
}
