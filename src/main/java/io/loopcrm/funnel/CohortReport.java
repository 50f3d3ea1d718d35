package io.loopcrm.funnel;

import io.loopcrm.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Retention cohorts from {@code cohort_rollup}: customers first won in each month of the period (by
 * the campaign and variant of their first won deal), active at month +1 … +12, revenue and cost.
 * Segment and team do not apply (customers are accounts).
 */
@ApplicationScoped
public class CohortReport {
  @Inject EntityManager em;
  @Inject FunnelReport report;

  /** The cohorts of the slice, newest first; {@code today} decides which months are to come. */
  public List<Cohort> cohorts(FunnelFilter f, LocalDate today) {
    LocalDate from = (f.from() == null ? today.minusYears(1) : f.from()).withDayOfMonth(1);
    LocalDate to = f.to() == null ? today : f.to();
    RollupSql sql =
        new RollupSql(
                "select r.cohort_month, r.month_offset, coalesce(sum(r.customers) filter (where"
                    + " r.currency is null), 0), coalesce(sum(r.revenue) filter (where r.currency ="
                    + " :currency), 0) from cohort_rollup r left join campaign c on c.id ="
                    + " r.campaign_id where r.cohort_month >= :from and r.cohort_month <= :to")
            .param("from", from)
            .param("to", to)
            .param("currency", report.currency())
            .campaignConditions(f, "r")
            .append(" group by 1, 2 order by 1, 2");
    Map<LocalDate, long[]> active = new TreeMap<>(Comparator.reverseOrder());
    Map<LocalDate, BigDecimal> revenue = new HashMap<>();
    for (Object[] row : sql.rows(em)) {
      LocalDate month = SqlValues.localDate(row[0]);
      int k = ((Number) row[1]).intValue();
      active.computeIfAbsent(month, m -> new long[13])[k] += ((Number) row[2]).longValue();
      revenue.merge(month, RollupSql.dec(row[3]), BigDecimal::add);
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

  /** Ledger costs in the reporting currency per month of the period. */
  private Map<LocalDate, BigDecimal> monthlyCost(FunnelFilter f, LocalDate from, LocalDate to) {
    RollupSql sql =
        new RollupSql(
                "select date_trunc('month', e.incurred_on)::date, sum(e.amount) from cost_entry e"
                    + " join campaign c on c.id = e.campaign_id where e.currency = :currency"
                    + " and e.incurred_on >= :from and e.incurred_on <= :to")
            .param("currency", report.currency())
            .param("from", from)
            .param("to", to.withDayOfMonth(1).plusMonths(1).minusDays(1))
            .campaignConditions(f, "e")
            .append(" group by 1");
    Map<LocalDate, BigDecimal> out = new HashMap<>();
    for (Object[] row : sql.rows(em)) {
      out.put(SqlValues.localDate(row[0]), RollupSql.dec(row[1]));
    }
    return out;
  }
}
