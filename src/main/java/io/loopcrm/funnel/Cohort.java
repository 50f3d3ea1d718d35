package io.loopcrm.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The customers first won in one month: how many were still active (winning again) at month +1 …
 * +12, what they brought in their first 13 months, and that revenue per customer against the
 * acquisition cost of the month. {@code active.get(k)} is null for months still to come.
 */
public record Cohort(
    LocalDate month, long customers, List<Long> active, BigDecimal revenue, BigDecimal cost) {

  /** Share of the cohort active at month +k in percent, or null (month to come, or no cohort). */
  public BigDecimal activePercent(int k) {
    Long n = active.get(k);
    return n == null || customers == 0
        ? null
        : Numbers.percent(BigDecimal.valueOf(n), BigDecimal.valueOf(customers));
  }

  /** Revenue per customer in the first 13 months, or null. */
  public BigDecimal lifetimeValue() {
    return customers == 0
        ? null
        : revenue.divide(BigDecimal.valueOf(customers), 2, RoundingMode.HALF_UP);
  }

  /** Acquisition cost per customer (the month's ledger cost), or null without cost. */
  public BigDecimal acquisitionCost() {
    return cost == null || cost.signum() == 0 || customers == 0
        ? null
        : cost.divide(BigDecimal.valueOf(customers), 2, RoundingMode.HALF_UP);
  }

  /** Lifetime value ÷ acquisition cost, one decimal, or null. */
  public BigDecimal valueToCost() {
    BigDecimal ltv = lifetimeValue();
    BigDecimal cac = acquisitionCost();
    return ltv == null || cac == null ? null : ltv.divide(cac, 1, RoundingMode.HALF_UP);
  }

  /** The offsets 1 … 12, for the page's columns. */
  public static final List<Integer> OFFSETS = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
}
