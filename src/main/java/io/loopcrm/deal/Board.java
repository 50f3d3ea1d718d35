package io.loopcrm.deal;

import io.loopcrm.people.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline board: open deals by stage, with each column's count and sums computed by one
 * grouped query, and the first cards of every column by one more (at most {@link #CARDS} a column,
 * by expected close, then amount; "show more" pages on by keyset). Won and lost columns total this
 * month's closed deals.
 */
@ApplicationScoped
public class Board {
  /** Cards a column shows before "show more". */
  public static final int CARDS = 50;

  @Inject EntityManager em;
  @Inject PipelineStages stages;

  /** A sum of amounts in one currency. */
  public record Total(String currency, BigDecimal amount) {}

  /** What a card shows. */
  public record Card(
      long id,
      String name,
      String accountName,
      BigDecimal amount,
      String currency,
      int probability,
      LocalDate expectedClose,
      long stageId,
      String ownerName) {}

  /**
   * One column: its stage, how many deals and their totals, the first open deals' cards, and the
   * key of the next cards when there are more.
   */
  public record Column(
      PipelineStages.Stage stage, long count, List<Total> totals, List<Card> cards, String next) {}

  /** Whose deals: the viewer's, the viewer's team's, or one member of that team's. */
  public record Scope(boolean team, Long rep) {}

  public List<Column> columns(Viewer viewer, Scope scope, Instant monthStart) {
    String where = where(viewer, scope);
    TypedQuery<Object[]> sumQuery =
        em.createQuery(
            "select d.stage.id, d.currency, count(d), coalesce(sum(d.amount), 0) from Deal d where "
                + where
                + " and (d.status = :open or d.closedAt >= :monthStart) group by d.stage.id, d.currency order by d.currency",
            Object[].class);
    sumQuery.setParameter("monthStart", monthStart);
    List<Object[]> sums = bind(sumQuery, viewer, scope, where).getResultList();
    Map<Long, List<Card>> cards = firstCards(viewer, scope);

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
      List<Card> inStage = cards.getOrDefault(stage.id(), List.of());
      columns.add(
          new Column(
              stage,
              counts.getOrDefault(stage.id(), 0L),
              totals.getOrDefault(stage.id(), List.of()),
              inStage.size() > CARDS ? inStage.subList(0, CARDS) : inStage,
              inStage.size() > CARDS ? key(inStage.get(CARDS - 1)) : null));
    }
    return columns;
  }

  /** The next cards of one column after {@code after} (a key from {@link Column#next}). */
  public Column more(Viewer viewer, Scope scope, PipelineStages.Stage stage, String after) {
    String[] key = after == null ? new String[0] : after.split("_");
    if (key.length != 3) {
      return new Column(stage, 0, List.of(), List.of(), null);
    }
    LocalDate close = io.loopcrm.common.Params.parseDate(key[0]);
    BigDecimal minusAmount = io.loopcrm.common.Params.parseDecimal(key[1], 12, 2);
    if (close == null || minusAmount == null) {
      return new Column(stage, 0, List.of(), List.of(), null);
    }
    List<Card> cards;
    try {
      cards =
          cards(
              viewer,
              scope,
              " and d.stage_id = :stage and (" + ORDER_KEY + ") > (:close, :minusAmount, :id)",
              Map.of(
                  "stage",
                  stage.id(),
                  "close",
                  close,
                  "minusAmount",
                  minusAmount,
                  "id",
                  Long.parseLong(key[2])));
    } catch (RuntimeException e) {
      return new Column(stage, 0, List.of(), List.of(), null);
    }
    return new Column(
        stage,
        0,
        List.of(),
        cards.size() > CARDS ? cards.subList(0, CARDS) : cards,
        cards.size() > CARDS ? key(cards.get(CARDS - 1)) : null);
  }

  /**
   * A card's place in its column: expected close (none last), then amount (largest first, none
   * last), then id; as a row value, so one index-friendly comparison pages on.
   */
  private static final String ORDER_KEY =
      "coalesce(d.expected_close, date '9999-12-31'), -coalesce(d.amount, -1), d.id";

  private static String key(Card c) {
    LocalDate close = c.expectedClose() == null ? LocalDate.of(9999, 12, 31) : c.expectedClose();
    BigDecimal amount = c.amount() == null ? BigDecimal.ONE.negate() : c.amount();
    return close + "_" + amount.negate().toPlainString() + "_" + c.id();
  }

  /** The first {@link #CARDS} + 1 open cards of every column, in one statement. */
  private Map<Long, List<Card>> firstCards(Viewer viewer, Scope scope) {
    Map<Long, List<Card>> byStage = new LinkedHashMap<>();
    for (Card c : cards(viewer, scope, "", Map.of())) {
      byStage.computeIfAbsent(c.stageId(), k -> new ArrayList<>()).add(c);
    }
    return byStage;
  }

  /**
   * Open cards in the scope, filtered by {@code extra} (a condition on {@code d}): the first {@link
   * #CARDS} + 1 of every stage that has any.
   */
  @SuppressWarnings("unchecked")
  private List<Card> cards(Viewer viewer, Scope scope, String extra, Map<String, Object> params) {
    // per stage, per member of the scope: the member's first cards from the board index, then
    // the first of those; so a team board reads about members x stages x 51 index entries instead
    // of sorting every open deal of the team
    String sql =
        "select x.id, x.name, a.name as account_name, x.amount, x.currency, x.probability,"
            + " x.expected_close, x.stage_id, m.display_name"
            + " from pipeline_stage s cross join lateral ("
            + "  select y.* from member mm cross join lateral ("
            + "    select d.id, d.name, d.account_id, d.owner_id, d.amount, d.currency, d.probability,"
            + "           d.expected_close, d.stage_id from deal d"
            + "     where d.owner_id = mm.id and d.stage_id = s.id and d.status = 'open'"
            + extra
            + "     order by "
            + ORDER_KEY
            + " limit :limit) y"
            + "   where "
            + nativeWhere(viewer, scope)
                .replace("d.owner_id", "mm.id")
                .replace("m.team_id", "mm.team_id")
            + "   order by "
            + ORDER_KEY.replace("d.", "y.")
            + " limit :limit) x"
            + " join account a on a.id = x.account_id join member m on m.id = x.owner_id"
            + " order by x.stage_id, "
            + ORDER_KEY.replace("d.", "x.");
    var query = em.createNativeQuery(sql);
    query.setParameter("limit", CARDS + 1);
    if (sql.contains(":me")) {
      query.setParameter("me", viewer.memberId());
    }
    if (sql.contains(":team")) {
      query.setParameter("team", viewer.teamId());
    }
    if (sql.contains(":rep")) {
      query.setParameter("rep", scope.rep());
    }
    params.forEach(query::setParameter);
    List<Card> cards = new ArrayList<>();
    for (Object[] r : (List<Object[]>) query.getResultList()) {
      cards.add(
          new Card(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (BigDecimal) r[3],
              (String) r[4],
              ((Number) r[5]).intValue(),
              r[6] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) r[6],
              ((Number) r[7]).longValue(),
              (String) r[8]));
    }
    return cards;
  }

  private static String nativeWhere(Viewer viewer, Scope scope) {
    if (scope.team() && viewer.isManager() && viewer.teamId() != null) {
      if (scope.rep() != null) {
        return "d.owner_id = :rep and m.team_id = :team";
      }
      return "(d.owner_id = :me or m.team_id = :team)";
    }
    return "d.owner_id = :me";
  }

  /** Open value per open stage for the viewer's own deals, in one grouped query (for Today). */
  public List<Column> openTotals(Viewer viewer) {
    Scope mine = new Scope(false, null);
    String scope = where(viewer, mine);
    TypedQuery<Object[]> query =
        em.createQuery(
            "select d.stage.id, d.currency, count(d), coalesce(sum(d.amount), 0) from Deal d where "
                + scope
                + " and d.status = :open group by d.stage.id, d.currency order by d.currency",
            Object[].class);
    Map<Long, List<Total>> totals = new LinkedHashMap<>();
    Map<Long, Long> counts = new LinkedHashMap<>();
    for (Object[] row : bind(query, viewer, mine, scope).getResultList()) {
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
              List.of(),
              null));
    }
    return columns;
  }

  private static <T> TypedQuery<T> bind(
      TypedQuery<T> query, Viewer viewer, Scope scope, String where) {
    if (where.contains(":me")) {
      query.setParameter("me", viewer.memberId());
    }
    query.setParameter("open", Deal.Status.OPEN);
    if (where.contains(":team")) {
      query.setParameter("team", viewer.teamId());
    }
    if (where.contains(":rep")) {
      query.setParameter("rep", scope.rep());
    }
    return query;
  }

  private static String where(Viewer viewer, Scope scope) {
    if (scope.team() && viewer.isManager() && viewer.teamId() != null) {
      if (scope.rep() != null) {
        return "d.owner.id = :rep and d.owner.team.id = :team";
      }
      return "(d.owner.id = :me or d.owner.team.id = :team)";
    }
    return "d.owner.id = :me";
  }
}
