package io.loopcrm.admin;

import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles the user list and the user form, and what the admin sees when Keycloak refuses a change
 * or cannot be reached.
 */
@ApplicationScoped
public class UserPages {
  @Inject Pages pages;

  /** A user in the list: Keycloak's account plus the mirror's team and last sign-in. */
  public record Row(KeycloakUsers.User user, String team, Instant lastLogin) {}

  @CheckedTemplate(basePath = "AdminUsersResource")
  static class Templates {
    static native TemplateInstance list(
        List<Row> rows, String q, String prevHref, String nextHref, String error);

    static native TemplateInstance form(
        String id,
        boolean self,
        Map<String, String> values,
        Set<String> roles,
        boolean enabled,
        List<String> allRoles,
        List<Team> teams,
        FormErrors errors,
        String error);
  }

  /** The list of these users, each with the team and last sign-in of its member mirror. */
  TemplateInstance list(List<KeycloakUsers.User> users, String q, String prev, String next) {
    Map<String, Member> members = new HashMap<>();
    if (!users.isEmpty()) {
      Member.<Member>list(
              "from Member m left join fetch m.team where m.subject in ?1",
              users.stream().map(KeycloakUsers.User::id).toList())
          .forEach(m -> members.put(m.subject, m));
    }
    List<Row> rows =
        users.stream()
            .map(
                u -> {
                  Member m = members.get(u.id());
                  return new Row(
                      u,
                      m == null || m.team == null ? null : m.team.name,
                      m == null ? null : m.lastLoginAt);
                })
            .toList();
    return Templates.list(rows, q, prev, next, null);
  }

  /** The list page without users, saying why Keycloak could not give them. */
  Response unavailable(String q, KeycloakUsers.Failure f) {
    return pages.withStatus(503, Templates.list(List.of(), q, null, null, f.messageKey()));
  }

  /** A user Keycloak does not know is a 404; any other failure the unavailable list. */
  Response notFoundOrUnavailable(KeycloakUsers.Failure f) {
    if ("users_error_not_found".equals(f.messageKey())) {
      throw new NotFoundException();
    }
    return unavailable("", f);
  }

  /** The form for a new user: a rep, enabled. */
  TemplateInstance blank() {
    return Templates.form(
        null,
        false,
        Map.of(),
        Set.of(Roles.SALES),
        true,
        Roles.ALL,
        teams(),
        FormErrors.none(),
        null);
  }

  /** The form filled with a user as Keycloak and the member mirror hold them. */
  TemplateInstance edit(String id, boolean self, KeycloakUsers.User user, Member member) {
    Map<String, String> values = new HashMap<>();
    values.put("username", user.username());
    values.put("firstName", user.firstName() == null ? "" : user.firstName());
    values.put("lastName", user.lastName() == null ? "" : user.lastName());
    values.put("email", user.email() == null ? "" : user.email());
    values.put("team", member == null || member.team == null ? "" : member.team.id.toString());
    return Templates.form(
        id,
        self,
        values,
        user.roles(),
        user.enabled(),
        Roles.ALL,
        teams(),
        FormErrors.none(),
        null);
  }

  /** The form again with what the admin typed and what is wrong with it. */
  TemplateInstance form(String id, boolean self, UserForm form, String error) {
    return Templates.form(
        id,
        self,
        form.values(),
        new HashSet<>(form.roles()),
        form.enabled(),
        Roles.ALL,
        teams(),
        form.errors(),
        error);
  }

  /**
   * Keycloak refused the change: next to the field it names, else over the whole form (503 when
   * Keycloak could not be reached).
   */
  Response failed(String id, boolean self, UserForm form, KeycloakUsers.Failure f) {
    if (f.field() != null) {
      form.errors().add(f.field(), f.messageKey());
      return pages.withStatus(422, form(id, self, form, null));
    }
    int status = "users_error_unreachable".equals(f.messageKey()) ? 503 : 422;
    return pages.withStatus(status, form(id, self, form, f.messageKey()));
  }

  private static List<Team> teams() {
    return Team.listAll(Sort.by("name"));
  }
}
