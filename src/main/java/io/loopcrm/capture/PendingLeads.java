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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  /** A lead the group knows by its addresses: found when it began, or written by it. */
  private record Known(long id, String email, String phone, Instant createdAt) {
    static Known of(Lead l) {
      return new Known(l.id, l.emailNormalized, l.phoneNormalized, l.createdAt);
    }
  }

  /** The group's leads in capture order, the addresses it locked and the leads that have them. */
  private static final class Group {
    final List<Entry> entries = new ArrayList<>();
    final Set<String> locked = new HashSet<>();
    final Map<Long, Known> known = new HashMap<>();
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

  /** The leads with any of these e-mails (?1) or phones (?2): one scan of each address index. */
  static final String KNOWN_LEADS =
      "select id, email_normalized, phone_normalized, created_at from lead"
          + " where email_normalized = any(cast(?1 as text[]))"
          + " or (phone_normalized is not null and phone_normalized = any(cast(?2 as text[])))";

  /**
   * Locks the addresses of all the group's people at once and finds the leads that have them, one
   * statement each instead of two per capture on the writer's path. The locks go in one order
   * (e-mails before phones, as a single capture takes them), so that two writers never wait for
   * each other; the leads are kept as ids, as each capture lets go of the leads it loaded.
   */
  void prepare(List<LeadCapture.Submission> people) {
    Group g = group.get();
    Set<String> emails = new TreeSet<>();
    Set<String> phones = new TreeSet<>();
    for (LeadCapture.Submission p : people) {
      add(emails, Lead.normalizeEmail(p.email()));
      add(phones, Lead.normalizePhone(p.phone()));
    }
    if (g == null || emails.size() + phones.size() == 0) {
      return;
    }
    List<String> names = new ArrayList<>();
    emails.forEach(e -> names.add(LeadCapture.EMAIL + e));
    phones.forEach(p -> names.add(LeadCapture.PHONE + p));
    io.loopcrm.common.XactLocks.take(em, names.toArray(String[]::new));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(KNOWN_LEADS)
            .setParameter(1, emails.toArray(String[]::new))
            .setParameter(2, phones.toArray(String[]::new))
            .getResultList();
    for (Object[] r : rows) {
      long id = ((Number) r[0]).longValue();
      g.known.put(
          id,
          new Known(id, (String) r[1], (String) r[2], io.loopcrm.common.SqlTimes.instant(r[3])));
    }
    g.locked.addAll(names);
  }

  private static void add(Set<String> to, String value) {
    if (value != null) {
      to.add(value);
    }
  }

  /**
   * Whether the group locked this person's addresses and knows the leads that have them, so the
   * capture neither locks nor looks up again.
   */
  boolean prepared(String email, String phone) {
    Group g = group.get();
    return g != null
        && (email != null || phone != null)
        && (email == null || g.locked.contains(LeadCapture.EMAIL + email))
        && (phone == null || g.locked.contains(LeadCapture.PHONE + phone));
  }

  /**
   * The newest lead the group knows with this e-mail, else with this phone when it is the same
   * person ({@link io.loopcrm.lead.SamePerson}; what {@code LeadCapture} looks up outside a group),
   * or null.
   */
  Long newest(String email, String phone) {
    Group g = group.get();
    java.util.Comparator<Known> newest =
        java.util.Comparator.comparing(Known::createdAt).thenComparing(Known::id);
    return g.known.values().stream()
        .filter(k -> email != null && email.equals(k.email()))
        .max(newest)
        .or(
            () ->
                g.known.values().stream()
                    .filter(
                        k ->
                            phone != null
                                && phone.equals(k.phone())
                                && io.loopcrm.lead.SamePerson.byPhone(k.email(), email))
                    .max(newest))
        .map(Known::id)
        .orElse(null);
  }

  /** Notes a lead's addresses as a capture left them (a blank e-mail or phone filled in). */
  void knows(Lead lead) {
    Group g = group.get();
    if (g != null && lead.id != null) {
      g.known.put(lead.id, Known.of(lead));
    }
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
    leads.forEach(this::knows);
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
