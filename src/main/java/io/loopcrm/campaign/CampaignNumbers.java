package io.loopcrm.campaign;

import io.loopcrm.funnel.FunnelFilter;
import io.loopcrm.funnel.Grain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Campaigns with their headline numbers (clicks counted and not counted, leads, accepted, won
 * revenue, cost, cost per lead) in one grouped query over the funnel rollup's month rows and the
 * cost ledger (never the lead, deal or click tables). Leads, accepted and revenue count by first
 * touch, as on the funnel page. Money is counted in the campaign's currency; deals and costs in
 * other currencies are left out of these headline figures.
 */
@ApplicationScoped
public class CampaignNumbers {
  private static final String FIRST = FunnelFilter.Model.FIRST.code;
  private static final String EVERY = FunnelFilter.Model.EVERY;
  private static final char MONTH = Grain.DETAIL.month;

  @Inject EntityManager em;

  /** One campaign's line in the list. */
  public record Row(
      long id,
      String name,
      Campaign.Status status,
      String objective,
      String channel,
      BigDecimal budget,
      String currency,
      LocalDate startsOn,
      LocalDate endsOn,
      String owner,
      long clicks,
      long clicksIgnored,
      long leads,
      long accepted,
      BigDecimal won,
      BigDecimal cost) {
    public BigDecimal costPerLead() {
      return leads == 0 ? null : cost.divide(BigDecimal.valueOf(leads), 2, RoundingMode.HALF_UP);
    }

    public String objectiveKey() {
      return "campaign_objective_" + objective;
    }

    /** Spent against budget in percent, or null without a budget. */
    public Integer spentPercent() {
      if (budget == null || budget.signum() == 0) {
        return null;
      }
      return cost.multiply(BigDecimal.valueOf(100))
          .divide(budget, 0, RoundingMode.HALF_UP)
          .intValue();
    }
  }

  /** The filters of the list; null means any. */
  public record Filter(Campaign.Status status, String objective, String channel, String q) {}

  @SuppressWarnings("unchecked")
  public List<Row> list(Filter f, Long onlyId) {
    StringBuilder sql =
        new StringBuilder(
            "select c.id, c.name, c.status, c.objective, c.channel, c.budget, c.currency,"
                + " c.starts_on, c.ends_on, o.display_name,"
                + " coalesce(n.clicks, 0), coalesce(n.clicks_ignored, 0), coalesce(n.leads, 0),"
                + " coalesce(n.accepted, 0),"
                + " coalesce(w.won, 0), coalesce(k.cost, 0)"
                + " from campaign c left join member o on o.id = c.owner_id"
                // all from the funnel rollup's month rows (a few rows per campaign and month)
                // instead of counting clicks, leads and deals: clicks, leads by first touch,
                // activated (accepted by sales), revenue of won deals per currency
                + " left join (select campaign_id, sum(clicks) filter (where model = '"
                + EVERY
                + "') as clicks,"
                + "   sum(clicks_ignored) filter (where model = '"
                + EVERY
                + "') as clicks_ignored,"
                + "   sum(leads) filter (where model = '"
                + FIRST
                + "') as leads,"
                + "   sum(activated) filter (where model = '"
                + FIRST
                + "') as accepted from funnel_rollup"
                + "   where grain = '"
                + MONTH
                + "' and model in ('"
                + FIRST
                + "', '"
                + EVERY
                + "') and campaign_id is not null"
                + "   group by campaign_id) n on n.campaign_id = c.id"
                + " left join (select campaign_id, currency, sum(revenue) as won from funnel_rollup"
                + "   where grain = '"
                + MONTH
                + "' and model = '"
                + FIRST
                + "' and currency is not null"
                + "   and campaign_id is not null group by 1, 2) w"
                + "   on w.campaign_id = c.id and w.currency = c.currency"
                + " left join (select campaign_id, currency, sum(amount) as cost from cost_entry"
                + "   group by 1, 2) k on k.campaign_id = c.id and k.currency = c.currency"
                + " where true");
    List<Object> params = new ArrayList<>();
    if (onlyId != null) {
      params.add(onlyId);
      sql.append(" and c.id = ?").append(params.size());
    }
    if (f.status() != null) {
      params.add(f.status().code());
      sql.append(" and c.status = ?").append(params.size());
    }
    if (f.objective() != null) {
      params.add(f.objective());
      sql.append(" and c.objective = ?").append(params.size());
    }
    if (f.channel() != null) {
      params.add(f.channel());
      sql.append(" and c.channel = ?").append(params.size());
    }
    if (f.q() != null) {
      params.add("%" + f.q().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
      sql.append(" and lower(c.name) like ?").append(params.size());
    }
    sql.append(" order by c.created_at desc, c.id desc limit 500");
    var query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    List<Row> rows = new ArrayList<>();
    for (Object[] r : (List<Object[]>) query.getResultList()) {
      rows.add(
          new Row(
              ((Number) r[0]).longValue(),
              (String) r[1],
              Campaign.Status.fromCode((String) r[2]),
              (String) r[3],
              (String) r[4],
              (BigDecimal) r[5],
              r[6].toString().trim(),
              io.loopcrm.common.SqlValues.localDate(r[7]),
              io.loopcrm.common.SqlValues.localDate(r[8]),
              (String) r[9],
              ((Number) r[10]).longValue(),
              ((Number) r[11]).longValue(),
              ((Number) r[12]).longValue(),
              ((Number) r[13]).longValue(),
              (BigDecimal) r[14],
              (BigDecimal) r[15]));
    }
    return rows;
  }
}
