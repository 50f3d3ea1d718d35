package io.loopcrm.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
  public TemplateInstance home() {
    return Templates.home(user.getRoleKeys());
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
