package io.loopcrm.admin;

import io.loopcrm.people.Member;
import io.loopcrm.people.MemberMirror;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.loopcrm.web.Pages;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Users and their roles, managed in Keycloak through its Admin REST API; the team and the local
 * member mirror are Loop CRM's. Role changes apply on the user's next request (SessionEnds).
 */
@Path("/admin/users")
@RolesAllowed(Roles.ADMIN)
public class AdminUsersResource {
  static final int PAGE = 25;

  @Inject KeycloakUsers keycloak;
  @Inject MemberMirror mirror;
  @Inject SecurityIdentity identity;
  @Inject Pages pages;
  @Inject UserPages page;
  @Inject Validator validator;

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
      return page.unavailable(search, f);
    }
    boolean hasNext = users.size() > PAGE;
    String q64 = URLEncoder.encode(search, StandardCharsets.UTF_8);
    String prev = from > 0 ? "/admin/users?q=" + q64 + "&first=" + Math.max(0, from - PAGE) : null;
    String next = hasNext ? "/admin/users?q=" + q64 + "&first=" + (from + PAGE) : null;
    return Response.ok(page.list(hasNext ? users.subList(0, PAGE) : users, search, prev, next))
        .build();
  }

  @GET
  @Path("new")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance create() {
    return page.blank();
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  public Response create(@BeanParam UserInput input) {
    UserForm form = UserForm.of(true, false, input, validator);
    if (form.errors().isPresent()) {
      return pages.withStatus(422, page.form(null, false, form, null));
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
      return page.failed(null, false, form, f);
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
      return page.notFoundOrUnavailable(f);
    }
    Member member = Member.findBySubject(id).orElse(null);
    return Response.ok(page.edit(id, isSelf(id, user.username()), user, member)).build();
  }

  @POST
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public Response update(@PathParam("id") String id, @BeanParam UserInput input) {
    KeycloakUsers.User before;
    try {
      before = keycloak.get(id);
    } catch (KeycloakUsers.Failure f) {
      return page.notFoundOrUnavailable(f);
    }
    boolean self = isSelf(id, before.username());
    UserForm form = UserForm.of(false, self, input, validator);
    form.values().put("username", before.username());
    if (form.errors().isPresent()) {
      return pages.withStatus(422, page.form(id, self, form, null));
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
      return page.failed(id, self, form, f);
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

  /** Whether the admin is editing their own account. */
  private boolean isSelf(String id, String username) {
    if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
      return id.equals(token.getSubject());
    }
    return identity.getPrincipal().getName().equals(username);
  }
}
