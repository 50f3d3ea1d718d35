package io.loopcrm.people;

import io.loopcrm.audit.Audited;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The local mirror of a Keycloak user, for ownership and routing. Keycloak stays the source of
 * truth for identities and roles; this copy is refreshed when the user signs in.
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntity implements Audited {
  /** The Keycloak subject id ({@code sub} claim). */
  @Column(nullable = false, unique = true, length = 64)
  public String subject;

  @Column(nullable = false, length = 100)
  public String username;

  @Column(name = "display_name", nullable = false, length = 200)
  public String displayName;

  @Column(length = 320)
  public String email;

  /** Realm roles of Loop CRM, comma-separated, as last seen in a token. */
  @Column(nullable = false)
  public String roles = "";

  @ManyToOne(fetch = FetchType.LAZY)
  public Team team;

  @Column(name = "last_login_at")
  public Instant lastLoginAt;

  /** How they want to hear of notifications: inbox (the app only), instant or digest (e-mail). */
  public String notifyBy = "instant";

  /** False once an admin disabled the user in Keycloak through Loop CRM. */
  @Column(nullable = false)
  public boolean enabled = true;

  /** The most open leads routing gives this rep; null for no limit. */
  public Integer leadCapacity;

  public static Optional<Member> findBySubject(String subject) {
    return find("subject", subject).firstResultOptional();
  }

  public static List<Member> listOrderedByName() {
    return list("order by displayName");
  }

  /** The team's enabled members who work leads (sales reps and managers), by name. */
  public static List<Member> listSellersOfTeam(Long teamId) {
    if (teamId == null) {
      return List.of();
    }
    return list(
        "team.id = ?1 and enabled = true and (roles like ?2 or roles like ?3) order by displayName",
        teamId,
        "%sales%",
        "%sales-manager%");
  }

  /** Whether this member is the manager of the team they belong to. */
  public boolean managesOwnTeam() {
    return team != null && team.manager != null && id != null && id.equals(team.manager.id);
  }

  /** Whether routing and managers may give this member leads and deals: enabled, in sales. */
  public boolean isAssignable() {
    return enabled && roleList().stream().anyMatch(r -> r.startsWith("sales"));
  }

  public List<String> roleList() {
    return roles.isBlank() ? List.of() : Arrays.asList(roles.split(","));
  }

  /** Keeps only the roles Loop CRM knows, in their canonical order. */
  public void replaceRoles(Collection<String> tokenRoles) {
    roles = String.join(",", Roles.ALL.stream().filter(tokenRoles::contains).toList());
  }
}
