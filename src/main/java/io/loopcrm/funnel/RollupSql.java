package io.loopcrm.funnel;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A native query over the rollups (rows {@code r}, campaign {@code c}, owner {@code m}) or the cost
 * ledger ({@code e}), built clause by clause with its named parameters.
 */
final class RollupSql {
  /**
   * Weight of a rollup row in the sums: day rows before the start of a period that begins early in
   * a month, or after the end of one that ends late in a month, are taken away from that month's
   * row (see {@link #period}).
   */
  static final String W =
      "(case when r.grain in ("
          + Grain.dayCodes()
          + ") and (r.day < :from or r.day > :to) then -1 else 1 end)";

  private final StringBuilder sql;
  private final Map<String, Object> params = new HashMap<>();

  RollupSql(String start) {
    sql = new StringBuilder(start);
  }

  RollupSql append(String clause) {
    sql.append(clause);
    return this;
  }

  RollupSql param(String name, Object value) {
    params.put(name, value);
    return this;
  }

  /**
   * The filter's conditions on rollup rows of the given day and month grains: its period, then
   * campaign, variant, channel, segment and team.
   */
  RollupSql where(FunnelFilter f, LocalDate today, Grain grain) {
    period(f, today, grain.day, grain.month);
    campaignConditions(f, "r");
    if (f.segment() != null) {
      append(" and r.segment = :segment").param("segment", f.segment());
    }
    if (f.team() != null) {
      append(" and m.team_id = :team").param("team", f.team());
    }
    return this;
  }

  /**
   * The period. Whole months inside it are read from the month rows; a month the period ends in
   * counts whole when the period reaches today (no later rows exist). A period that starts in the
   * first half of a month takes that month's row and subtracts the day rows before its start, one
   * that starts later adds the day rows to the month's end; likewise a period that ends in the
   * second half of a month takes that month's row and subtracts the day rows after its end, one
   * that ends earlier adds the day rows from the month's start. So a year reads about twelve month
   * rows and at most half a month of day rows at each end per slice.
   */
  private void period(FunnelFilter f, LocalDate today, char dayGrain, char monthGrain) {
    String dayRows = " r.grain = '" + dayGrain + "'";
    String monthRows = " r.grain = '" + monthGrain + "'";
    LocalDate from = f.from() == null ? LocalDate.of(2000, 1, 1) : f.from();
    LocalDate to = f.to() == null ? today : f.to();
    param("from", from).param("to", to);
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
      append(" and" + dayRows + " and r.day >= :from and r.day <= :to");
      return;
    }
    append(" and ((" + monthRows + " and r.day >= :mfrom and r.day < :mto)");
    param("mfrom", monthsFrom).param("mto", monthsTo);
    if (from.getDayOfMonth() > 1) {
      // subtract: [month start, from) weighted −1; add: [from, next month)
      append(" or (" + dayRows + " and r.day >= :sfrom and r.day < :send)");
      param("sfrom", subtractStart ? fromMonth : from)
          .param("send", subtractStart ? from : nextMonth);
    }
    if (subtractEnd) {
      // (to, month end] weighted −1
      append(" or (" + dayRows + " and r.day > :to and r.day < :mto)");
    } else if (!endWhole) {
      // [month start, to]
      append(" or (" + dayRows + " and r.day >= :mto and r.day <= :to)");
    }
    append(")");
  }

  /**
   * Campaign, variant and channel conditions on the rows of {@code table} ("r": a rollup, "e": the
   * cost ledger, whose entries may name their own channel), joined to campaign {@code c}.
   */
  RollupSql campaignConditions(FunnelFilter f, String table) {
    if (f.campaign() != null) {
      append(" and " + table + ".campaign_id = :campaign").param("campaign", f.campaign());
    }
    if (f.variant() != null) {
      append(" and " + table + ".variant_id = :variant").param("variant", f.variant());
    }
    if (f.channel() != null) {
      append(table.equals("e") ? " and coalesce(e.channel, c.channel)" : " and c.channel")
          .append(" = :channel")
          .param("channel", f.channel());
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  List<Object[]> rows(EntityManager em) {
    Query q = em.createNativeQuery(sql.toString());
    params.forEach(q::setParameter);
    return q.getResultList();
  }

  /** A number from a row, without trailing zeros; null as 0. */
  static BigDecimal dec(Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    return d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
  }
}
