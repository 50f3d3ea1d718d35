package io.loopcrm.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Searches the audit trail, newest first, keyset-paged by id. */
@ApplicationScoped
public class AuditSearch {
  @Inject EntityManager em;
  @Inject ObjectMapper json;

  /** One changed field. */
  public record Change(String field, String oldValue, String newValue) {
    /** The field's name in the reader's words ({@code adm} bundle), or null for a rare one. */
    public String labelKey() {
      return AuditWords.FIELDS.contains(field) ? "audit_field_" + field : null;
    }

    /** A rare field's name as words ("routing rule id"), when it has no label. */
    public String words() {
      return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    public AuditWords.Shown before() {
      return AuditWords.shown(field, oldValue);
    }

    public AuditWords.Shown after() {
      return AuditWords.shown(field, newValue);
    }

    /** A field kept for the machine (a normalised copy, an internal id), not shown. */
    public boolean isHidden() {
      return AuditWords.HIDDEN.contains(field);
    }
  }

  /** One entry. */
  public record Row(
      long id,
      Instant at,
      String actor,
      String type,
      long entityId,
      String action,
      List<Change> changes) {
    public String actionKey() {
      return "audit_action_" + action;
    }

    public String typeKey() {
      return "audit_type_" + type;
    }
  }

  /** What to look for; null means any. */
  public record Filter(
      String type, Long entityId, String actor, LocalDate from, LocalDate to, Long before) {}

  public record Page(List<Row> rows, Long nextBefore) {}

  public Page search(Filter f, int size, ZoneId zone) {
    return search(f, size, zone, true);
  }

  /**
   * The same; {@code withNames} false leaves members as ids (a page that shows no member field
   * spares the query that names them).
   */
  public Page search(Filter f, int size, ZoneId zone, boolean withNames) {
    StringBuilder sql =
        new StringBuilder(
            "select id, at, actor, entity_type, entity_id, action, changes::text from audit_entry where true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (f.type() != null) {
      sql.append(" and entity_type = :type");
      params.put("type", f.type());
    }
    if (f.entityId() != null) {
      sql.append(" and entity_id = :entity");
      params.put("entity", f.entityId());
    }
    if (f.actor() != null) {
      sql.append(" and actor = :actor");
      params.put("actor", f.actor());
    }
    if (f.from() != null) {
      sql.append(" and at >= :from");
      params.put("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
    }
    if (f.to() != null) {
      sql.append(" and at < :to");
      params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
    }
    if (f.before() != null) {
      sql.append(" and id < :before");
      params.put("before", f.before());
    }
    sql.append(" order by id desc limit ").append(size + 1);
    Query q = em.createNativeQuery(sql.toString());
    params.forEach(q::setParameter);
    @SuppressWarnings("unchecked")
    List<Object[]> raw = q.getResultList();
    List<Row> rows = withNames ? named(rows(raw, size)) : rows(raw, size);
    Long next = raw.size() > size ? rows.get(rows.size() - 1).id() : null;
    return new Page(rows, next);
  }

  /**
   * The newest {@code size} entries of these records (type → ids): a campaign's page shows its own
   * history with its variants' and costs' (one scan of the record index per type).
   */
  /**
   * Records of {@code type} deleted while their {@code field} named {@code id} (a campaign's cost
   * entries, say), from their delete entries: one index range of the type's entries.
   */
  @SuppressWarnings("unchecked")
  public List<Long> deleted(String type, String field, long id) {
    return ((List<Number>)
            em.createNativeQuery(
                    "select entity_id from audit_entry where entity_type = ?1 and action = 'delete'"
                        + " and changes @> cast(?2 as jsonb) order by id desc limit 1000")
                .setParameter(1, type)
                .setParameter(2, "[{\"field\": \"" + field + "\", \"old\": " + id + "}]")
                .getResultList())
        .stream().map(Number::longValue).toList();
  }

  public List<Row> ofRecords(Map<String, List<Long>> records, int size) {
    StringBuilder sql =
        new StringBuilder(
            "select id, at, actor, entity_type, entity_id, action, changes::text from audit_entry"
                + " where false");
    List<Object> params = new ArrayList<>();
    records.forEach(
        (type, ids) -> {
          if (!ids.isEmpty()) {
            sql.append(" or (entity_type = ?")
                .append(params.size() + 1)
                .append(" and entity_id = any(cast(?")
                .append(params.size() + 2)
                .append(" as bigint[])))");
            params.add(type);
            params.add(ids.toArray(Long[]::new));
          }
        });
    sql.append(" order by id desc limit ").append(size);
    Query q = em.createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> raw = q.getResultList();
    return named(rows(raw, size));
  }

  private List<Row> rows(List<Object[]> raw, int size) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < raw.size() && i < size; i++) {
      Object[] r = raw.get(i);
      rows.add(
          new Row(
              ((Number) r[0]).longValue(),
              io.loopcrm.common.SqlTimes.instant(r[1]),
              (String) r[2],
              (String) r[3],
              ((Number) r[4]).longValue(),
              (String) r[5],
              changes((String) r[6])));
    }
    return rows;
  }

  /**
   * The rows with each member a change names (owner, member...) by name instead of id: one query
   * for the page.
   */
  private List<Row> named(List<Row> rows) {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (Row r : rows) {
      for (Change c : r.changes()) {
        if (AuditWords.MEMBERS.contains(c.field())) {
          addId(ids, c.oldValue());
          addId(ids, c.newValue());
        }
      }
    }
    if (ids.isEmpty()) {
      return rows;
    }
    Map<String, String> names = new java.util.HashMap<>();
    for (Object o :
        em.createNativeQuery("select id, display_name from member where id in (:ids)")
            .setParameter("ids", ids)
            .getResultList()) {
      Object[] r = (Object[]) o;
      names.put(String.valueOf(((Number) r[0]).longValue()), (String) r[1]);
    }
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      List<Change> changes = new ArrayList<>();
      for (Change c : r.changes()) {
        changes.add(
            AuditWords.MEMBERS.contains(c.field())
                ? new Change(
                    c.field(),
                    names.getOrDefault(c.oldValue(), c.oldValue()),
                    names.getOrDefault(c.newValue(), c.newValue()))
                : c);
      }
      out.add(new Row(r.id(), r.at(), r.actor(), r.type(), r.entityId(), r.action(), changes));
    }
    return out;
  }

  private static void addId(java.util.Set<Long> ids, String value) {
    if (value != null && value.matches("\\d{1,18}")) {
      ids.add(Long.valueOf(value));
    }
  }

  private List<Change> changes(String text) {
    try {
      // amounts as they were written (2500000.00, not the double 2500000.0)
      List<Map<String, Object>> list =
          json.readerFor(new TypeReference<List<Map<String, Object>>>() {})
              .with(
                  com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
              .readValue(text);
      List<Change> changes = new ArrayList<>();
      for (Map<String, Object> m : list) {
        changes.add(
            new Change(String.valueOf(m.get("field")), str(m.get("old")), str(m.get("new"))));
      }
      return changes;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of();
    }
  }

  private static String str(Object o) {
    return o == null ? "—" : o instanceof java.math.BigDecimal d ? d.toPlainString() : o.toString();
  }
}
