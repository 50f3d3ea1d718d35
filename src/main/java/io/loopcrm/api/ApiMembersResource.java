package io.loopcrm.api;

import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The people leads can be routed to, for integrations (bearer tokens only). */
@Path("/api/members")
@RolesAllowed({Roles.ADMIN, Roles.OPERATIONS, Roles.SALES_MANAGER})
@Produces(MediaType.APPLICATION_JSON)
public class ApiMembersResource {
  @jakarta.inject.Inject ApiScopes scopes;

  /** One member as the API shows it. */
  public record MemberView(String username, String name, String email, List<String> roles) {}

  @GET
  public List<MemberView> list() {
    scopes.require("members:read");
    return Member.listOrderedByName().stream()
        .map(m -> new MemberView(m.username, m.displayName, m.email, m.roleList()))
        .toList();
  }
}
