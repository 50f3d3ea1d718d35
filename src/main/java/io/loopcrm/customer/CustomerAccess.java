package io.loopcrm.customer;

import io.loopcrm.people.Viewer;
import jakarta.persistence.Query;

/**
 * Who sees which account and contact, as SQL the lists, pages and search share. The rule: a rep
 * sees an account or contact that they own, or on which they own a deal (an account also through a
 * contact they own); a manager sees the same for the whole team; operations and admin see all of
 * them, read-only. Anything else answers 404.
 */
public final class CustomerAccess {
  private CustomerAccess() {}

  /** The owners whose records the viewer works with, as a SQL set. */
  private static String owners(Viewer viewer) {
    return viewer.isManager() && viewer.teamId() != null
        ? "(select id from member where team_id = :scopeTeam union all select :scopeMe)"
        : "(:scopeMe)";
  }

  /**
   * A condition that the record's owner column {@code column} is the viewer's (a manager: the
   * team's); true for operations and admin. Leads and deals follow this rule.
   */
  public static String ownedBy(Viewer viewer, String column) {
    return viewer.seesAll() ? "true" : column + " in " + owners(viewer);
  }

  /** A condition on account alias {@code a}: true when the viewer may see it. */
  public static String account(Viewer viewer, String a) {
    if (viewer.seesAll()) {
      return "true";
    }
    String o = owners(viewer);
    return "("
        + a
        + ".owner_id in "
        + o
        + " or exists (select 1 from deal vd where vd.account_id = "
        + a
        + ".id and vd.owner_id in "
        + o
        + ") or exists (select 1 from contact vc where vc.account_id = "
        + a
        + ".id and vc.owner_id in "
        + o
        + "))";
  }

  /** A condition on contact alias {@code c}: true when the viewer may see it. */
  public static String contact(Viewer viewer, String c) {
    if (viewer.seesAll()) {
      return "true";
    }
    String o = owners(viewer);
    return "("
        + c
        + ".owner_id in "
        + o
        + " or exists (select 1 from deal vd where vd.contact_id = "
        + c
        + ".id and vd.owner_id in "
        + o
        + "))";
  }

  /** Binds the parameters the conditions above use, when the SQL has them. */
  public static Query bind(Query query, String sql, Viewer viewer) {
    if (sql.contains(":scopeMe")) {
      query.setParameter("scopeMe", viewer.memberId());
    }
    if (sql.contains(":scopeTeam")) {
      query.setParameter("scopeTeam", viewer.teamId());
    }
    return query;
  }
}
