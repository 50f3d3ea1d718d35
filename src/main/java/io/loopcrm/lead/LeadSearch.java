package io.loopcrm.lead;

import io.loopcrm.people.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lead list: one statement for the page (keyset paging, never OFFSET) and one for a count that
 * stops at {@link #COUNT_CAP}, so it stays fast on a million leads; beyond the cap the page says
 * so.
 */
@ApplicationScoped
public class LeadSearch {
  public static final int COUNT_CAP = 10_000;

  /** The text a lead search matches (trigram-indexed, V2), on alias {@code l}. */
  public static final String SEARCH_TEXT =
      "(coalesce(l.first_name, '') || ' ' || l.last_name || ' ' || coalesce(l.company, '') || ' ' || coalesce(l.email, '') || ' ' || coalesce(l.phone, ''))";

  @Inject EntityManager em;

  /** One row of the list, with the campaign's name joined in. */
  public record Row(
      long id,
      String firstName,
      String lastName,
      String company,
      String email,
      String phone,
      LeadStatus status,
      int score,
      String source,
      String region,
      String campaignName,
      String ownerName,
      Instant createdAt) {
    public String getName() {
      return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }
  }

  /** A page of rows and the cursor of the next page (null on the last page). */
  public record Page(List<Row> rows, String nextCursor, long count, boolean countCapped) {}

  public Page search(LeadFilter filter, Viewer viewer, ZoneId zone) {
    return search(filter, viewer, zone, null);
  }

  /** The same within an audience's members ({@code within}: its condition; null: every lead). */
  public Page search(LeadFilter filter, Viewer viewer, ZoneId zone, Audience.Condition within) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(filter, viewer, zone, params);
    if (within != null) {
      where = where + " and (" + within.sql() + ")";
      params.putAll(within.params());
    }
    LeadSort sort = filter.sort();

    StringBuilder sql =
        new StringBuilder(
            "select l.id, l.first_name, l.last_name, l.company, l.email, l.phone, l.status, l.score, l.source,"
                + " l.region, c.name as campaign_name, m.display_name, l.created_at, "
                + sort.expression
                + " as sort_value from lead l left join campaign c on c.id = l.campaign_id"
                + " left join member m on m.id = l.owner_id where "
                + where);
    Cursor cursor = Cursor.decode(filter.after(), sort);
    if (cursor != null) {
      sql.append(" and (")
          .append(sort.expression)
          .append(", l.id) ")
          .append(sort.ascending ? ">" : "<")
          .append(" (:cursorValue, :cursorId)");
      params.put("cursorValue", cursor.value());
      params.put("cursorId", cursor.id());
    }
    String dir = sort.ascending ? " asc" : " desc";
    sql.append(" order by ").append(sort.expression).append(dir).append(", l.id").append(dir);
    sql.append(" limit ").append(filter.size() + 1);

    Query query = em.createNativeQuery(sql.toString());
    params.forEach(query::setParameter);
    @SuppressWarnings("unchecked")
    List<Object[]> raw = query.getResultList();

    List<Row> rows = new ArrayList<>();
    String next = null;
    for (int i = 0; i < raw.size() && i < filter.size(); i++) {
      Object[] r = raw.get(i);
      rows.add(
          new Row(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              new LeadStatus.Column().convertToEntityAttribute((String) r[6]),
              ((Number) r[7]).intValue(),
              (String) r[8],
              (String) r[9],
              (String) r[10],
              (String) r[11],
              toInstant(r[12])));
      if (i == filter.size() - 1 && raw.size() > filter.size()) {
        next = Cursor.encode(sort, r[13], ((Number) r[0]).longValue());
      }
    }

    Query count =
        em.createNativeQuery(
            "select count(*) from (select 1 from lead l where "
                + where
                + " limit "
                + (COUNT_CAP + 1)
                + ") x");
    params.entrySet().stream()
        .filter(e -> !e.getKey().startsWith("cursor"))
        .forEach(e -> count.setParameter(e.getKey(), e.getValue()));
    long total = ((Number) count.getSingleResult()).longValue();
    return new Page(rows, next, Math.min(total, COUNT_CAP), total > COUNT_CAP);
  }

  private static String where(
      LeadFilter f, Viewer viewer, ZoneId zone, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    if (!viewer.seesAll()) {
      if (viewer.isManager() && viewer.teamId() != null) {
        clauses.add(
            "(l.owner_id = :me or l.owner_id in (select id from member where team_id = :team))");
        params.put("team", viewer.teamId());
      } else {
        clauses.add("l.owner_id = :me");
      }
      params.put("me", viewer.memberId());
    }
    if (f.unassigned()) {
      clauses.add("l.owner_id is null");
    }
    if (f.ownerId() != null) {
      clauses.add("l.owner_id = :owner");
      params.put("owner", f.ownerId());
    }
    if (f.minScore() != null) {
      clauses.add("l.score >= :minScore");
      params.put("minScore", f.minScore());
    }
    if (f.q() != null) {
      clauses.add(io.loopcrm.common.TextMatch.clause(SEARCH_TEXT, f.q(), "q", params));
    }
    if (f.status() != null) {
      clauses.add("l.status = :status");
      params.put("status", new LeadStatus.Column().convertToDatabaseColumn(f.status()));
    }
    if (f.campaignId() != null) {
      clauses.add("l.campaign_id = :campaign");
      params.put("campaign", f.campaignId());
    }
    if (f.source() != null) {
      clauses.add("l.source = :source");
      params.put("source", f.source());
    }
    if (f.region() != null) {
      clauses.add("l.region = :region");
      params.put("region", f.region());
    }
    if (f.createdFrom() != null) {
      clauses.add("l.created_at >= :from");
      params.put("from", Timestamp.from(f.createdFrom().atStartOfDay(zone).toInstant()));
    }
    if (f.createdTo() != null) {
      clauses.add("l.created_at < :to");
      params.put("to", Timestamp.from(f.createdTo().plusDays(1).atStartOfDay(zone).toInstant()));
    }
    return clauses.isEmpty() ? "true" : String.join(" and ", clauses);
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value);
  }

  /** The position after the last row of a page: the sort value and the id. */
  record Cursor(Object value, long id) {
    static String encode(LeadSort sort, Object value, long id) {
      String v =
          switch (sort.type) {
            case "timestamp" ->
                Long.toString(
                    toInstant(value).toEpochMilli() * 1000
                        + toInstant(value).getNano() / 1000 % 1000);
            default -> String.valueOf(value);
          };
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((id + ":" + v).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token, LeadSort sort) {
      if (token == null) {
        return null;
      }
      try {
        String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        int colon = raw.indexOf(':');
        long id = Long.parseLong(raw.substring(0, colon));
        String v = raw.substring(colon + 1);
        Object value =
            switch (sort.type) {
              case "timestamp" -> {
                long micros = Long.parseLong(v);
                yield Timestamp.from(
                    Instant.ofEpochSecond(
                        Math.floorDiv(micros, 1_000_000),
                        Math.floorMod(micros, 1_000_000) * 1000L));
              }
              case "int" -> Integer.valueOf(v);
              default -> v;
            };
        return new Cursor(value, id);
      } catch (RuntimeException malformed) {
        return null;
      }
    }
  }
}
