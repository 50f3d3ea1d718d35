package io.loopcrm.deal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The sales side of the loop for a set of reps: weighted pipeline by expected close month and quota
 * attainment per month. Conversion rates come from the funnel rollups ({@code
 * funnel/FunnelReport}).
 */
@ApplicationScoped
public class SalesNumbers {
  @Inject EntityManager em;

  /** Open deals expected to close in one month, in one currency. */
  public record PipelineMonth(
      LocalDate month, String currency, long deals, BigDecimal value, BigDecimal weighted) {}

  /** One rep's quota of one month against what they won in its currency. */
  public record Attainment(
      long memberId,
      String name,
      LocalDate month,
      BigDecimal quota,
      String currency,
      BigDecimal won) {
    public BigDecimal percent() {
      return quota.signum() == 0
          ? null
          : won.multiply(BigDecimal.valueOf(100)).divide(quota, 0, RoundingMode.HALF_UP);
    }
  }

  /**
   * Open deals of {@code owners} by expected close month from {@code first} for {@code months}
   * months; deals expected before {@code first} (overdue) are counted in the first month.
   */
  @SuppressWarnings("unchecked")
  public List<PipelineMonth> pipeline(List<Long> owners, LocalDate first, int months) {
    if (owners.isEmpty()) {
      return List.of();
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "select greatest(date_trunc('month', d.expected_close)::date, :first) as m,"
                    + " d.currency, count(*), coalesce(sum(d.amount), 0),"
                    + " coalesce(sum(d.amount * d.probability / 100), 0)"
                    + " from deal d where d.status = 'open' and d.owner_id in (:owners)"
                    + " and d.expected_close < :end group by 1, 2 order by 1, 2")
            .setParameter("first", Date.valueOf(first))
            .setParameter("end", Date.valueOf(first.plusMonths(months)))
            .setParameter("owners", owners)
            .getResultList();
    List<PipelineMonth> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new PipelineMonth(
              io.loopcrm.common.SqlValues.localDate(r[0]),
              (String) r[1],
              ((Number) r[2]).longValue(),
              money(r[3]),
              money(r[4])));
    }
    return out;
  }

  /** Quotas of {@code owners} for the months from {@code first} to {@code last}, newest first. */
  @SuppressWarnings("unchecked")
  public List<Attainment> attainment(List<Long> owners, LocalDate first, LocalDate last) {
    if (owners.isEmpty()) {
      return List.of();
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "select q.member_id, m.display_name, q.month, q.amount, q.currency,"
                    + " coalesce(sum(d.amount), 0) from quota q join member m on m.id = q.member_id"
                    + " left join deal d on d.owner_id = q.member_id and d.status = 'won'"
                    + " and d.currency = q.currency and d.closed_at >= q.month"
                    + " and d.closed_at < q.month + interval '1 month'"
                    + " where q.member_id in (:owners) and q.month between :first and :last"
                    + " group by 1, 2, 3, 4, 5 order by 3 desc, 2")
            .setParameter("owners", owners)
            .setParameter("first", Date.valueOf(first))
            .setParameter("last", Date.valueOf(last))
            .getResultList();
    List<Attainment> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new Attainment(
              ((Number) r[0]).longValue(),
              (String) r[1],
              io.loopcrm.common.SqlValues.localDate(r[2]),
              money(r[3]),
              (String) r[4],
              money(r[5])));
    }
    return out;
  }

  private static BigDecimal money(Object value) {
    return new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
  }
}
