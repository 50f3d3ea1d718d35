package io.loopcrm.deal;

import io.loopcrm.people.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline board: open deals by stage, with each column's count and sums computed by one
 * grouped query, and the cards by one more. Won and lost columns total this month's closed deals.
 */
@ApplicationScoped
public class Board {
  @Inject EntityManager em;
  @Inject PipelineStages stages;

  /** A sum of amounts in one currency. */
  public record Total(String currency, BigDecimal amount) {}

  /** One column: its stage, how many deals and their totals, and the open deals' cards. */
  public record Column(
      PipelineStages.Stage stage, long count, List<Total> totals, List<Deal> cards) {}

  public List<Column> columns(Viewer viewer, boolean team, Instant monthStart) {
    String scope = scope(viewer, team);
    TypedQuery<Object[]> sumQuery =
        em.createQuery(
            "select d.stage.id, d.currency, count(d), coalesce(sum(d.amount), 0) from Deal d where "
                + scope
                + " and (d.status = :open or d.closedAt >= :monthStart) group by d.stage.id, d.currency order by d.currency",
            Object[].class);
    sumQuery.setParameter("monthStart", monthStart);
    List<Object[]> sums = bind(sumQuery, viewer, scope).getResultList();
    TypedQuery<Deal> cardQuery =
        em.createQuery(
            "from Deal d join fetch d.account where "
                + scope
                + " and d.status = :open order by d.stageEnteredAt, d.id",
            Deal.class);
    List<Deal> cards = bind(cardQuery, viewer, scope).getResultList();

    Map<Long, List<Total>> totals = new LinkedHashMap<>();
    Map<Long, Long> counts = new LinkedHashMap<>();
    for (Object[] row : sums) {
      long stageId = (Long) row[0];
      totals
          .computeIfAbsent(stageId, k -> new ArrayList<>())
          .add(new Total((String) row[1], (BigDecimal) row[3]));
      counts.merge(stageId, (Long) row[2], Long::sum);
    }
    List<Column> columns = new ArrayList<>();
    for (PipelineStages.Stage stage : stages.all()) {
      List<Deal> inStage = cards.stream().filter(d -> d.stage.id == stage.id()).toList();
      columns.add(
          new Column(
              stage,
              counts.getOrDefault(stage.id(), 0L),
              totals.getOrDefault(stage.id(), List.of()),
              inStage));
    }
    return columns;
  }

  /** Open value per open stage for the viewer's own deals, in one grouped query (for Today). */
  public List<Column> openTotals(Viewer viewer) {
    String scope = scope(viewer, false);
    TypedQuery<Object[]> query =
        em.createQuery(
            "select d.stage.id, d.currency, count(d), coalesce(sum(d.amount), 0) from Deal d where "
                + scope
                + " and d.status = :open group by d.stage.id, d.currency order by d.currency",
            Object[].class);
    Map<Long, List<Total>> totals = new LinkedHashMap<>();
    Map<Long, Long> counts = new LinkedHashMap<>();
    for (Object[] row : bind(query, viewer, scope).getResultList()) {
      long stageId = (Long) row[0];
      totals
          .computeIfAbsent(stageId, k -> new ArrayList<>())
          .add(new Total((String) row[1], (BigDecimal) row[3]));
      counts.merge(stageId, (Long) row[2], Long::sum);
    }
    List<Column> columns = new ArrayList<>();
    for (PipelineStages.Stage stage : stages.open()) {
      columns.add(
          new Column(
              stage,
              counts.getOrDefault(stage.id(), 0L),
              totals.getOrDefault(stage.id(), List.of()),
              List.of()));
    }
    return columns;
  }

  private static <T> TypedQuery<T> bind(TypedQuery<T> query, Viewer viewer, String scope) {
    query.setParameter("me", viewer.memberId());
    query.setParameter("open", Deal.Status.OPEN);
    if (scope.contains(":team")) {
      query.setParameter("team", viewer.teamId());
    }
    return query;
  }

  private static String scope(Viewer viewer, boolean team) {
    if (team && viewer.isManager() && viewer.teamId() != null) {
      return "(d.owner.id = :me or d.owner.team.id = :team)";
    }
    return "d.owner.id = :me";
  }
}
