package io.loopcrm.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;

/**
 * Writes what an admin changed in Keycloak into the local member mirror right away (sign-in
 * refreshes it too), so ownership, routing and team visibility follow without waiting for the
 * user's next sign-in. A role change is audited here, with the admin as the actor.
 */
@ApplicationScoped
public class MemberMirror {
  @Inject DisabledMembers disabled;

  @Transactional
  public Member refresh(
      String subject,
      String username,
      String displayName,
      String email,
      boolean enabled,
      Collection<String> roles,
      Team team) {
    Member member = Member.findBySubject(subject).orElseGet(Member::new);
    member.subject = subject;
    member.username = username;
    member.displayName = displayName;
    member.email = email;
    member.enabled = enabled;
    member.replaceRoles(roles);
    member.team = team;
    member.persist();
    disabled.set(subject, enabled);
    return member;
  }
}
