package io.loopcrm.admin;

import io.loopcrm.people.Member;
import io.loopcrm.people.MemberMirror;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Users and their roles, managed in Keycloak through its Admin REST API; the team and the local
 * member mirror are Loop CRM's. Role changes apply at the user's next sign-in.
 */
@Path("/admin/users")
@RolesAllowed(Roles.ADMIN)
public class AdminUsersResource {
  static final int PAGE = 25;

  @Inject KeycloakUsers keycloak;
  @Inject MemberMirror mirror;
  @Inject SecurityIdentity identity;
  @Inject Pages pages;

  /** A user in the list: Keycloak's account plus the mirror's team and last sign-in. */
  public record Row(KeycloakUsers.User user, String team, Instant lastLogin) {}

  @CheckedTemplate
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

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response list(@QueryParam("q") String q, @QueryParam("first") Integer first) {
    String search = q == null ? "" : q.trim();
    if (search.length() > 100) {
      search = search.substring(0, 100);
    }
    int from = first == null || first < 0 ? 0 : first;
    List<KeycloakUsers.User> users;
    try {
      users = keycloak.search(search, from, PAGE + 1);
    } catch (KeycloakUsers.Failure f) {
      return pages.withStatus(503, Templates.list(List.of(), search, null, null, f.messageKey()));
    }
    boolean hasNext = users.size() > PAGE;
    List<KeycloakUsers.User> shown = hasNext ? users.subList(0, PAGE) : users;
    Map<String, Member> members = new HashMap<>();
    if (!shown.isEmpty()) {
      Member.<Member>list(
              "from Member m left join fetch m.team where m.subject in ?1",
              shown.stream().map(KeycloakUsers.User::id).toList())
          .forEach(m -> members.put(m.subject, m));
    }
    List<Row> rows =
        shown.stream()
            .map(
                u -> {
                  Member m = members.get(u.id());
                  return new Row(
                      u,
                      m == null || m.team == null ? null : m.team.name,
                      m == null ? null : m.lastLoginAt);
                })
            .toList();
    String q64 = java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8);
    String prev = from > 0 ? "/admin/users?q=" + q64 + "&first=" + Math.max(0, from - PAGE) : null;
    String next = hasNext ? "/admin/users?q=" + q64 + "&first=" + (from + PAGE) : null;
    return Response.ok(Templates.list(rows, search, prev, next, null)).build();
  }

  @GET
  @Path("new")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance create() {
    return Templates.form(
        null,
        false,
        Map.of(),
        Set.of(Roles.SALES),
        true,
        Roles.ALL,
        Team.listAll(io.quarkus.panache.common.Sort.by("name")),
        FormErrors.none(),
        null);
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  public Response create(
      @RestForm String username,
      @RestForm String firstName,
      @RestForm String lastName,
      @RestForm String email,
      @RestForm List<String> roles,
      @RestForm String team,
      @RestForm String password) {
    UserForm form =
        UserForm.parse(
            true, false, username, firstName, lastName, email, null, roles, team, password);
    if (form.errors().isPresent()) {
      return pages.withStatus(422, formPage(null, false, form, null));
    }
    String id;
    try {
      id =
          keycloak.create(
              new KeycloakUsers.NewUser(
                  form.username(),
                  form.firstName(),
                  form.lastName(),
                  form.email(),
                  form.password(),
                  form.roles()));
    } catch (KeycloakUsers.Failure f) {
      return failed(null, false, form, f);
    }
    mirror.refresh(
        id, form.username(), form.displayName(), form.email(), true, form.roles(), form.team());
    return Flash.redirect(URI.create("/admin/users/" + id), "success", "users_flash_created");
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public Response edit(@PathParam("id") String id) {
    KeycloakUsers.User user;
    try {
      user = keycloak.get(id);
    } catch (KeycloakUsers.Failure f) {
      if ("users_error_not_found".equals(f.messageKey())) {
        throw new jakarta.ws.rs.NotFoundException();
      }
      return pages.withStatus(503, Templates.list(List.of(), "", null, null, f.messageKey()));
    }
    Member member = Member.findBySubject(id).orElse(null);
    Map<String, String> values = new HashMap<>();
    values.put("username", user.username());
    values.put("firstName", user.firstName() == null ? "" : user.firstName());
    values.put("lastName", user.lastName() == null ? "" : user.lastName());
    values.put("email", user.email() == null ? "" : user.email());
    values.put("team", member == null || member.team == null ? "" : member.team.id.toString());
    return Response.ok(
            Templates.form(
                id,
                isSelf(id, user.username()),
                values,
                user.roles(),
                user.enabled(),
                Roles.ALL,
                Team.listAll(io.quarkus.panache.common.Sort.by("name")),
                FormErrors.none(),
                null))
        .build();
  }

  @POST
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public Response update(
      @PathParam("id") String id,
      @RestForm String username,
      @RestForm String firstName,
      @RestForm String lastName,
      @RestForm String email,
      @RestForm String enabled,
      @RestForm List<String> roles,
      @RestForm String team,
      @RestForm String password) {
    KeycloakUsers.User before;
    try {
      before = keycloak.get(id);
    } catch (KeycloakUsers.Failure f) {
      if ("users_error_not_found".equals(f.messageKey())) {
        throw new jakarta.ws.rs.NotFoundException();
      }
      return pages.withStatus(503, Templates.list(List.of(), "", null, null, f.messageKey()));
    }
    boolean self = isSelf(id, before.username());
    UserForm form =
        UserForm.parse(
            false, self, username, firstName, lastName, email, enabled, roles, team, password);
    form.values().put("username", before.username());
    if (form.errors().isPresent()) {
      return pages.withStatus(422, formPage(id, self, form, null));
    }
    try {
      keycloak.update(
          id,
          form.firstName(),
          form.lastName(),
          form.email(),
          form.enabled(),
          form.roles(),
          form.password());
    } catch (KeycloakUsers.Failure f) {
      if ("users_error_not_found".equals(f.messageKey())) {
        throw new jakarta.ws.rs.NotFoundException();
      }
      return failed(id, self, form, f);
    }
    mirror.refresh(
        id,
        before.username(),
        form.displayName(),
        form.email(),
        form.enabled(),
        form.roles(),
        form.team());
    return Flash.redirect(URI.create("/admin/users/" + id), "success", "users_flash_saved");
  }

  private Response failed(String id, boolean self, UserForm form, KeycloakUsers.Failure f) {
    if (f.field() != null) {
      form.errors().add(f.field(), f.messageKey());
      return pages.withStatus(422, formPage(id, self, form, null));
    }
    int status = "users_error_unreachable".equals(f.messageKey()) ? 503 : 422;
    return pages.withStatus(status, formPage(id, self, form, f.messageKey()));
  }

  private TemplateInstance formPage(String id, boolean self, UserForm form, String error) {
    Set<String> roles = new HashSet<>(form.roles());
    return Templates.form(
        id,
        self,
        form.values(),
        roles,
        form.enabled(),
        Roles.ALL,
        Team.listAll(io.quarkus.panache.common.Sort.by("name")),
        form.errors(),
        error);
  }

  /** Whether the admin is editing their own account. */
  private boolean isSelf(String id, String username) {
    if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
      return id.equals(token.getSubject());
    }
    return identity.getPrincipal().getName().equals(username);
  }
}
