package io.loopcrm.customer;

import io.loopcrm.common.TextMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The referral programme's customers: contacts with a won deal or a personal link, found by name,
 * e-mail, phone or account, in keyset pages by last name (the contact name-order index), each with
 * the leads they brought (counted for the page's rows only).
 */
@ApplicationScoped
public class ReferralCustomers {
  public static final int PAGE = 50;

  @Inject EntityManager em;

  /** A customer with their link and referred leads. */
  public record Row(long contactId, String name, String account, String code, long referred) {}

  /** A page of customers and the cursor of the next one (null on the last). */
  public record Page(List<Row> rows, String next) {}

  @SuppressWarnings("unchecked")
  public Page find(String q, String after) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder sql =
        new StringBuilder(
            "select ct.id, trim(coalesce(ct.first_name, '') || ' ' || ct.last_name), a.name,"
                + " ct.referral_code,"
                + " (select count(*) from lead l where l.referrer_contact_id = ct.id),"
                + " lower(ct.last_name)"
                + " from contact ct join account a on a.id = ct.account_id"
                + " where (ct.referral_code is not null"
                + "   or exists (select 1 from deal d where d.contact_id = ct.id"
                + "     and d.status = 'won'))");
    if (q != null && !q.isBlank()) {
      sql.append(" and (")
          .append(
              TextMatch.clause(
                  "(coalesce(ct.first_name, '') || ' ' || ct.last_name || ' '"
                      + " || coalesce(ct.email, '') || ' ' || coalesce(ct.phone, ''))",
                  q,
                  "q",
                  params))
          .append(" or ")
          .append(TextMatch.clause("(a.name || ' ' || coalesce(a.domain, ''))", q, "qa", params))
          .append(")");
    }
    String[] cursor = after == null ? null : after.split("~", 2);
    if (cursor != null && cursor.length == 2 && cursor[1].matches("\\d{1,18}")) {
      sql.append(" and (lower(ct.last_name), ct.id) > (:cv, :cid)");
      params.put("cv", cursor[0]);
      params.put("cid", Long.valueOf(cursor[1]));
    }
    sql.append(" order by lower(ct.last_name), ct.id limit ").append(PAGE + 1);
    var query = em.createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    List<Object[]> raw = query.getResultList();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < raw.size() && i < PAGE; i++) {
      Object[] r = raw.get(i);
      rows.add(
          new Row(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              ((Number) r[4]).longValue()));
    }
    String next = null;
    if (raw.size() > PAGE) {
      Object[] last = raw.get(PAGE - 1);
      next = last[5] + "~" + ((Number) last[0]).longValue();
    }
    return new Page(rows, next);
  }
}
