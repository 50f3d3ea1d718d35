package io.loopcrm.routing;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.List;

/** A rep with their open leads now and their capacity for routed leads (null: no limit). */
public record RepLoad(long id, String name, String team, long open, Integer capacity) {
  /** The name of this rep's capacity field, for its error message. */
  public String field() {
    return "capacity-" + id;
  }

  /**
   * Every active rep with their open leads, by name: the counters routing itself reads ({@code
   * member_load.open_leads}, kept by the lead trigger; MemberLoadTest recounts them), not a count
   * of the lead table (929 ms at 1.55M leads).
   */
  @SuppressWarnings("unchecked")
  public static List<RepLoad> all() {
    List<Object[]> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "select m.id, m.display_name, t.name, coalesce(ml.open_leads, 0), m.lead_capacity"
                    + " from member m"
                    + " left join team t on t.id = m.team_id"
                    + " left join member_load ml on ml.member_id = m.id"
                    + " where m.enabled and m.roles like '%sales%'"
                    + " order by m.display_name")
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
