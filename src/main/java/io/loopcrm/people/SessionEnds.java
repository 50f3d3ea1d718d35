package io.loopcrm.people;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions that are over although their cookie or token still looks valid: Keycloak sessions (by
 * their {@code sid}) ended by a sign-out, or by an admin who changed the person's roles or disabled
 * them (the admin pages end them in Keycloak too, so signing in again makes a new session with the
 * new roles). Kept in the database for every instance and in memory so that each request is checked
 * without a query: the instance where it happened knows at once, the others read the list again
 * every {@code loop.disabled-members.refresh}, as they do for disabled members. An ended session is
 * kept a day: by then Keycloak has long refused to refresh its tokens.
 */
@ApplicationScoped
public class SessionEnds {
  static final Duration KEPT = Duration.ofDays(1);

  private final Set<String> ended = ConcurrentHashMap.newKeySet();

  @Inject EntityManager em;
  @Inject Clock clock;

  @Transactional
  void load(@Observes StartupEvent start) {
    refresh();
  }

  /** Reads the lists again (sessions ended through another instance), and forgets old ones. */
  @io.quarkus.scheduler.Scheduled(
      every = "${loop.disabled-members.refresh:15s}",
      delayed = "${loop.disabled-members.refresh:15s}",
      concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  void refresh() {
    Instant oldest = Instant.now(clock).minus(KEPT);
    em.createNativeQuery("delete from ended_session where ended_at < :oldest")
        .setParameter("oldest", oldest)
        .executeUpdate();
    @SuppressWarnings("unchecked")
    List<String> sids = em.createNativeQuery("select sid from ended_session").getResultList();
    Set<String> now = new HashSet<>(sids);
    ended.addAll(now);
    ended.retainAll(now);
  }

  /** Ends the Keycloak session {@code sid} here and on every instance (a sign-out). */
  public void end(String sid) {
    if (sid == null || sid.isBlank() || sid.length() > 100) {
      return;
    }
    ended.add(sid);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into ended_session (sid, ended_at) values (:sid, :at)"
                            + " on conflict (sid) do nothing")
                    .setParameter("sid", sid)
                    .setParameter("at", Instant.now(clock))
                    .executeUpdate());
  }

  /** Ends these Keycloak sessions here and on every instance (a change of roles, a disabling). */
  public void endAll(java.util.Collection<String> sids) {
    sids.forEach(this::end);
  }

  /** Whether the Keycloak session {@code sid} (a token's claim) is over. */
  public boolean isOver(String sid) {
    return sid != null && ended.contains(sid);
  }
}
