package io.loopcrm.funnel;

import io.loopcrm.common.LoopConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the funnel from the rollups the database keeps ({@code funnel_rollup}, {@code
 * feedback_rollup}, kept by R__funnel.sql): one grouped query per table on the page, never the raw
 * leads. Costs come from the cost ledger (a small table) for the same period. The queries are built
 * by {@link RollupSql}; the retention cohorts are read by {@link CohortReport}.
 */
@ApplicationScoped
public class FunnelReport {
  @Inject EntityManager em;
  @Inject java.time.Clock clock;

  @Inject LoopConfig config;

  private LocalDate today() {
    return LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
  }

  public String currency() {
    return config.reportingCurrency();
  }

  /** The whole slice the filter describes. */
  public Numbers totals(FunnelFilter filter) {
    List<Numbers> rows = query(filter, null);
    Numbers total = rows.isEmpty() ? empty("total") : rows.get(0);
    return filter.countsClicksAndCosts() ? total.withCost(cost(filter, null).get("*")) : total;
  }

  /**
   * The whole slice as the sum of one of its breakdowns (every breakdown adds up to the total, so
   * this saves a query), with the total cost.
   */
  public Numbers totalsOf(List<Numbers> rows, FunnelFilter filter) {
    Numbers total = Numbers.sum("total", rows);
    return filter.countsClicksAndCosts() ? total.withCost(cost(filter, null).get("*")) : total;
  }

  /** Segments seen in the rollups (read from the month rows), for the filter. */
  @SuppressWarnings("unchecked")
  public List<String> segments() {
    return em.createNativeQuery(
            "select distinct segment from funnel_rollup where grain = '"
                + Grain.DETAIL.month
                + "' and model = '"
                + FunnelFilter.Model.FIRST.code
                + "'"
                + " and segment is not null order by 1 limit 100")
        .getResultList();
  }

  /** The slice broken down by one dimension, largest number of leads first. */
  public List<Numbers> breakdown(FunnelFilter filter, Dimension by) {
    List<Numbers> rows = query(filter, by);
    boolean costs =
        filter.countsClicksAndCosts()
            && (by == Dimension.CAMPAIGN || by == Dimension.VARIANT || by == Dimension.CHANNEL);
    if (costs) {
      Map<String, BigDecimal> cost = cost(filter, by);
      List<Numbers> withCost = new ArrayList<>();
      for (Numbers n : rows) {
        withCost.add(n.withCost(cost.getOrDefault(n.key(), BigDecimal.ZERO)));
        cost.remove(n.key());
      }
      // spending that brought nothing yet still shows
      cost.forEach((k, v) -> withCost.add(empty(k).withCost(v)));
      rows = withCost;
    }
    rows.sort(
        (a, b) -> {
          int c = b.leads().compareTo(a.leads());
          return c != 0 ? c : Long.compare(b.clicks(), a.clicks());
        });
    return rows;
  }

  /**
   * Time between the funnel's steps of the slice (by == null: key "total") or of each key of a
   * breakdown, from the step-time histograms; {@code firstResponses}: assignment to first response
   * only, else the other steps.
   */
  @SuppressWarnings("unchecked")
  public Map<String, StepTimes> stepTimes(
      FunnelFilter filter, Dimension by, boolean firstResponses) {
    boolean campaignFilter =
        filter.campaign() != null || filter.variant() != null || filter.channel() != null;
    Grain grain = Grain.DETAIL;
    String model = filter.model().code;
    if (by == null && filter.segment() == null && filter.team() == null && !campaignFilter) {
      // everything summed (first touch: every model counts each lead once)
      grain = Grain.ALL;
      model = FunnelFilter.Model.FIRST.code;
    } else if (by == null && filter.segment() == null && filter.team() == null) {
      // summed over segments and owners
      grain = Grain.CAMPAIGN;
    } else if (!campaignFilter && (by == null || by == Dimension.TEAM || by == Dimension.SEGMENT)) {
      // per segment and owner alone (no campaign: every model counts each lead once)
      grain = Grain.OWNER;
      model = FunnelFilter.Model.FIRST.code;
    }
    RollupSql sql =
        new RollupSql("select k, step, bucket, sum(n * w), sum(seconds * w) from (select ")
            .append(by == null ? "'total'" : by.sql)
            .append(
                " k, r.step, r.bucket, " + RollupSql.W + " w, sum(r.n) n, sum(r.seconds) seconds")
            .append(" from funnel_time_rollup r")
            .append(" left join campaign c on c.id = r.campaign_id")
            .append(" left join member m on m.id = r.owner_id")
            .append(" where r.model = :model")
            .param("model", model)
            .append(
                (firstResponses ? " and r.step = '" : " and r.step <> '")
                    + Step.RESPONSE.code
                    + "'")
            .where(filter, today(), grain)
            .append(" group by 1, 2, 3, 4) s group by 1, 2, 3 having sum(n * w) > 0");
    Map<String, StepTimes> out = new HashMap<>();
    for (Object[] row : sql.rows(em)) {
      String key = row[0] == null ? NONE : (String) row[0];
      out.computeIfAbsent(key, k -> new StepTimes())
          .add(
              row[1].toString().charAt(0),
              ((Number) row[2]).intValue(),
              ((Number) row[3]).doubleValue(),
              ((Number) row[4]).doubleValue());
    }
    return out;
  }

  /** The key of a breakdown's row without a value (no campaign, no team, …) in maps. */
  public static final String NONE = "none";

  /** A campaign's budget and what its ledger holds in the budget's currency, all time. */
  public record Budget(BigDecimal budget, String currency, BigDecimal spent) {
    public BigDecimal spentPercent() {
      return Numbers.percent(spent, budget);
    }
  }

