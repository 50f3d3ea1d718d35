package io.loopcrm.search;

import io.loopcrm.common.TextMatch;
import io.loopcrm.customer.CustomerAccess;
import io.loopcrm.customer.CustomerSearch;
import io.loopcrm.lead.LeadSearch;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The search box: leads, contacts, accounts and deals whose text holds what was typed, only those
 * the user may see, at most {@link #PER_GROUP} of each. Each group is one statement on a trigram
 * index (V2 for leads, V15 for the rest): the matches are found through the index first and only
 * they are sorted, so a rare name is as fast as a common one at a million leads.
 */
@ApplicationScoped
public class GlobalSearch {
  public static final int PER_GROUP = 10;

  /** Fewer characters than this cannot use a trigram index: the page asks for more. */
  public static final int MIN_LENGTH = 3;

  @Inject EntityManager em;

  /** One hit: its kind, page, name and a line of detail. */
  public record Hit(String kind, String path, String name, String detail) {}

  /** The hits by group (empty groups included), and whether the text was long enough. */
  public record Result(
      String q,
      boolean tooShort,
      List<Hit> leads,
      List<Hit> contacts,
      List<Hit> accounts,
      List<Hit> deals) {
    public boolean isEmpty() {
      return leads.isEmpty() && contacts.isEmpty() && accounts.isEmpty() && deals.isEmpty();
    }
  }

  public Result search(String text, Viewer viewer) {
    String q = text == null ? "" : text.trim();
    if (q.length() < MIN_LENGTH) {
      return new Result(q, !q.isEmpty(), List.of(), List.of(), List.of(), List.of());
    }
    if (q.length() > 100) {
      q = q.substring(0, 100);
    }
    String like = TextMatch.like(q);
    String key = TextMatch.like(TextMatch.keyWord(q));
    return new Result(
        q,
        false,
        run(leadSql(viewer), like, key, viewer, "lead"),
        run(
            "select c.id, coalesce(c.first_name || ' ', '') || c.last_name, a.name || coalesce(' · ' || c.email, '')"
                + " from contact c join account a on a.id = c.account_id where c.id in ("
                + "select c.id from contact c where "
                + match(CustomerSearch.CONTACT_TEXT)
                + " and "
                + CustomerAccess.contact(viewer, "c")
                + " limit 200) order by lower(c.last_name), c.id limit "
                + PER_GROUP,
            like,
            key,
            viewer,
            "contact"),
        run(
            "select a.id, a.name, coalesce(a.domain, '') from account a where a.id in ("
                + "select a.id from account a where "
                + match(CustomerSearch.ACCOUNT_TEXT)
                + " and "
                + CustomerAccess.account(viewer, "a")
                + " limit 200) order by lower(a.name), a.id limit "
                + PER_GROUP,
            like,
            key,
            viewer,
            "account"),
        seesDeals(viewer) ? run(dealSql(viewer), like, key, viewer, "deal") : List.of());
  }

  /** Operations sees deals only as aggregates: no deal hits for it. */
  static boolean seesDeals(Viewer viewer) {
    return !viewer.roles().contains(Roles.OPERATIONS) || viewer.roles().contains(Roles.SALES);
  }

  static String leadSql(Viewer viewer) {
    return "select l.id, coalesce(l.first_name || ' ', '') || l.last_name,"
        + " concat_ws(' · ', l.company, l.email, l.phone) from lead l where l.id in ("
        + "select l.id from lead l where "
        + match(LeadSearch.SEARCH_TEXT)
        + " and "
        + CustomerAccess.ownedBy(viewer, "l.owner_id")
        + " limit 200) order by l.created_at desc, l.id desc limit "
        + PER_GROUP;
  }

  static String dealSql(Viewer viewer) {
    return "select d.id, d.name, a.name from deal d join account a on a.id = d.account_id"
        + " where d.id in (select d.id from deal d where "
        + match("d.name")
        + " and "
        + CustomerAccess.ownedBy(viewer, "d.owner_id")
        + " limit 200) order by d.created_at desc, d.id desc limit "
        + PER_GROUP;
  }

  /** {@code text} contains the phrase, the index asked for its most selective word (TextMatch). */
  static String match(String text) {
    return text + " ilike :qKey and (" + text + " || '') ilike :q";
  }

  @SuppressWarnings("unchecked")
  private List<Hit> run(String sql, String like, String key, Viewer viewer, String kind) {
    var query = em.createNativeQuery(sql).setParameter("q", like).setParameter("qKey", key);
    CustomerAccess.bind(query, sql, viewer);
    List<Hit> hits = new ArrayList<>();
    for (Object[] r : (List<Object[]>) query.getResultList()) {
      hits.add(
          new Hit(
              kind,
              io.loopcrm.sales.SalesPaths.path(kind, ((Number) r[0]).longValue()),
              (String) r[1],
              (String) r[2]));
    }
    return hits;
  }
}
