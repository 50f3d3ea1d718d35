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
    // (the oldest row of that username, should there be several: a person deleted and made again)
    List<Member> candidates =
        Member.list(
            "from Member m left join fetch m.team where m.subject = ?1 or m.username = ?2"
                + " order by m.id",
            subject,
            identity.getPrincipal().getName());
    return candidates.stream()
        .filter(m -> m.subject.equals(subject))
        .findFirst()
        .or(() -> candidates.stream().findFirst())
        .orElseGet(() -> create(subject));
  }

  /**
   * Makes the row of someone signing in for the first time. The sign-in refresh ({@link
   * MemberSync}) may be making the same row at this moment, so it is made in a transaction of its
   * own, and a duplicate subject means the other one was first: its row is the answer.
   */
  private Member create(String subject) {
    try {
      io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
          .run(() -> newRow(subject).persist());
    } catch (RuntimeException e) {
      if (!duplicate(e)) {
        throw e;
      }
    }
    return Member.<Member>find("from Member m left join fetch m.team where m.subject = ?1", subject)
        .firstResult();
  }

  private Member newRow(String subject) {
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
    return m;
  }

  /** Whether {@code e} is a unique constraint's refusal (the row exists already). */
  static boolean duplicate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private String subject() {
    if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
      return token.getSubject();
    }
    return identity.getPrincipal().getName();
  }
}
