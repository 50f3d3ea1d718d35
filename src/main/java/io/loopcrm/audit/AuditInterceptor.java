package io.loopcrm.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Interceptor;
import org.hibernate.Transaction;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.type.Type;

/**
 * Collects the creates, updates and deletes of {@link Audited} entities while a session flushes,
 * and writes them as audit entries just before the transaction commits, on the transaction's own
 * connection: a rolled-back change leaves no entry, a committed one always has it. One instance per
 * session.
 */
@PersistenceUnitExtension
@Dependent
public class AuditInterceptor implements Interceptor, Serializable {
  private static final Set<String> IGNORED =
      Set.of(
          "updatedAt",
          "createdAt",
          "version",
          "stageEnteredAt",
          "lastLoginAt",
          // derived from rules and events, recomputed in bulk: not a change anyone made
          "score",
          "scoreReasons",
          // an import's progress, kept by the import itself (its status changes are recorded)
          "processed",
          "heartbeatAt",
          "createdCount",
          "updatedCount",
          "skippedCount",
          "startedAt",
          "finishedAt",
          "reportPath",
          "error",
          // what came with a received e-mail, stored with the message (not a field anyone edits)
          "attachments",
          // a webhook endpoint's secrets are never written anywhere but its row
          "secret",
          "previousSecret",
          "revealTo",
          "revealUntil",
          "failingSince");

  @Inject transient AgroalDataSource dataSource;
  @Inject transient ObjectMapper json;
  @Inject transient jakarta.enterprise.inject.Instance<ChangeListener> listeners;

  private final transient List<Entry> pending = new ArrayList<>();

  record Entry(
      String actor,
      Object entity,
      String type,
      long id,
      String action,
      List<Map<String, Object>> changes) {}

  @Override
  public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
    if (entity instanceof Audited) {
      pending.add(
          new Entry(
              actor(),
              entity,
              type(entity),
              ((Number) id).longValue(),
              "create",
              changes(null, state, names)));
    }
    return false;
  }

  @Override
  public boolean onFlushDirty(
      Object entity, Object id, Object[] current, Object[] previous, String[] names, Type[] types) {
    if (entity instanceof Audited) {
      List<Map<String, Object>> changes = changes(previous, current, names);
      if (!changes.isEmpty()) {
        merge(
            new Entry(actor(), entity, type(entity), ((Number) id).longValue(), "update", changes));
      }
    }
    return false;
  }

  @Override
  public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
    if (entity instanceof Audited) {
      pending.add(
          new Entry(
              actor(),
              entity,
              type(entity),
              ((Number) id).longValue(),
              "delete",
              changes(state, null, names)));
    }
  }

  /**
   * One entry per record and transaction: a record flushed several times keeps, per field, the
   * first old value and the last new one (a field changed back and forth drops out).
   */
  private void merge(Entry update) {
    for (int i = 0; i < pending.size(); i++) {
      Entry e = pending.get(i);
      if (e.type().equals(update.type()) && e.id() == update.id() && !e.action().equals("delete")) {
        Map<String, Map<String, Object>> byField = new LinkedHashMap<>();
        for (Map<String, Object> c : e.changes()) {
          byField.put((String) c.get("field"), new LinkedHashMap<>(c));
        }
        for (Map<String, Object> c : update.changes()) {
          byField.merge(
              (String) c.get("field"),
              new LinkedHashMap<>(c),
              (old, now) -> {
                old.put("new", now.get("new"));
                return old;
              });
        }
        List<Map<String, Object>> merged = new ArrayList<>();
        for (Map<String, Object> c : byField.values()) {
          if (e.action().equals("create") || !Objects.equals(c.get("old"), c.get("new"))) {
            merged.add(c);
          }
        }
        pending.set(i, new Entry(e.actor(), e.entity(), e.type(), e.id(), e.action(), merged));
        return;
      }
    }
    pending.add(update);
  }

  @Override
  public void beforeTransactionCompletion(Transaction tx) {
    if (pending.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into audit_entry (actor, entity_type, entity_id, action, changes) values (?, ?, ?, ?, cast(? as jsonb))")) {
      for (Entry e : pending) {
        insert.setString(1, e.actor());
        insert.setString(2, e.type());
        insert.setLong(3, e.id());
        insert.setString(4, e.action());
        insert.setString(5, json.writeValueAsString(e.changes()));
        insert.addBatch();
      }
      insert.executeBatch();
      if (!listeners.isUnsatisfied()) {
        List<Change> changes = new ArrayList<>(pending.size());
        for (Entry e : pending) {
          changes.add(new Change(e.entity(), e.type(), e.id(), e.action(), e.changes()));
        }
        for (ChangeListener listener : listeners) {
          listener.beforeCommit(changes, c);
        }
      }
    } catch (SQLException
        | com.fasterxml.jackson.core.JsonProcessingException
        | RuntimeException ex) {
      // Hibernate only logs what is thrown here: without its trail and its events the change
      // must not commit either
      tx.markRollbackOnly();
      throw new IllegalStateException("could not write the audit trail or its events", ex);
    } finally {
      pending.clear();
    }
  }

  @Override
  public void afterTransactionCompletion(Transaction tx) {
    pending.clear();
  }

  private static List<Map<String, Object>> changes(
      Object[] before, Object[] after, String[] names) {
    List<Map<String, Object>> changes = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (IGNORED.contains(names[i])) {
        continue;
      }
      Object old = before == null ? null : plain(before[i]);
      Object now = after == null ? null : plain(after[i]);
      if (!Objects.equals(old, now)) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", names[i]);
        change.put("old", old);
        change.put("new", now);
        changes.add(change);
      }
    }
    return changes;
  }

  /** A value as the trail keeps it: entities by id, everything else as text. */
  private static Object plain(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof HibernateProxy proxy) {
      return proxy.getHibernateLazyInitializer().getInternalIdentifier();
    }
    if (value instanceof io.quarkus.hibernate.orm.panache.PanacheEntity entity) {
      return entity.id;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof AuditValue v) {
      return v.auditValue();
    }
    return value.toString();
  }

  private static boolean inHttpRequest() {
    try (InstanceHandle<io.quarkus.vertx.http.runtime.CurrentVertxRequest> request =
        Arc.container().instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class)) {
      return request.isAvailable() && request.get().getCurrent() != null;
    }
  }

  private static String type(Object entity) {
    return entity
        .getClass()
        .getSimpleName()
        .replace("$HibernateProxy", "")
        .toLowerCase(java.util.Locale.ROOT);
  }

  /** The user a background job works for (an import), named in its audit entries. */
  public static final ThreadLocal<String> BACKGROUND_ACTOR = new ThreadLocal<>();

  /** Who the current thread works for: a background job's user, the signed-in user, or none. */
  public static String actor() {
    String background = BACKGROUND_ACTOR.get();
    if (background != null) {
      return background;
    }
    if (!Arc.container().requestContext().isActive()) {
      return "system";
    }
    try (InstanceHandle<SecurityIdentity> identity =
        Arc.container().instance(SecurityIdentity.class)) {
      SecurityIdentity id = identity.get();
      if (id != null && !id.isAnonymous()) {
        return id.getPrincipal().getName();
      }
      return inHttpRequest() ? "anonymous" : "system";
    } catch (RuntimeException e) {
      return "system";
    }
  }
}
