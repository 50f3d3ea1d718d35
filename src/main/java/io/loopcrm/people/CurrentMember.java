package io.loopcrm.people;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The member behind the current request. Someone who signs in for the first time gets their mirror
 * row here, so ownership never waits for the asynchronous sign-in refresh.
 */
@RequestScoped
public class CurrentMember {
  @Inject SecurityIdentity identity;

  private Member member;

  public Member get() {
    if (member == null) {
      member = findOrCreate();
    }
    return member;
  }

  public Viewer viewer() {
    Member m = get();
    Set<String> roles =
        identity.getRoles().stream().filter(Roles.ALL::contains).collect(Collectors.toSet());
    // manager rights come from managing the team, not from the role alone: a plain member who
    // holds the role works as a rep
    if (!m.managesOwnTeam()) {
      roles.remove(Roles.SALES_MANAGER);
    }
    return new Viewer(m.id, m.team == null ? null : m.team.id, roles);
  }

  @Transactional
  Member findOrCreate() {
    String subject = subject();
    // one statement: the subject wins; the username covers identities without a token subject
    List<Member> candidates =
        Member.list(
            "from Member m left join fetch m.team where m.subject = ?1 or m.username = ?2",
            subject,
            identity.getPrincipal().getName());
    return candidates.stream()
        .filter(m -> m.subject.equals(subject))
        .findFirst()
        .or(() -> candidates.stream().findFirst())
        .orElseGet(() -> create(subject));
  }

  private Member create(String subject) {
    Member m = new Member();
    m.subject = subject;
    m.username = identity.getPrincipal().getName();
    m.displayName = m.username;
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      m.username =
          token.getClaim("preferred_username") == null
              ? m.username
              : token.getClaim("preferred_username").toString();
      m.displayName =
          token.getClaim("name") == null ? m.username : token.getClaim("name").toString();
      m.email = token.getClaim("email");
    }
    m.replaceRoles(identity.getRoles());
    m.lastLoginAt = Instant.now();
    m.persist();
    return m;
  }

  private String subject() {
    if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
      return token.getSubject();
    }
    return identity.getPrincipal().getName();
  }
}
