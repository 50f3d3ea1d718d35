package io.loopcrm.routing;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.List;

/** A rep with their open leads now and their capacity for routed leads (null: no limit). */
public record RepLoad(long id, String name, String team, long open, Integer capacity) {
  /** The name of this rep's capacity field, for its error message. */
  public String field() {
    return "capacity-" + id;
  }

  /** Every active rep with their open leads, in one grouped query, by name. */
  @SuppressWarnings("unchecked")
  public static List<RepLoad> all() {
    List<Object[]> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "select m.id, m.display_name, t.name, count(l.id), m.lead_capacity from member m"
                    + " left join team t on t.id = m.team_id"
                    + " left join lead l on l.owner_id = m.id"
                    + "   and l.status in ('new', 'assigned', 'working', 'accepted')"
                    + " where m.enabled and m.roles like '%sales%'"
                    + " group by m.id, m.display_name, t.name, m.lead_capacity order by m.display_name")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new RepLoad(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).longValue(),
                    r[4] == null ? null : ((Number) r[4]).intValue()))
        .toList();
  }
}
