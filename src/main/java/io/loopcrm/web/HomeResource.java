package io.loopcrm.web;

import io.loopcrm.people.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The signed-in user's home: what each of their roles does in Loop CRM. */
@Path("/")
@Authenticated
public class HomeResource {
  @Inject CurrentUser user;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance home(List<String> workspaces);

    static native TemplateInstance signedOut();
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response home() {
    if (user.has(Roles.SALES) || user.has(Roles.SALES_MANAGER)) {
      // a rep's home is Today
      return Response.seeOther(URI.create("/sales/today")).build();
    }
    return Response.ok(Templates.home(user.getRoleKeys())).build();
  }

  /** Where logout lands, after Keycloak has ended the session too. */
  @GET
  @Path("signed-out")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance signedOut() {
    return Templates.signedOut();
  }
}
