package io.loopcrm.deal;

import io.loopcrm.people.Member;
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
 * A rep's numbers for Today: weighted forecast for the month and quarter, and what was won this
 * month.
 */
@ApplicationScoped
public class Forecast {
  @Inject EntityManager em;

  /** The figures in one currency. */
  public record Line(
      String currency,
      BigDecimal weightedMonth,
      BigDecimal weightedQuarter,
      BigDecimal wonMonth,
      BigDecimal openValue) {}

  public List<Line> of(Member owner, LocalDate today, Instant monthStart) {
    LocalDate monthFirst = today.withDayOfMonth(1);
    LocalDate monthLast = monthFirst.plusMonths(1).minusDays(1);
    LocalDate quarterFirst = monthFirst.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
    LocalDate quarterLast = quarterFirst.plusMonths(3).minusDays(1);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select d.currency,"
                    + " coalesce(sum(case when d.status = 'open' and d.expected_close between :m1 and :m2 then d.amount * d.probability / 100 end), 0),"
                    + " coalesce(sum(case when d.status = 'open' and d.expected_close between :q1 and :q2 then d.amount * d.probability / 100 end), 0),"
                    + " coalesce(sum(case when d.status = 'won' and d.closed_at >= :monthStart then d.amount end), 0),"
                    + " coalesce(sum(case when d.status = 'open' then d.amount end), 0)"
                    + " from deal d where d.owner_id = :me group by d.currency order by d.currency")
            .setParameter("m1", Date.valueOf(monthFirst))
            .setParameter("m2", Date.valueOf(monthLast))
            .setParameter("q1", Date.valueOf(quarterFirst))
            .setParameter("q2", Date.valueOf(quarterLast))
            .setParameter("monthStart", Timestamp.from(monthStart))
            .setParameter("me", owner.id)
            .getResultList();
    List<Line> lines = new ArrayList<>();
    for (Object[] r : rows) {
      lines.add(new Line((String) r[0], money(r[1]), money(r[2]), money(r[3]), money(r[4])));
    }
    return lines;
  }

  private static BigDecimal money(Object value) {
    return ((BigDecimal) value).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
