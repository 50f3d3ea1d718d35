package io.loopcrm.api;

import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The people records belong to and their teams, for integrations (bearer tokens only): the ids that
 * {@code ownerId} and {@code teamId} name everywhere else in the API.
 */
@Path("/api")
@RolesAllowed({Roles.ADMIN, Roles.OPERATIONS, Roles.SALES_MANAGER})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Read members and teams")
public class ApiMembersResource {
  @jakarta.inject.Inject ApiScopes scopes;

  /** One member as the API shows it. */
  @Schema(name = "Member")
  public record MemberView(
      long id,
      String username,
      String name,
      String email,
      List<String> roles,
      Long teamId,
      String team,
      @Schema(description = "False once an admin switched the member off") boolean enabled) {}

  /** One team as the API shows it. */
  @Schema(name = "Team")
  public record TeamView(long id, String name, Long managerId, String manager) {}

  @GET
  @Path("members")
  @Operation(
      operationId = "listMembers",
      summary = "List members",
      description = "By name, every member (a few hundred).")
  public List<MemberView> list() {
    scopes.require("members:read");
    return Member.<Member>list("from Member m left join fetch m.team order by m.displayName")
        .stream()
        .map(
            m ->
                new MemberView(
                    m.id,
                    m.username,
                    m.displayName,
                    m.email,
                    m.roleList(),
                    m.team == null ? null : m.team.id,
                    m.team == null ? null : m.team.name,
                    m.enabled))
        .toList();
  }

  @GET
  @Path("teams")
  @Operation(
      operationId = "listTeams",
      summary = "List teams",
      description = "By name, with each team's manager.")
  public List<TeamView> teams() {
    scopes.require("members:read");
    return Team.<Team>list("from Team t left join fetch t.manager order by t.name").stream()
        .map(
            t ->
                new TeamView(
                    t.id,
                    t.name,
                    t.manager == null ? null : t.manager.id,
                    t.manager == null ? null : t.manager.displayName))
        .toList();
  }
}
