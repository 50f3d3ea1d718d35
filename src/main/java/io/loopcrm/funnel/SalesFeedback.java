package io.loopcrm.funnel;

import io.loopcrm.settings.Choices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** What sales said about the slice's leads: the summed lines, and per breakdown row. */
public record SalesFeedback(List<Line> lines, List<Row> rows) {

  /** One line of sales feedback: the reason (or rating, competitor) as pages show it. */
  public record Line(String kind, Choices.Option option, BigDecimal count) {}

  /**
   * What sales said about one row of the breakdown: rejections, the most given reject reason, the
   * mean quality rating, lost deals, the most given lost reason and competitor.
   */
  public record Row(
      Numbers row,
      BigDecimal rejected,
      Line topReject,
      BigDecimal meanQuality,
      BigDecimal rated,
      BigDecimal lost,
      Line topLost,
      Line topCompetitor) {
    public BigDecimal rejectedPercent() {
      return Numbers.percent(rejected, row.leads());
    }

    public BigDecimal lostPercent() {
      return Numbers.percent(lost, row.deals());
    }
  }

  /** The feedback of a breakdown summed over its keys (as {@code feedback(filter, null)} gives). */
  public static List<FunnelReport.Feedback> totals(List<FunnelReport.Feedback> byKey) {
    Map<String, FunnelReport.Feedback> sums = new LinkedHashMap<>();
    for (FunnelReport.Feedback f : byKey) {
      sums.merge(
          f.kind() + "\u0000" + f.code(),
          new FunnelReport.Feedback(f.kind(), f.code(), null, f.count()),
          (a, b) -> new FunnelReport.Feedback(a.kind(), a.code(), null, a.count().add(b.count())));
    }
    List<FunnelReport.Feedback> out = new ArrayList<>(sums.values());
    out.removeIf(f -> f.count().signum() == 0);
    out.sort(
        java.util.Comparator.comparing(FunnelReport.Feedback::kind)
            .thenComparing(FunnelReport.Feedback::count, java.util.Comparator.reverseOrder())
            .thenComparing(FunnelReport.Feedback::code));
    return out;
  }

  /**
   * The feedback of each breakdown row (rows without leads, deals or feedback left out), each
   * reason named by {@code name}.
   */
  public static List<Row> rows(
      List<Numbers> rows,
      List<FunnelReport.Feedback> byKey,
      Function<FunnelReport.Feedback, Line> name) {
    Map<String, List<FunnelReport.Feedback>> grouped = new HashMap<>();
    for (FunnelReport.Feedback fb : byKey) {
      grouped.computeIfAbsent(keyOf(fb.key()), k -> new ArrayList<>()).add(fb);
    }
    List<Row> out = new ArrayList<>();
    for (Numbers n : rows) {
      List<FunnelReport.Feedback> lines = grouped.getOrDefault(keyOf(n.key()), List.of());
      if (n.leads().signum() != 0 || !lines.isEmpty()) {
        out.add(row(n, lines, name));
      }
    }
    return out;
  }

  private static Row row(
      Numbers n, List<FunnelReport.Feedback> lines, Function<FunnelReport.Feedback, Line> name) {
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
    List<Line> tops =
        Stream.of(topReject, topLost, topCompetitor)
            .map(
                fb ->
                    name.apply(
                        fb == null
                            ? new FunnelReport.Feedback("none", "", null, BigDecimal.ZERO)
                            : fb))
            .toList();
    return new Row(
        n,
        rejected,
        topReject == null ? null : tops.get(0),
        Numbers.ratio(ratingSum, rated, 1),
        rated,
        lost,
        topLost == null ? null : tops.get(1),
        topCompetitor == null ? null : tops.get(2));
  }

  private static String keyOf(String key) {
    return key == null ? FunnelReport.NONE : key;
  }

  private static FunnelReport.Feedback larger(FunnelReport.Feedback a, FunnelReport.Feedback b) {
    return a == null || b.count().compareTo(a.count()) > 0 ? b : a;
  }
}
