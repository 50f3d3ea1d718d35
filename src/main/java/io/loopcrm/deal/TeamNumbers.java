package io.loopcrm.deal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A sales team's month per member and currency, in one grouped query: open pipeline, weighted
 * forecast for the month, won this month, and the member's quota.
 */
@ApplicationScoped
public class TeamNumbers {
  @Inject EntityManager em;

  /** One member's figures in one currency (a member without deals has one row with zeros). */
  public record Row(
      long memberId,
      String name,
      String currency,
      long openDeals,
      BigDecimal openValue,
      BigDecimal weightedMonth,
      BigDecimal wonMonth,
      BigDecimal quota,
      String quotaCurrency,
      boolean quotaRow) {
    /** The quota as a form value. */
    public String quotaValue() {
      return quota == null ? "" : quota.stripTrailingZeros().toPlainString();
    }

    /** The currency the quota form offers first. */
    public String formCurrency() {
      return quotaCurrency != null ? quotaCurrency : currency;
    }

    /** Won against quota in percent, when quota and won are in the same currency. */
    public Integer attainment() {
      if (quota == null || quota.signum() == 0 || !currency.equals(quotaCurrency)) {
        return null;
      }
      return wonMonth
          .multiply(BigDecimal.valueOf(100))
          .divide(quota, 0, java.math.RoundingMode.HALF_UP)
          .intValue();
    }
  }

  public List<Row> of(long teamId, LocalDate today, Instant monthStart) {
    LocalDate monthFirst = today.withDayOfMonth(1);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select m.id, m.display_name, coalesce(d.currency, q.currency, 'USD') as currency,"
                    + " count(d.id) filter (where d.status = 'open'),"
                    + " coalesce(sum(d.amount) filter (where d.status = 'open'), 0),"
                    + " coalesce(sum(d.amount * d.probability / 100) filter (where d.status = 'open' and d.expected_close between :m1 and :m2), 0),"
                    + " coalesce(sum(d.amount) filter (where d.status = 'won' and d.closed_at >= :monthStart), 0),"
                    + " q.amount, q.currency"
                    + " from member m"
                    + " left join deal d on d.owner_id = m.id"
                    + " left join quota q on q.member_id = m.id and q.month = :m1"
                    + " where m.team_id = :team and (m.roles like '%sales%')"
                    + " group by m.id, m.display_name, coalesce(d.currency, q.currency, 'USD'), q.amount, q.currency"
                    + " order by m.display_name, 3")
            .setParameter("m1", Date.valueOf(monthFirst))
            .setParameter("m2", Date.valueOf(monthFirst.plusMonths(1).minusDays(1)))
            .setParameter("monthStart", Timestamp.from(monthStart))
            .setParameter("team", teamId)
            .getResultList();
    // the member's quota is set on one of their rows: the one in its currency, else their first
    java.util.Set<Long> withQuotaRow = new java.util.HashSet<>();
    for (Object[] r : rows) {
      if (r[8] != null && r[8].equals(r[2])) {
        withQuotaRow.add(((Number) r[0]).longValue());
      }
    }
    List<Row> result = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (Object[] r : rows) {
      long member = ((Number) r[0]).longValue();
      boolean quotaRow = withQuotaRow.contains(member) ? r[2].equals(r[8]) : !seen.contains(member);
      seen.add(member);
      result.add(
          new Row(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              ((Number) r[3]).longValue(),
              scale(r[4]),
              scale(r[5]),
              scale(r[6]),
              r[7] == null ? null : scale(r[7]),
              (String) r[8],
              quotaRow));
    }
    return result;
  }

  private static BigDecimal scale(Object value) {
    return ((BigDecimal) value).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
