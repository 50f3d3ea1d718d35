package io.loopcrm.people;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Keycloak subjects an admin disabled through Loop CRM, kept in memory so that every request
 * can refuse them without a query. The instance where the admin acted knows at once; every instance
 * reads the list again every 15 seconds ({@code loop.disabled-members.refresh}), so another
 * instance behind the same load balancer follows within that time (Keycloak also ends their
 * sessions, so their tokens cannot be refreshed).
 */
@ApplicationScoped
public class DisabledMembers {
  private final Set<String> subjects = ConcurrentHashMap.newKeySet();

  @Transactional
  void load(@Observes StartupEvent start) {
    refresh();
  }

  /** Reads the list again (changes made through another instance). */
  @io.quarkus.scheduler.Scheduled(
      every = "${loop.disabled-members.refresh:15s}",
      delayed = "${loop.disabled-members.refresh:15s}",
      concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  void refresh() {
    Set<String> now = new java.util.HashSet<>();
    Member.<Member>list("enabled = false").forEach(m -> now.add(m.subject));
    subjects.addAll(now);
    subjects.retainAll(now);
  }

  public boolean isDisabled(String subject) {
    return subject != null && subjects.contains(subject);
  }

  void set(String subject, boolean enabled) {
    if (enabled) {
      subjects.remove(subject);
    } else {
      subjects.add(subject);
    }
  }
}
