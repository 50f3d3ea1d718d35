package io.loopcrm.deal;

import io.loopcrm.people.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deal list: a rep's own deals, a manager's team's, filtered by stage, status, close month,
 * owner and amount, sorted by expected close, amount or newest, keyset-paged in one statement.
 */
@ApplicationScoped
public class DealList {
  @Inject EntityManager em;
  @Inject PipelineStages stages;

  /** How the list is ordered: the SQL key (ascending) and how a cursor value reads back. */
  public enum Sort {
    CLOSE("coalesce(d.expected_close, date '9999-12-31')"),
    AMOUNT("-coalesce(d.amount, -1)"),
    NEWEST("-extract(epoch from d.created_at)");

    final String key;

    Sort(String key) {
      this.key = key;
    }

    public String param() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String labelKey() {
      return "deals_sort_" + param();
    }

    Object read(String value) {
      Object v =
          this == CLOSE
              ? io.loopcrm.common.Params.parseDate(value)
              : io.loopcrm.common.Params.parseDecimal(value, 12, 2);
      if (v == null) {
        throw new IllegalArgumentException("not a cursor of this list");
      }
      return v;
    }
  }

  /** The filter as the list's form sends it; nulls mean any. */
  public record Query(
      Long stage,
      Deal.Status status,
      YearMonth month,
      Long owner,
      BigDecimal minAmount,
      BigDecimal maxAmount,
      Sort sort,
      String after) {}

  public record Row(
      long id,
      String name,
      String accountName,
      long accountId,
      PipelineStages.Stage stage,
      Deal.Status status,
      BigDecimal amount,
      String currency,
      LocalDate expectedClose,
      String ownerName,
      Instant createdAt) {}

  public record Page(List<Row> rows, String next) {}

  @SuppressWarnings("unchecked")
  public Page find(Query q, Viewer viewer, int size) {
    Map<String, Object> params = new LinkedHashMap<>();
    // each owner's deals are read through their own index in key order and then merged, so a
    // team's list costs a few index scans instead of sorting every deal of the team
    String owners =
        viewer.isManager() && viewer.teamId() != null
            ? "(select id as oid from member where team_id = :team union select :me)"
            : "(select cast(:me as bigint) as oid)";
    if (owners.contains(":team")) {
      params.put("team", viewer.teamId());
    }
    StringBuilder sql = new StringBuilder("select d.* from deal d where d.owner_id = o.oid");
    params.put("me", viewer.memberId());
    if (q.owner() != null) {
      sql.append(" and d.owner_id = :owner");
      params.put("owner", q.owner());
    }
    if (q.stage() != null) {
      sql.append(" and d.stage_id = :stage");
      params.put("stage", q.stage());
    }
    if (q.status() != null) {
      sql.append(" and d.status = :status");
      params.put("status", q.status().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (q.month() != null) {
      sql.append(" and d.expected_close >= :from and d.expected_close < :to");
      params.put("from", q.month().atDay(1));
      params.put("to", q.month().plusMonths(1).atDay(1));
    }
    if (q.minAmount() != null) {
      sql.append(" and d.amount >= :min");
      params.put("min", q.minAmount());
    }
    if (q.maxAmount() != null) {
      sql.append(" and d.amount <= :max");
      params.put("max", q.maxAmount());
    }
    String[] cursor = q.after() == null ? null : q.after().split("_", 2);
    if (cursor != null && cursor.length == 2 && cursor[1].matches("\\d{1,18}")) {
      try {
        params.put("cv", q.sort().read(cursor[0]));
        params.put("cid", Long.valueOf(cursor[1]));
        sql.append(" and (").append(q.sort().key).append(", d.id) > (:cv, :cid)");
      } catch (RuntimeException e) {
        params.remove("cv");
        params.remove("cid");
      }
    }
    String inner =
        sql.append(" order by ")
            .append(q.sort().key)
            .append(", d.id limit ")
            .append(size + 1)
            .toString();
    String outer =
        "select d.id, d.name, a.name as account_name, a.id as account_id, d.stage_id, d.status,"
            + " d.amount, d.currency, d.expected_close, m.display_name, d.created_at, "
            + q.sort().key
            + " as sort_key from "
            + owners
            + " o cross join lateral ("
            + inner
            + ") d join account a on a.id = d.account_id join member m on m.id = d.owner_id"
            + " order by sort_key, d.id limit "
            + (size + 1);
    var query = em.createNativeQuery(outer);
    params.forEach(query::setParameter);
    List<Object[]> raw = query.getResultList();
    Map<Long, PipelineStages.Stage> byId = new LinkedHashMap<>();
    stages.all().forEach(s -> byId.put(s.id(), s));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < raw.size() && i < size; i++) {
      Object[] r = raw.get(i);
      rows.add(
          new Row(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              ((Number) r[3]).longValue(),
              byId.get(((Number) r[4]).longValue()),
              Deal.Status.valueOf(((String) r[5]).toUpperCase(java.util.Locale.ROOT)),
              (BigDecimal) r[6],
              (String) r[7],
              r[8] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) r[8],
              (String) r[9],
              r[10] instanceof java.sql.Timestamp t
                  ? t.toInstant()
                  : r[10] instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) r[10]));
    }
    String next = null;
    if (raw.size() > size) {
      Object key = raw.get(size - 1)[11];
      String value =
          key instanceof java.sql.Date date
              ? date.toLocalDate().toString()
              : key instanceof BigDecimal b ? b.toPlainString() : String.valueOf(key);
      next = value + "_" + rows.get(size - 1).id();
    }
    return new Page(rows, next);
  }
}
