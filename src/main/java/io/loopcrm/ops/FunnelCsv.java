package io.loopcrm.ops;

import io.loopcrm.funnel.AbTest;
import io.loopcrm.funnel.Cohort;
import io.loopcrm.funnel.Dimension;
import io.loopcrm.funnel.FunnelPage;
import io.loopcrm.funnel.FunnelReport;
import io.loopcrm.funnel.Numbers;
import io.loopcrm.funnel.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The funnel page's tables as CSV downloads, {@code /ops/funnel/{name}.csv}: each carries its
 * header and how a row of the slice becomes a line. Tables broken down by the page's dimension
 * start with a column named after it.
 */
enum FunnelCsv {
  STAGES(
      false,
      "stage",
      "count",
      "conversion_pct",
      "drop_off",
      "median_seconds",
      "mean_seconds",
      "revenue_per",
      "goal") {
    @Override
    List<List<Object>> lines(FunnelSlice slice) {
      return slice.stages(slice.totals()).stream()
          .map(
              s ->
                  line(
                      s.key(),
                      s.count(),
                      s.conversion(),
                      s.dropOff(),
                      s.medianTime() == null ? "" : s.medianTime().toSeconds(),
                      s.meanTime() == null ? "" : s.meanTime().toSeconds(),
                      s.valuePer(),
                      s.goal()))
          .toList();
    }
  },
  BREAKDOWN(
      true,
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
      "roi_pct") {
    @Override
    List<List<Object>> lines(FunnelSlice slice) {
      List<Numbers> rows = new ArrayList<>(slice.rows());
      rows.add(slice.totals().withLabel("total"));
      return rows.stream()
          .map(
              n ->
                  line(
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
                      n.roi()))
          .toList();
    }
  },
  ABTEST(
      false,
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
      "more_needed_per_variant") {
    @Override
    List<List<Object>> lines(FunnelSlice slice) {
      if (slice.view().campaign() == null) {
        return List.of();
      }
      return slice.verdicts(slice.variants()).stream()
          .map(
              v -> {
                AbTest t = v.test();
                return line(
                    v.control(),
                    v.variant(),
                    slice.view().step(),
                    t.controlTrials(),
                    t.controlSuccesses(),
                    t.trials(),
                    t.successes(),
                    Verdict.points(t.difference()),
                    Verdict.points(t.low()),
                    Verdict.points(t.high()),
                    String.format(Locale.ROOT, "%.4f", t.pValue()),
                    t.verdict().code(),
                    t.moreNeeded());
              })
          .toList();
    }
  },
  FEEDBACK(false, "kind", "code", "count") {
    @Override
    List<List<Object>> lines(FunnelSlice slice) {
      return slice.feedback().stream().map(fb -> line(fb.kind(), fb.code(), fb.count())).toList();
    }
  },
  FEEDBACK_BY(true, "kind", "code", "count") {
    @Override
    List<List<Object>> lines(FunnelSlice slice) {
      // named from the feedback's own keys (no breakdown query for the labels)
      List<FunnelReport.Feedback> feedback = slice.feedbackBy();
      Map<String, String> names =
          FunnelSlice.names(
              slice.view().by(), feedback.stream().map(FunnelReport.Feedback::key).toList());
      return feedback.stream()
          .map(
              fb ->
                  line(
                      fb.key() == null ? "" : names.getOrDefault(fb.key(), fb.key()),
                      fb.kind(),
                      fb.code(),
                      fb.count()))
          .toList();
    }
  },
  TEAMS(
      false,
      "team",
      "leads",
      "responded",
      "median_first_response_seconds",
      "mean_first_response_seconds",
      "won",
      "win_rate_pct") {
    @Override
    List<List<Object>> lines(FunnelSlice slice) {
      Map<String, FunnelPage.ResponseTime> medians = slice.response();
      return slice.teams().stream()
          .map(
              n -> {
                FunnelPage.ResponseTime median =
                    medians.get(n.key() == null ? FunnelReport.NONE : n.key());
                return line(
                    n.label(),
                    n.leads(),
                    n.responded(),
                    median == null ? "" : median.median().toSeconds(),
                    n.meanFirstResponse() == null ? "" : n.meanFirstResponse().toSeconds(),
                    n.won(),
                    n.winRate());
              })
          .toList();
    }
  },
  COHORTS(
      false,
      Stream.of(
              Stream.of("cohort_month", "customers"),
              IntStream.rangeClosed(1, 12).mapToObj(k -> "active_m" + k),
              Stream.of(
                  "revenue_13_months",
                  "value_per_customer",
                  "cost",
                  "cost_per_customer",
                  "value_to_cost"))
          .flatMap(s -> s)
          .toArray(String[]::new)) {
    @Override
    List<List<Object>> lines(FunnelSlice slice) {
      List<List<Object>> lines = new ArrayList<>();
      for (Cohort c : slice.cohorts()) {
        List<Object> line = new ArrayList<>(List.of(c.month().toString(), c.customers()));
        for (int k = 1; k <= 12; k++) {
          line.add(c.active().get(k));
        }
        line.addAll(
            line(c.revenue(), c.lifetimeValue(), c.cost(), c.acquisitionCost(), c.valueToCost()));
        lines.add(line);
      }
      return lines;
    }
  };

  private final boolean byDimension;
  private final List<String> columns;

  FunnelCsv(boolean byDimension, String... columns) {
    this.byDimension = byDimension;
    this.columns = List.of(columns);
  }

  /** The table of this name ({@code stages}, {@code feedback_by}, ...), or null. */
  static FunnelCsv of(String name) {
    return Arrays.stream(values())
        .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(name))
        .findFirst()
        .orElse(null);
  }

  /** The header: the breakdown's dimension first, where the table has one. */
  List<String> header(Dimension by) {
    if (!byDimension) {
      return columns;
    }
    List<String> h = new ArrayList<>(List.of(by.getParam()));
    h.addAll(columns);
    return h;
  }

  abstract List<List<Object>> lines(FunnelSlice slice);

  /** A line whose values may be null (written empty). */
  private static List<Object> line(Object... values) {
    return Arrays.asList(values);
  }
}
