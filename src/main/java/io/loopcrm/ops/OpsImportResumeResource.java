package io.loopcrm.ops;

import io.loopcrm.imports.ImportJob;
import io.loopcrm.imports.LeadImporter;
import io.loopcrm.people.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Resumes an import that stopped (an error, or the application stopped under it): it goes on after
 * the last committed batch, so no row is imported twice. A second click, or a resume of an import
 * that runs or is done, just shows its progress.
 */
@Path("/ops/import/{id}/resume")
@RolesAllowed(Roles.OPERATIONS)
public class OpsImportResumeResource {
  @Inject LeadImporter importer;
  @Inject SecurityIdentity identity;

  @POST
  public Response resume(@PathParam("id") long id) {
    if (ImportJob.findById(id) == null) {
      throw new NotFoundException();
    }
    if (LeadImporter.claim(id)) {
      importer.start(id, identity.getPrincipal().getName());
    }
    return Response.seeOther(URI.create("/ops/import/" + id)).build();
  }
}
