package io.loopcrm.funnel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything operations' funnel page shows for one slice: the funnel, the breakdown, the A/B
 * verdicts, sales' feedback, the teams' response and the cohorts, with the choices of the filter
 * form. It is the page template's only data.
 */
public record FunnelPage(
    View view,
    Form form,
    Numbers totals,
    List<Stage> stages,
    List<Numbers> rows,
    Map<String, FunnelReport.Budget> budgets,
    String currency,
    List<Verdict> verdicts,
    SalesFeedback feedback,
    Teams teams,
    List<Cohort> cohorts) {

  /** Something to pick by id: a campaign, a variant, a team. */
  public record Option(Long id, String name) {}

  /**
   * The page's choices as they came (malformed values dropped), and the query that repeats them.
   */
  public record View(
      FunnelFilter filter,
      String fromText,
      String toText,
      Dimension by,
      String step,
      Option campaign) {
    /** The page's query string: the filter, the breakdown and the A/B step. */
    public String query() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("from", fromText);
      p.put("to", toText);
      p.put("model", filter.model().getParam());
      p.put("campaign", filter.campaign());
      p.put("variant", filter.variant());
      p.put("channel", filter.channel());
      p.put("segment", filter.segment());
      p.put("team", filter.team());
      p.put("by", by.getParam());
      p.put("step", step);
      return p.entrySet().stream()
          .filter(e -> e.getValue() != null)
          .map(
              e ->
                  e.getKey()
                      + "="
                      + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
    }
  }

  /** The choices of the filter form. */
  public record Form(
      List<Option> campaigns,
      List<Option> variants,
      List<String> channels,
      List<String> segments,
      List<Option> teams,
      List<FunnelFilter.Model> models,
      List<Dimension> dimensions,
      List<String> steps) {}

  /** A team's median first response and whether it is within the target. */
  public record ResponseTime(Duration median, boolean onTarget) {}

  /** The breakdown by team with each team's median first response against the target. */
  public record Teams(
      List<Numbers> rows, Map<String, ResponseTime> response, java.time.Duration target) {}

  /** The months after a cohort's first win that the cohort table shows. */
  public List<Integer> offsets() {
    return Cohort.OFFSETS;
  }
}
