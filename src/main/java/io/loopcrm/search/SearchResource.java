package io.loopcrm.search;

import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The navbar's search box: leads, contacts, accounts and deals the user may see, grouped. */
@Path("/search")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER, Roles.OPERATIONS, Roles.ADMIN})
public class SearchResource {
  @Inject CurrentMember me;
  @Inject GlobalSearch search;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance results(GlobalSearch.Result result);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance results(@QueryParam("q") String q) {
    return Templates.results(search.search(q, me.viewer()));
  }
}
