package io.loopcrm.customer;

import io.loopcrm.people.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account and contact lists: text search (trigram-indexed), a filter, sort by name or newest,
 * keyset-paged; only what {@link CustomerAccess} lets the viewer see. One statement a page.
 */
@ApplicationScoped
public class CustomerSearch {
  public static final int PAGE = 50;

  /** The text an account search matches (trigram-indexed, V15), on alias {@code a}. */
  public static final String ACCOUNT_TEXT = "(a.name || ' ' || coalesce(a.domain, ''))";

  /** The text a contact search matches (trigram-indexed, V15), on alias {@code c}. */
  public static final String CONTACT_TEXT =
      "(coalesce(c.first_name, '') || ' ' || c.last_name || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.phone, ''))";

  @Inject EntityManager em;

  /** What the list's form asks: text, a filter value (region, or an account id), sort, cursor. */
  public record Query(String q, String filter, boolean newest, String after) {}

  public record AccountRow(
      long id,
      String name,
      String domain,
      String industry,
      String region,
      String ownerName,
      long openDeals) {}

  public record ContactRow(
      long id,
      String firstName,
      String lastName,
      String email,
      String phone,
      String title,
      long accountId,
      String accountName) {
    public String getName() {
      return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }
  }

  public record Page<T>(List<T> rows, String next) {}

  public Page<AccountRow> accounts(Query q, Viewer viewer) {
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder sql =
        new StringBuilder(
            "select a.id, a.name, a.domain, a.industry, a.region, m.display_name,"
                + " (select count(*) from deal d where d.account_id = a.id and d.status = 'open'),"
                + (q.newest() ? " a.created_at" : " lower(a.name)")
                + " from account a left join member m on m.id = a.owner_id where "
                + CustomerAccess.account(viewer, "a"));
    text(sql, params, q.q(), ACCOUNT_TEXT);
    if (q.filter() != null) {
      sql.append(" and lower(a.region) = lower(:region)");
      params.put("region", q.filter());
    }
    List<Object[]> raw = page(sql, params, q, viewer, "a.created_at", "lower(a.name)", "a.id");
    List<AccountRow> rows = new ArrayList<>();
    for (int i = 0; i < raw.size() && i < PAGE; i++) {
      Object[] r = raw.get(i);
      rows.add(
          new AccountRow(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              ((Number) r[6]).longValue()));
    }
    return new Page<>(rows, next(raw, 7));
  }

  public Page<ContactRow> contacts(Query q, Viewer viewer) {
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder sql =
        new StringBuilder(
            "select c.id, c.first_name, c.last_name, c.email, c.phone, c.title, a.id as account_id, a.name,"
                + (q.newest() ? " c.created_at" : " lower(c.last_name)")
                + " from contact c join account a on a.id = c.account_id where "
                + CustomerAccess.contact(viewer, "c"));
    text(sql, params, q.q(), CONTACT_TEXT);
    if (q.filter() != null && q.filter().matches("\\d{1,18}")) {
      sql.append(" and c.account_id = :account");
      params.put("account", Long.valueOf(q.filter()));
    }
    List<Object[]> raw = page(sql, params, q, viewer, "c.created_at", "lower(c.last_name)", "c.id");
    List<ContactRow> rows = new ArrayList<>();
    for (int i = 0; i < raw.size() && i < PAGE; i++) {
      Object[] r = raw.get(i);
      rows.add(
          new ContactRow(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              ((Number) r[6]).longValue(),
              (String) r[7]));
    }
    return new Page<>(rows, next(raw, 8));
  }

  /** Appends a case-insensitive substring match on {@code text} (served by its trigram index). */
  static void text(StringBuilder sql, Map<String, Object> params, String q, String text) {
    if (q != null && !q.isBlank()) {
      sql.append(" and ").append(io.loopcrm.common.TextMatch.clause(text, q, "q", params));
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> page(
      StringBuilder sql,
      Map<String, Object> params,
      Query q,
      Viewer viewer,
      String created,
      String name,
      String id) {
    String key = q.newest() ? created : name;
    String[] cursor = q.after() == null ? null : q.after().split("~", 2);
    if (cursor != null && cursor.length == 2 && cursor[1].matches("\\d{1,18}")) {
      try {
        Object value = q.newest() ? Instant.parse(cursor[0]) : cursor[0];
        sql.append(" and (")
            .append(key)
            .append(", ")
            .append(id)
            .append(q.newest() ? ") < (:cv, :cid)" : ") > (:cv, :cid)");
        params.put("cv", value);
        params.put("cid", Long.valueOf(cursor[1]));
      } catch (java.time.format.DateTimeParseException e) {
        // a cursor that is not ours: the first page
      }
    }
    String dir = q.newest() ? " desc" : "";
    sql.append(" order by ").append(key).append(dir).append(", ").append(id).append(dir);
    sql.append(" limit ").append(PAGE + 1);
    String text = sql.toString();
    jakarta.persistence.Query query = em.createNativeQuery(text);
    params.forEach(query::setParameter);
    return CustomerAccess.bind(query, text, viewer).getResultList();
  }

  /** The cursor after the last row shown: its sort value and id, when there is a next page. */
  private static String next(List<Object[]> raw, int sortColumn) {
    if (raw.size() <= PAGE) {
      return null;
    }
    Object[] last = raw.get(PAGE - 1);
    Object value = last[sortColumn];
    String v =
        value instanceof java.sql.Timestamp t
            ? t.toInstant().toString()
            : value instanceof java.time.OffsetDateTime o
                ? o.toInstant().toString()
                : value instanceof Instant i ? i.toString() : String.valueOf(value);
    return v + "~" + ((Number) last[0]).longValue();
  }
}
