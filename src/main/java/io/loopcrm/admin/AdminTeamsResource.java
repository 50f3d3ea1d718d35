package io.loopcrm.admin;

import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sales teams: name, manager and members. Routing sends leads to teams; a manager sees and
 * reassigns the records of their team.
 */
@Path("/admin/teams")
@RolesAllowed(Roles.ADMIN)
public class AdminTeamsResource {
  @Inject Pages pages;
  @Inject Validator validator;

  /** A team in the list with its manager's name and its size. */
  public record Row(long id, String name, String manager, long members) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        List<Row> rows, Map<String, String> values, FormErrors errors);

    static native TemplateInstance edit(
        Team team,
        Map<String, String> values,
        List<Member> managers,
        List<Member> people,
        Set<Long> memberIds,
        FormErrors errors);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list() {
    return Templates.list(rows(), Map.of(), FormErrors.none());
  }

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response create(@BeanParam TeamInput in) {
    FormErrors errors = in.errors(validator, null);
    if (errors.isPresent()) {
      return pages.withStatus(422, Templates.list(rows(), in.values(), errors));
    }
    Team team = new Team();
    team.name = in.name();
    team.persist();
    return Flash.redirect(URI.create("/admin/teams/" + team.id), "success", "teams_flash_created");
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance edit(@PathParam("id") long id) {
    Team team = find(id);
    Map<String, String> values = new HashMap<>();
    values.put("name", team.name);
    values.put("manager", team.manager == null ? "" : team.manager.id.toString());
    Set<Long> memberIds = new HashSet<>();
    Member.<Member>list("team.id", id).forEach(m -> memberIds.add(m.id));
    return Templates.edit(team, values, managers(), people(), memberIds, FormErrors.none());
  }

  @POST
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response update(@PathParam("id") long id, @BeanParam TeamInput in) {
    Team team = find(id);
    FormErrors errors = in.errors(validator, id);
    Member chosenManager = null;
    if (in.manager != null && !in.manager.isBlank()) {
      try {
        chosenManager = Member.findById(Long.valueOf(in.manager.trim()));
      } catch (NumberFormatException e) {
        chosenManager = null;
      }
      if (chosenManager == null || !chosenManager.roleList().contains(Roles.SALES_MANAGER)) {
        errors.add("manager", "teams_error_manager");
      }
    }
    Set<Long> wanted = new HashSet<>(in.members == null ? List.of() : in.members);
    if (chosenManager != null) {
      wanted.add(chosenManager.id);
    }
    List<Member> chosen = wanted.isEmpty() ? List.of() : Member.list("id in ?1", wanted);
    if (chosen.size() != wanted.size()) {
      errors.add("members", "teams_error_members");
    }
    if (errors.isPresent()) {
      return pages.withStatus(
          422, Templates.edit(team, in.values(), managers(), people(), wanted, errors));
    }
    team.name = in.name();
    team.manager = chosenManager;
    for (Member m : Member.<Member>list("team.id", id)) {
      if (!wanted.contains(m.id)) {
        m.team = null;
      }
    }
    for (Member m : chosen) {
      m.team = team;
    }
    return Flash.redirect(URI.create("/admin/teams/" + id), "success", "teams_flash_saved");
  }

  private static Team find(long id) {
    Team team = Team.findById(id);
    if (team == null) {
      throw new NotFoundException();
    }
    return team;
  }

  /** All teams with manager and size, in one grouped query. */
  private static List<Row> rows() {
    List<Object[]> found =
        Team.getEntityManager()
            .createQuery(
                "select t.id, t.name, mg.displayName, count(m) from Team t left join t.manager mg"
                    + " left join Member m on m.team = t group by t.id, t.name, mg.displayName"
                    + " order by t.name",
                Object[].class)
            .getResultList();
    return found.stream()
        .map(r -> new Row((Long) r[0], (String) r[1], (String) r[2], (Long) r[3]))
        .toList();
  }

  private static List<Member> managers() {
    return Member.list("roles like ?1 and enabled = true order by displayName", "%sales-manager%");
  }

  /** Everyone who works leads, whatever their team now. */
  private static List<Member> people() {
    return Member.list(
        "from Member m left join fetch m.team where (m.roles like ?1) and m.enabled = true"
            + " order by m.displayName",
        "%sales%");
  }
}
