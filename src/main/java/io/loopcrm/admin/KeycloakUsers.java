package io.loopcrm.admin;

import io.loopcrm.people.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The realm's users and their Loop CRM roles, read and changed through the Keycloak Admin REST API
 * with the {@code loop-admin} service account ({@link KeycloakRealm}). Keycloak stays the source of
 * truth; every failure becomes a {@link Failure} with a message key the page can show.
 */
@ApplicationScoped
public class KeycloakUsers {
  /** The most holders of one role the user list reads (the realm of one company). */
  static final int ROLE_HOLDERS_MAX = 5000;

  @Inject KeycloakRealm keycloak;
  @Inject io.loopcrm.people.SessionEnds sessions;

  /** A user as the admin pages show it. */
  public record User(
      String id,
      String username,
      String firstName,
      String lastName,
      String email,
      boolean enabled,
      Set<String> roles) {
    public String displayName() {
      String name =
          ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
      return name.isEmpty() ? username : name;
    }

    public boolean has(String role) {
      return roles.contains(role);
    }
  }

  /** A new user: a temporary password makes Keycloak ask for a new one at first sign-in. */
  public record NewUser(
      String username,
      String firstName,
      String lastName,
      String email,
      String temporaryPassword,
      Set<String> roles) {}

  /** Keycloak said no, or could not be reached; {@code messageKey} tells the user which. */
  public static class Failure extends RuntimeException {
    private final String field;
    private final String messageKey;

    Failure(String field, String messageKey, Throwable cause) {
      super(messageKey, cause);
      this.field = field;
      this.messageKey = messageKey;
    }

    /** The form field the message belongs next to, or {@code null} for the whole form. */
    public String field() {
      return field;
    }

    public String messageKey() {
      return messageKey;
    }
  }

  /** A page of users matching {@code search} (username, name or e-mail), with their roles. */
  public List<User> search(String search, int first, int max) {
    return keycloak.call(
        null,
        () -> {
          RealmResource realm = keycloak.realm();
          List<UserRepresentation> found =
              realm.users().search(search == null ? "" : search, first, max, true);
          Map<String, Set<String>> roles = roleHolders(realm);
          List<User> users = new ArrayList<>();
          for (UserRepresentation u : found) {
            if (u.getUsername().startsWith("service-account-")) {
              continue;
            }
            users.add(toUser(u, roles.getOrDefault(u.getId(), Set.of())));
          }
          return users;
        });
  }

  public User get(String id) {
    return keycloak.call(
        null,
        () -> {
          UserResource user = keycloak.realm().users().get(id);
          return toUser(user.toRepresentation(), loopRoles(user));
        });
  }

  /** Creates the user with its roles and returns its id; an existing username is a failure. */
  public String create(NewUser input) {
    return keycloak.call(
        "username",
        () -> {
          RealmResource realm = keycloak.realm();
          UserRepresentation rep = new UserRepresentation();
          rep.setUsername(input.username());
          rep.setFirstName(input.firstName());
          rep.setLastName(input.lastName());
          rep.setEmail(input.email());
          rep.setEnabled(true);
          rep.setEmailVerified(input.email() != null);
          rep.setCredentials(List.of(password(input.temporaryPassword())));
          String id;
          try (Response response = realm.users().create(rep)) {
            if (response.getStatus() == 409) {
              String body = response.readEntity(String.class);
              throw new Failure(
                  body != null && body.contains("email") ? "email" : "username",
                  body != null && body.contains("email")
                      ? "users_error_email_taken"
                      : "users_error_username_taken",
                  null);
            }
            id = CreatedResponseUtil.getCreatedId(response);
          }
          setRoles(realm, id, input.roles());
          return id;
        });
  }

  /**
   * Changes names, e-mail, enabled flag and roles; the sessions of a user disabled or given other
   * roles end at once ({@link io.loopcrm.people.SessionEnds}).
   */
  public void update(
      String id,
      String firstName,
      String lastName,
      String email,
      boolean enabled,
      Set<String> roles,
      String newTemporaryPassword) {
    keycloak.call(
        "email",
        () -> {
          RealmResource realm = keycloak.realm();
          UserResource user = realm.users().get(id);
          UserRepresentation rep = user.toRepresentation();
          rep.setFirstName(firstName);
          rep.setLastName(lastName);
          rep.setEmail(email);
          rep.setEnabled(enabled);
          try {
            user.update(rep);
          } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
              throw new Failure("email", "users_error_email_taken", e);
            }
            throw e;
          }
          boolean rolesChanged = setRoles(realm, id, roles);
          if (newTemporaryPassword != null) {
            user.resetPassword(password(newTemporaryPassword));
          }
          if (!enabled || rolesChanged) {
            // the roles travel in the session's tokens: the sessions end here and in Keycloak, and
            // the person's next page signs in again (with the new roles)
            List<String> sids =
                user.getUserSessions().stream()
                    .map(org.keycloak.representations.idm.UserSessionRepresentation::getId)
                    .toList();
            user.logout();
            sessions.endAll(sids);
          }
          return null;
        });
  }

  /** Gives the user exactly the Loop roles {@code wanted}; whether anything changed. */
  private boolean setRoles(RealmResource realm, String id, Set<String> wanted) {
    UserResource user = realm.users().get(id);
    Set<String> current = loopRoles(user);
    List<RoleRepresentation> add = new ArrayList<>();
    List<RoleRepresentation> remove = new ArrayList<>();
    for (String role : Roles.ALL) {
      if (wanted.contains(role) && !current.contains(role)) {
        add.add(realm.roles().get(role).toRepresentation());
      } else if (!wanted.contains(role) && current.contains(role)) {
        remove.add(realm.roles().get(role).toRepresentation());
      }
    }
    if (!add.isEmpty()) {
      user.roles().realmLevel().add(add);
    }
    if (!remove.isEmpty()) {
      user.roles().realmLevel().remove(remove);
    }
    return !add.isEmpty() || !remove.isEmpty();
  }

  private static Set<String> loopRoles(UserResource user) {
    Set<String> roles = new TreeSet<>();
    for (RoleRepresentation r : user.roles().realmLevel().listAll()) {
      if (Roles.ALL.contains(r.getName())) {
        roles.add(r.getName());
      }
    }
    return roles;
  }

  /** Who holds each Loop CRM role: four calls for the whole page instead of one per user. */
  private static Map<String, Set<String>> roleHolders(RealmResource realm) {
    Map<String, Set<String>> byUser = new HashMap<>();
    for (String role : Roles.ALL) {
      for (UserRepresentation u :
          realm.roles().get(role).getUserMembers(true, 0, ROLE_HOLDERS_MAX)) {
        byUser.computeIfAbsent(u.getId(), k -> new LinkedHashSet<>()).add(role);
      }
    }
    return byUser;
  }

  private static User toUser(UserRepresentation u, Set<String> roles) {
    Set<String> ordered = new LinkedHashSet<>();
    for (String role : Roles.ALL) {
      if (roles.contains(role)) {
        ordered.add(role);
      }
    }
    return new User(
        u.getId(),
        u.getUsername(),
        u.getFirstName(),
        u.getLastName(),
        u.getEmail(),
        Boolean.TRUE.equals(u.isEnabled()),
        ordered);
  }

  private static CredentialRepresentation password(String value) {
    CredentialRepresentation c = new CredentialRepresentation();
    c.setType(CredentialRepresentation.PASSWORD);
    c.setValue(value);
    c.setTemporary(true);
    return c;
  }
}
