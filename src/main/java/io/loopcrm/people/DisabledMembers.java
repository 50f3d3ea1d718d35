package io.loopcrm.people;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Keycloak subjects an admin disabled through Loop CRM, kept in memory so that every request
 * can refuse them without a query. Keycloak also ends their sessions, so a second instance refuses
 * them at the latest when their access token expires and cannot be refreshed.
 */
@ApplicationScoped
public class DisabledMembers {
  private final Set<String> subjects = ConcurrentHashMap.newKeySet();

  @Transactional
  void load(@Observes StartupEvent start) {
    subjects.clear();
    Member.<Member>list("enabled = false").forEach(m -> subjects.add(m.subject));
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
