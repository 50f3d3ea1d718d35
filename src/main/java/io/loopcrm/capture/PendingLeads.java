package io.loopcrm.capture;

import io.loopcrm.audit.AuditInterceptor;
import io.loopcrm.lead.Lead;
import io.loopcrm.routing.Router;
import io.loopcrm.routing.RoutingRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * The new leads of a capture group, written together: while the capture writer runs a group, each
 * capture that makes a new person's lead leaves it here, complete but for its owner; when the
 * group's captures have run, they are routed together (one counter query per matching rule),
 * inserted as one JDBC batch (a few multi-row statements, so the funnel and open-lead triggers run
 * once per statement instead of once per lead) and their capture events follow in one statement.
 * Outside a group a new lead is written at once, as before.
 *
 * <p>What a capture answers waits for that: it is a {@link Deferred}, which the writer resolves
 * once the group's leads are written, in the same transaction.
 */
@ApplicationScoped
public class PendingLeads {
  @Inject EntityManager em;
  @Inject Router router;

  /** A value known once the group's new leads are written; resolved in the same transaction. */
  public static final class Deferred<T> {
    private final Supplier<T> value;

    Deferred(Supplier<T> value) {
      this.value = value;
    }

    /** A value known already. */
    public static <T> Deferred<T> of(T value) {
      return new Deferred<>(() -> value);
    }

    /** What to answer from the value, also in the transaction (an API's view of its lead). */
    public <U> Deferred<U> then(Function<T, U> next) {
      return new Deferred<>(() -> next.apply(value.get()));
    }

    T get() {
      return value.get();
    }
  }

  private record Entry(Lead lead, String actor, String eventKind, Instant at) {}

  /** The group's leads in capture order. */
  private static final class Group {
    final List<Entry> entries = new ArrayList<>();
  }

  private final ThreadLocal<Group> group = new ThreadLocal<>();

  /** From now on, on this thread, new leads wait for {@link #write}. */
  void begin() {
    group.set(new Group());
  }

  /** Forgets the group's unwritten leads (its transaction rolled back); ends the group. */
  void end() {
    group.remove();
  }

  /** Whether a capture of this group already made a lead for this e-mail or phone. */
  boolean has(String email, String phone) {
    Group g = group.get();
    return g != null
        && g.entries.stream()
            .map(Entry::lead)
            .anyMatch(
                l ->
                    (email != null && email.equals(l.emailNormalized))
                        || (phone != null && phone.equals(l.phoneNormalized)));
  }

  /**
   * Takes a new lead (everything set but its routing) and what the capture answers from it once
   * written. Outside a group it is written at once.
   */
  <T> Deferred<T> add(Lead lead, String eventKind, Instant at, Function<Lead, T> answer) {
    Group g = group.get();
    if (g == null) {
      writeAll(List.of(new Entry(lead, AuditInterceptor.actor(), eventKind, at)));
      return new Deferred<>(() -> answer.apply(lead));
    }
    g.entries.add(new Entry(lead, AuditInterceptor.actor(), eventKind, at));
    return new Deferred<>(() -> answer.apply(lead));
  }

  /**
   * Writes the group's leads so far (at its end, or before a capture that needs them in the
   * database: the same person again, a lead routed one by one); the group goes on.
   */
  void write() {
    Group g = group.get();
    if (g == null || g.entries.isEmpty()) {
      return;
    }
    List<Entry> entries = new ArrayList<>(g.entries);
    g.entries.clear();
    writeAll(entries);
  }

  /**
   * Writes a capture's changes and lets go of the leads it loaded, so the next capture's flushes
   * check its own lead and not every lead of the group so far; reps, campaigns and variants stay in
   * the session for the next capture to find without a query. New leads waiting for {@link #write}
   * are not in the session yet.
   */
  void letGo() {
    em.flush();
    var context = em.unwrap(SessionImplementor.class).getPersistenceContextInternal();
    List<Object> leads = new ArrayList<>();
    for (var e : context.reentrantSafeEntityEntries()) {
      if (e.getKey() instanceof Lead) {
        leads.add(e.getKey());
      }
    }
    leads.forEach(em::detach);
  }

  private void writeAll(List<Entry> entries) {
    List<Lead> leads = entries.stream().map(Entry::lead).toList();
    Instant now = entries.get(entries.size() - 1).at();
    router.routeAll(leads, RoutingRule.listOrdered(), now);
    String before = AuditInterceptor.BACKGROUND_ACTOR.get();
    try {
      // each lead's audit entry names the user whose capture made it
      for (Entry e : entries) {
        AuditInterceptor.BACKGROUND_ACTOR.set(e.actor());
        e.lead().persist();
      }
    } finally {
      if (before == null) {
        AuditInterceptor.BACKGROUND_ACTOR.remove();
      } else {
        AuditInterceptor.BACKGROUND_ACTOR.set(before);
      }
    }
    em.flush();
    Long[] ids = new Long[entries.size()];
    String[] kinds = new String[entries.size()];
    String[] times = new String[entries.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = entries.get(i).lead().id;
      kinds[i] = entries.get(i).eventKind();
      times[i] = entries.get(i).at().toString();
    }
    em.createNativeQuery(
            "insert into lead_event (lead_id, kind, at) select * from unnest(cast(?1 as bigint[]),"
                + " cast(?2 as text[]), cast(cast(?3 as text[]) as timestamptz[]))")
        .setParameter(1, ids)
        .setParameter(2, kinds)
        .setParameter(3, times)
        .executeUpdate();
  }
}
