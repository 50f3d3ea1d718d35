package io.loopcrm.ops;

import io.loopcrm.imports.ImportFile;
import io.loopcrm.imports.ImportJob;
import io.loopcrm.imports.RecordLayouts;
import io.loopcrm.people.Roles;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * What an uploaded file's rows are: leads, or the accounts, contacts or deals of the CRM being
 * left. The columns are recognised by their headers on upload; when the user says otherwise, they
 * are mapped again by that kind's names (the file's CRM kept) and the status or stage choices are
 * dropped. Only before the import starts.
 */
@Path("/ops/import/{id}/kind")
@RolesAllowed(Roles.OPERATIONS)
public class OpsImportKindResource {
  @Inject Pages pages;

  @POST
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response kind(@PathParam("id") long id, @RestForm String kind) throws IOException {
    ImportJob job = ImportJob.findById(id);
    if (job == null) {
      throw new NotFoundException();
    }
    if (kind == null || !RecordLayouts.KINDS.contains(kind)) {
      return pages.withStatus(
          422, ImportJobPage.render(job, new FormErrors().add("kind", "import_error_kind")));
    }
    if (job.isUploaded() && !job.kind.equals(kind)) {
      job.kind = kind;
      var header = ImportFile.header(java.nio.file.Path.of(job.storedPath));
      job.mapping = String.join("\t", RecordLayouts.mapping(kind, job.layout, header));
      job.valueMap = "";
    }
    return Response.seeOther(URI.create("/ops/import/" + id)).build();
  }
}
