package io.loopcrm.funnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the funnel from the rollups the database keeps ({@code funnel_rollup}, {@code
 * feedback_rollup}, see V6__funnel.sql): one grouped query per table on the page, never the raw
 * leads. Costs come from the cost ledger (a small table) for the same period.
 */
@ApplicationScoped
public class FunnelReport {
  @Inject EntityManager em;
  @Inject java.time.Clock clock;

  @ConfigProperty(name = "loop.reporting-currency", defaultValue = "USD")
  String currency;

  /** What a breakdown groups by. */
  public enum Dimension {
    CAMPAIGN("r.campaign_id::text"),
    VARIANT("r.variant_id::text"),
    CHANNEL("c.channel"),
    SEGMENT("r.segment"),
    TEAM("m.team_id::text"),
    OWNER("r.owner_id::text");

    final String sql;

    Dimension(String sql) {
      this.sql = sql;
    }

    public String getParam() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String getLabelKey() {
      return "funnel_by_" + getParam();
    }

    public static Dimension of(String param, Dimension fallback) {
      for (Dimension d : values()) {
        if (d.getParam().equals(param)) {
          return d;
        }
      }
      return fallback;
    }
  }

  public String currency() {
    return currency;
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
    long clicks = 0;
    BigDecimal[] sums = new BigDecimal[12];
    java.util.Arrays.fill(sums, BigDecimal.ZERO);
    for (Numbers n : rows) {
      clicks += n.clicks();
      BigDecimal[] values = {
        n.leads(),
        n.activated(),
        n.deals(),
        n.won(),
        n.lost(),
        n.retained(),
        n.referrals(),
        n.revenue(),
        n.activateSeconds(),
        n.winSeconds(),
        n.responded(),
        n.responseSeconds()
      };
      for (int i = 0; i < values.length; i++) {
        sums[i] = sums[i].add(values[i]);
      }
    }
    Numbers total =
        new Numbers(
            "total", null, clicks, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6],
            sums[7], sums[8], sums[9], sums[10], sums[11], null);
    return filter.countsClicksAndCosts() ? total.withCost(cost(filter, null).get("*")) : total;
  }

  /** Segments seen in the rollups (read from the month rows), for the filter. */
  @SuppressWarnings("unchecked")
  public List<String> segments() {
    return em.createNativeQuery(
            "select distinct segment from funnel_rollup where grain = 'm' and model = 'f'"
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
    char day = 'd';
    char month = 'm';
    String model = filter.model().code;
    if (by == null && filter.segment() == null && filter.team() == null && !campaignFilter) {
      // everything summed (first touch: every model counts each lead once)
      day = 'a';
      month = 'A';
      model = "f";
    } else if (by == null && filter.segment() == null && filter.team() == null) {
      // summed over segments and owners
      day = 'c';
      month = 'C';
    } else if (!campaignFilter && (by == null || by == Dimension.TEAM || by == Dimension.SEGMENT)) {
      // per segment and owner alone (no campaign: every model counts each lead once)
      day = 'o';
      month = 'O';
      model = "f";
    }
    StringBuilder sql =
        new StringBuilder("select k, step, bucket, sum(n * w), sum(seconds * w) from (select ")
            .append(by == null ? "'total'" : by.sql)
            .append(" k, r.step, r.bucket, " + W + " w, sum(r.n) n, sum(r.seconds) seconds")
            .append(" from funnel_time_rollup r")
            .append(" left join campaign c on c.id = r.campaign_id")
            .append(" left join member m on m.id = r.owner_id")
            .append(" where r.model = :model");
    Map<String, Object> params = new HashMap<>();
    params.put("model", model);
    sql.append(firstResponses ? " and r.step = 'r'" : " and r.step <> 'r'");
    where(sql, params, filter, day, month);
    sql.append(" group by 1, 2, 3, 4) s group by 1, 2, 3 having sum(n * w) > 0");
    Query q = em.createNativeQuery(sql.toString());
    params.forEach(q::setParameter);
    Map<String, StepTimes> out = new HashMap<>();
    for (Object[] row : (List<Object[]>) q.getResultList()) {
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
    StringBuilder sql =
        new StringBuilder("select kind, code, k, sum(n * w) from (select r.kind, r.code, ")
            .append(by == null ? "null" : by.sql)
            .append(" k, " + W + " w, sum(r.n) n from feedback_rollup r")
            .append(" left join campaign c on c.id = r.campaign_id")
            .append(" left join member m on m.id = r.owner_id")
            .append(" where r.model = :model");
    Map<String, Object> params = new HashMap<>();
    params.put("model", filter.model().code);
    where(sql, params, filter);
    sql.append(
        " group by 1, 2, 3, 4) s group by 1, 2, 3 having sum(n * w) <> 0 order by 1, 4 desc, 2");
    Query q = em.createNativeQuery(sql.toString());
    params.forEach(q::setParameter);
    List<Feedback> out = new ArrayList<>();
    for (Object[] row : (List<Object[]>) q.getResultList()) {
      out.add(new Feedback((String) row[0], (String) row[1], (String) row[2], (BigDecimal) row[3]));
    }
    return out;
  }

  /** The feedback of a breakdown summed over its keys (as {@code feedback(filter, null)} gives). */
  public static List<Feedback> feedbackTotals(List<Feedback> byKey) {
    Map<String, Feedback> sums = new LinkedHashMap<>();
    for (Feedback f : byKey) {
      sums.merge(
          f.kind() + "\u0000" + f.code(),
          new Feedback(f.kind(), f.code(), null, f.count()),
          (a, b) -> new Feedback(a.kind(), a.code(), null, a.count().add(b.count())));
    }
    List<Feedback> out = new ArrayList<>(sums.values());
    out.removeIf(f -> f.count().signum() == 0);
    out.sort(
        java.util.Comparator.comparing(Feedback::kind)
            .thenComparing(Feedback::count, java.util.Comparator.reverseOrder())
            .thenComparing(Feedback::code));
    return out;
  }

  /**
   * Retention cohorts: customers first won in each month of the period (by the campaign and variant
   * of their first won deal), active at month +1 … +12, revenue and cost. Segment and team do not
   * apply (customers are accounts). {@code today} decides which months are still to come.
   */
  @SuppressWarnings("unchecked")
  public List<Cohort> cohorts(FunnelFilter f, LocalDate today) {
    LocalDate from = (f.from() == null ? today.minusYears(1) : f.from()).withDayOfMonth(1);
    LocalDate to = f.to() == null ? today : f.to();
    StringBuilder sql =
        new StringBuilder(
            "select r.cohort_month, r.month_offset, coalesce(sum(r.customers) filter (where"
                + " r.currency is null), 0), coalesce(sum(r.revenue) filter (where r.currency ="
                + " :currency), 0) from cohort_rollup r left join campaign c on c.id ="
                + " r.campaign_id where r.cohort_month >= :from and r.cohort_month <= :to");
    Map<String, Object> params = new HashMap<>();
    params.put("from", from);
    params.put("to", to);
    params.put("currency", currency);
    campaignConditions(sql, params, f, "r");
    sql.append(" group by 1, 2 order by 1, 2");
    Query q = em.createNativeQuery(sql.toString());
    params.forEach(q::setParameter);
    Map<LocalDate, long[]> active = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    Map<LocalDate, BigDecimal> revenue = new HashMap<>();
    for (Object[] row : (List<Object[]>) q.getResultList()) {
      LocalDate month = io.loopcrm.web.SqlValues.localDate(row[0]);
      int k = ((Number) row[1]).intValue();
      active.computeIfAbsent(month, m -> new long[13])[k] += ((Number) row[2]).longValue();
      revenue.merge(month, dec(row[3]), BigDecimal::add);
    }
    Map<LocalDate, BigDecimal> costs = monthlyCost(f, from, to);
    List<Cohort> out = new ArrayList<>();
    for (Map.Entry<LocalDate, long[]> e : active.entrySet()) {
      LocalDate month = e.getKey();
      List<Long> counts = new ArrayList<>();
      for (int k = 0; k <= 12; k++) {
        counts.add(month.plusMonths(k).isAfter(today) ? null : e.getValue()[k]);
      }
      out.add(
          new Cohort(
              month,
              e.getValue()[0],
              counts,
              revenue.getOrDefault(month, BigDecimal.ZERO),
              costs.get(month)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<LocalDate, BigDecimal> monthlyCost(FunnelFilter f, LocalDate from, LocalDate to) {
    StringBuilder sql =
        new StringBuilder(
            "select date_trunc('month', e.incurred_on)::date, sum(e.amount) from cost_entry e"
                + " join campaign c on c.id = e.campaign_id where e.currency = :currency"
                + " and e.incurred_on >= :from and e.incurred_on <= :to");
    Map<String, Object> params = new HashMap<>();
    params.put("currency", currency);
    params.put("from", from);
    params.put("to", to.withDayOfMonth(1).plusMonths(1).minusDays(1));
    campaignConditions(sql, params, f, "e");
    sql.append(" group by 1");
    Query q = em.createNativeQuery(sql.toString());
    params.forEach(q::setParameter);
    Map<LocalDate, BigDecimal> out = new HashMap<>();
    for (Object[] row : (List<Object[]>) q.getResultList()) {
      out.put(io.loopcrm.web.SqlValues.localDate(row[0]), dec(row[1]));
    }
    return out;
  }

  /**
   * Campaign, variant and channel conditions on the rows of {@code table} ("r": a rollup, "e": the
   * cost ledger, whose entries may name their own channel), joined to campaign {@code c}.
   */
  private static void campaignConditions(
      StringBuilder sql, Map<String, Object> params, FunnelFilter f, String table) {
    if (f.campaign() != null) {
      sql.append(" and ").append(table).append(".campaign_id = :campaign");
      params.put("campaign", f.campaign());
    }
    if (f.variant() != null) {
      sql.append(" and ").append(table).append(".variant_id = :variant");
      params.put("variant", f.variant());
    }
    if (f.channel() != null) {
      sql.append(table.equals("e") ? " and coalesce(e.channel, c.channel)" : " and c.channel")
          .append(" = :channel");
      params.put("channel", f.channel());
    }
  }

  @SuppressWarnings("unchecked")
  private List<Numbers> query(FunnelFilter filter, Dimension by) {
    // inner: plain sums per key and sign (no arithmetic per row); outer: the signs applied
    StringBuilder sql =
        new StringBuilder("select k, coalesce(sum(clicks * w), 0), sum(leads * w),")
            .append(" sum(activated * w), sum(deals * w), sum(won * w), sum(lost * w),")
            .append(" sum(retained * w), sum(referrals * w), coalesce(sum(revenue * w), 0),")
            .append(" sum(activate_seconds * w), sum(win_seconds * w), sum(responded * w),")
            .append(" sum(response_seconds * w) from (select ")
            .append(by == null ? "'total'" : by.sql)
            .append(" k, " + W + " w, sum(r.clicks) clicks, sum(r.leads) leads,")
            .append(" sum(r.activated) activated, sum(r.deals) deals, sum(r.won) won,")
            .append(" sum(r.lost) lost, sum(r.retained) retained, sum(r.referrals) referrals,")
            .append(" sum(r.revenue) filter (where r.currency = :currency) revenue,")
            .append(" sum(r.activate_seconds) activate_seconds, sum(r.win_seconds) win_seconds,")
            .append(" sum(r.responded) responded, sum(r.response_seconds) response_seconds")
            .append(" from funnel_rollup r")
            .append(" left join campaign c on c.id = r.campaign_id")
            .append(" left join member m on m.id = r.owner_id")
            .append(" where r.model in (:model, '*')");
    Map<String, Object> params = new HashMap<>();
    params.put("model", filter.model().code);
    params.put("currency", currency);
    where(sql, params, filter);
    sql.append(" group by 1, 2) s group by 1");
    Query q = em.createNativeQuery(sql.toString());
    params.forEach(q::setParameter);
    List<Numbers> out = new ArrayList<>();
    for (Object[] row : (List<Object[]>) q.getResultList()) {
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

  /**
   * Weight of a rollup row in the sums: day rows before the start of a period that begins early in
   * a month, or after the end of one that ends late in a month, are taken away from that month's
   * row (see {@link #where}).
   */
  static final String W =
      "(case when r.grain in ('d', 'c', 'a', 'o') and (r.day < :from or r.day > :to) then -1"
          + " else 1 end)";

  /**
   * The filter's conditions. Whole months inside the period are read from the month rows; a month
   * the period ends in counts whole when the period reaches today (no later rows exist). A period
   * that starts in the first half of a month takes that month's row and subtracts the day rows
   * before its start, one that starts later adds the day rows to the month's end; likewise a period
   * that ends in the second half of a month takes that month's row and subtracts the day rows after
   * its end, one that ends earlier adds the day rows from the month's start. So a year reads about
   * twelve month rows and at most half a month of day rows at each end per slice.
   */
  private void where(StringBuilder sql, Map<String, Object> params, FunnelFilter f) {
    where(sql, params, f, 'd', 'm');
  }

  /**
   * The filter's conditions on rows of the given day and month grains (the step-time histogram has
   * coarser pairs, see {@link #stepTimes}).
   */
  private void where(
      StringBuilder sql,
      Map<String, Object> params,
      FunnelFilter f,
      char dayGrain,
      char monthGrain) {
    String dayRows = " r.grain = '" + dayGrain + "'";
    String monthRows = " r.grain = '" + monthGrain + "'";
    LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    LocalDate from = f.from() == null ? LocalDate.of(2000, 1, 1) : f.from();
    LocalDate to = f.to() == null ? today : f.to();
    params.put("from", from);
    params.put("to", to);
    LocalDate fromMonth = from.withDayOfMonth(1);
    LocalDate nextMonth = fromMonth.plusMonths(1);
    boolean subtractStart =
        from.getDayOfMonth() > 1 && from.getDayOfMonth() - 1 < from.lengthOfMonth() / 2;
    LocalDate monthsFrom = from.getDayOfMonth() == 1 || subtractStart ? fromMonth : nextMonth;
    LocalDate toMonth = to.withDayOfMonth(1);
    boolean endWhole = to.plusDays(1).getDayOfMonth() == 1 || !to.isBefore(today);
    boolean subtractEnd =
        !endWhole && to.lengthOfMonth() - to.getDayOfMonth() < to.lengthOfMonth() / 2;
    LocalDate monthsTo = endWhole || subtractEnd ? toMonth.plusMonths(1) : toMonth;
    if (!monthsFrom.isBefore(monthsTo)) {
      sql.append(" and" + dayRows + " and r.day >= :from and r.day <= :to");
    } else {
      sql.append(" and ((" + monthRows + " and r.day >= :mfrom and r.day < :mto)");
      params.put("mfrom", monthsFrom);
      params.put("mto", monthsTo);
      if (from.getDayOfMonth() > 1) {
        // subtract: [month start, from) weighted −1; add: [from, next month)
        sql.append(" or (" + dayRows + " and r.day >= :sfrom and r.day < :send)");
        params.put("sfrom", subtractStart ? fromMonth : from);
        params.put("send", subtractStart ? from : nextMonth);
      }
      if (subtractEnd) {
        // (to, month end] weighted −1
        sql.append(" or (" + dayRows + " and r.day > :to and r.day < :mto)");
      } else if (!endWhole) {
        // [month start, to]
        sql.append(" or (" + dayRows + " and r.day >= :mto and r.day <= :to)");
      }
      sql.append(")");
    }
    campaignConditions(sql, params, f, "r");
    if (f.segment() != null) {
      sql.append(" and r.segment = :segment");
      params.put("segment", f.segment());
    }
    if (f.team() != null) {
      sql.append(" and m.team_id = :team");
      params.put("team", f.team());
    }
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
    StringBuilder sql =
        new StringBuilder("select ")
            .append(key)
            .append(", sum(e.amount) from cost_entry e join campaign c on c.id = e.campaign_id")
            .append(" where e.currency = :currency");
    Map<String, Object> params = new HashMap<>();
    params.put("currency", currency);
    if (f.from() != null) {
      sql.append(" and e.incurred_on >= :from");
      params.put("from", f.from());
    }
    if (f.to() != null) {
      sql.append(" and e.incurred_on <= :to");
      params.put("to", f.to());
    }
    campaignConditions(sql, params, f, "e");
    sql.append(" group by 1");
    Query q = em.createNativeQuery(sql.toString());
    params.forEach(q::setParameter);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Object[] row : (List<Object[]>) q.getResultList()) {
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
    if (value == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    return d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
  }
}