  /** Budget against spent per campaign id (campaigns with a budget), in one grouped query. */
  @SuppressWarnings("unchecked")
  public Map<String, Budget> budgets() {
    Map<String, Budget> out = new HashMap<>();
    for (Object[] row :
        (List<Object[]>)
            em.createNativeQuery(
                    "select c.id::text, c.budget, c.currency, coalesce(sum(e.amount) filter (where"
                        + " e.currency = c.currency), 0) from campaign c left join cost_entry e on"
                        + " e.campaign_id = c.id where c.budget is not null group by c.id")
                .getResultList()) {
      out.put((String) row[0], new Budget(dec(row[1]), row[2].toString().trim(), dec(row[3])));
    }
    return out;
  }

  /** One line of sales feedback: a reason (or rating, competitor) and its credited count. */
  public record Feedback(String kind, String code, String key, BigDecimal count) {}

  /** What sales said about the slice's leads, per kind and code, optionally per dimension. */
  @SuppressWarnings("unchecked")
  public List<Feedback> feedback(FunnelFilter filter, Dimension by) {
    RollupSql sql =
        new RollupSql("select kind, code, k, sum(n * w) from (select r.kind, r.code, ")
            .append(by == null ? "null" : by.sql)
            .append(" k, " + RollupSql.W + " w, sum(r.n) n from feedback_rollup r")
            .append(" left join campaign c on c.id = r.campaign_id")
            .append(" left join member m on m.id = r.owner_id")
            .append(" where r.model = :model")
            .param("model", filter.model().code)
            .where(filter, today(), Grain.DETAIL)
            .append(
                " group by 1, 2, 3, 4) s group by 1, 2, 3 having sum(n * w) <> 0 order by 1, 4 desc, 2");
    List<Feedback> out = new ArrayList<>();
    for (Object[] row : sql.rows(em)) {
      out.add(new Feedback((String) row[0], (String) row[1], (String) row[2], (BigDecimal) row[3]));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Numbers> query(FunnelFilter filter, Dimension by) {
    // inner: plain sums per key and sign (no arithmetic per row); outer: the signs applied
    RollupSql sql =
        new RollupSql("select k, coalesce(sum(clicks * w), 0), sum(leads * w),")
            .append(" sum(activated * w), sum(deals * w), sum(won * w), sum(lost * w),")
            .append(" sum(retained * w), sum(referrals * w), coalesce(sum(revenue * w), 0),")
            .append(" sum(activate_seconds * w), sum(win_seconds * w), sum(responded * w),")
            .append(" sum(response_seconds * w) from (select ")
            .append(by == null ? "'total'" : by.sql)
            .append(" k, " + RollupSql.W + " w, sum(r.clicks) clicks, sum(r.leads) leads,")
            .append(" sum(r.activated) activated, sum(r.deals) deals, sum(r.won) won,")
            .append(" sum(r.lost) lost, sum(r.retained) retained, sum(r.referrals) referrals,")
            .append(" sum(r.revenue) filter (where r.currency = :currency) revenue,")
            .append(" sum(r.activate_seconds) activate_seconds, sum(r.win_seconds) win_seconds,")
            .append(" sum(r.responded) responded, sum(r.response_seconds) response_seconds")
            .append(" from funnel_rollup r")
            .append(" left join campaign c on c.id = r.campaign_id")
            .append(" left join member m on m.id = r.owner_id")
            .append(" where r.model in (:model, '*')")
            .param("model", filter.model().code)
            .param("currency", currency())
            .where(filter, today(), Grain.DETAIL)
            .append(" group by 1, 2) s group by 1");
    List<Numbers> out = new ArrayList<>();
    for (Object[] row : sql.rows(em)) {
      out.add(
          new Numbers(
              (String) row[0],
              null,
              ((Number) row[1]).longValue(),
              dec(row[2]),
              dec(row[3]),
              dec(row[4]),
              dec(row[5]),
              dec(row[6]),
              dec(row[7]),
              dec(row[8]),
              dec(row[9]),
              dec(row[10]),
              dec(row[11]),
              dec(row[12]),
              dec(row[13]),
              null));
    }
    return out;
  }

  /** Ledger costs in the reporting currency for the period, per key of the dimension ("*": all). */
  @SuppressWarnings("unchecked")
  private Map<String, BigDecimal> cost(FunnelFilter f, Dimension by) {
    String key =
        by == null
            ? "'*'"
            : switch (by) {
              case CAMPAIGN -> "e.campaign_id::text";
              case VARIANT -> "e.variant_id::text";
              default -> "coalesce(e.channel, c.channel)";
            };
    RollupSql sql =
        new RollupSql("select " + key)
            .append(", sum(e.amount) from cost_entry e join campaign c on c.id = e.campaign_id")
            .append(" where e.currency = :currency")
            .param("currency", currency());
    if (f.from() != null) {
      sql.append(" and e.incurred_on >= :from").param("from", f.from());
    }
    if (f.to() != null) {
      sql.append(" and e.incurred_on <= :to").param("to", f.to());
    }
    sql.campaignConditions(f, "e").append(" group by 1");
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Object[] row : sql.rows(em)) {
      out.put((String) row[0], dec(row[1]));
    }
    if (by == null) {
      out.putIfAbsent("*", BigDecimal.ZERO);
    }
    return out;
  }

  private static Numbers empty(String key) {
    BigDecimal z = BigDecimal.ZERO;
    return new Numbers(key, null, 0, z, z, z, z, z, z, z, z, z, z, z, z, null);
  }

  private static BigDecimal dec(Object value) {
    return RollupSql.dec(value);
  }
}
