package io.loopcrm.ops;

import io.loopcrm.common.LoopConfig;
import io.loopcrm.imports.ImportFile;
import io.loopcrm.imports.ImportJob;
import io.loopcrm.imports.LeadImporter;
import io.loopcrm.imports.RecordLayouts;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * CSV import of leads: upload, column mapping (presets for Salesforce, HubSpot and Odoo exports), a
 * preview with problems marked, the import in the background with a live progress bar, and a
 * downloadable report with the outcome of every row ({@link OpsImportReportResource}; a stopped
 * import resumes through {@link OpsImportResumeResource}).
 */
@Path("/ops/import")
@RolesAllowed(Roles.OPERATIONS)
public class OpsImportResource {
  @Inject LeadImporter importer;
  @Inject CurrentMember me;
  @Inject SecurityIdentity identity;
  @Inject Pages pages;

  @Inject LoopConfig config;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance start(List<ImportJob> jobs, FormErrors errors);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance start() {
    return Templates.start(recent(), FormErrors.none());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.TEXT_HTML)
  public Response upload(@RestForm("file") FileUpload file) throws IOException {
    if (file == null || file.uploadedFile() == null || file.size() == 0) {
      return pages.withStatus(
          422, Templates.start(recent(), new FormErrors().add("file", "import_error_no_file")));
    }
    java.nio.file.Path dir = java.nio.file.Path.of(config.imports().dir());
    Files.createDirectories(dir);
    java.nio.file.Path stored = dir.resolve(UUID.randomUUID() + ".csv");
    Files.move(file.uploadedFile(), stored, StandardCopyOption.REPLACE_EXISTING);
    String problem = ImportFile.problemOf(stored);
    if (problem != null) {
      Files.deleteIfExists(stored);
      return pages.withStatus(
          422, Templates.start(recent(), new FormErrors().add("file", problem)));
    }
    List<String> header = ImportFile.header(stored);
    RecordLayouts.Detected found = RecordLayouts.detect(header);
    long id =
        save(
            file.fileName(),
            stored,
            found,
            String.join("\t", RecordLayouts.mapping(found.kind(), found.layout(), header)));
    return Flash.redirect(
        URI.create("/ops/import/" + id), "info", "import_flash_layout_" + found.layout());
  }

  @Transactional
  long save(String name, java.nio.file.Path stored, RecordLayouts.Detected found, String mapping) {
    ImportJob job = new ImportJob();
    String clean = name == null ? "leads.csv" : name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
    job.fileName = clean.length() > 300 ? clean.substring(0, 300) : clean;
    job.storedPath = stored.toString();
    job.layout = found.layout();
    job.kind = found.kind();
    job.mapping = mapping;
    job.createdBy = me.get();
    job.persist();
    return job.id;
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance job(@PathParam("id") long id) throws IOException {
    ImportJob job = find(id);
    return ImportJobPage.render(job, FormErrors.none());
  }

  @GET
  @Path("{id}/progress")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance progress(@PathParam("id") long id) {
    return ImportJobPage.progress(find(id));
  }

  /** Saves the mapping and shows the preview again. */
  @POST
  @Path("{id}/mapping")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  public Response mapping(
      @PathParam("id") long id,
      @RestForm List<String> target,
      @RestForm List<String> value,
      @RestForm List<String> becomes,
      @RestForm String dayFirst)
      throws IOException {
    ImportJob job = find(id);
    FormErrors errors = ImportJobPage.applyMapping(job, target, value, becomes, dayFirst);
    if (errors.isPresent()) {
      return pages.withStatus(422, ImportJobPage.render(job, errors));
    }
    return Response.seeOther(URI.create("/ops/import/" + id)).build();
  }

  /** Saves the mapping and starts the import in the background. */
  @POST
  @Path("{id}/start")
  @Produces(MediaType.TEXT_HTML)
  public Response begin(
      @PathParam("id") long id,
      @RestForm List<String> target,
      @RestForm List<String> value,
      @RestForm List<String> becomes,
      @RestForm String dayFirst)
      throws IOException {
    FormErrors errors =
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  // the row lock makes a second click wait for the first and then see it started
                  ImportJob job =
                      ImportJob.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                  if (job == null) {
                    throw new NotFoundException();
                  }
                  if (!job.isUploaded()) {
                    return null;
                  }
                  FormErrors e = ImportJobPage.applyMapping(job, target, value, becomes, dayFirst);
                  if (e.isEmpty()) {
                    job.status = io.loopcrm.imports.ImportStatus.RUNNING;
                    // its lease starts now: without it, the check for stopped imports (every 15
                    // s) took an import whose first batch had not committed yet for interrupted
                    job.heartbeatAt = java.time.Instant.now();
                  }
                  return e;
                });
    if (errors == null) {
      // started already (a second click): its progress is the answer
      return Response.seeOther(URI.create("/ops/import/" + id)).build();
    }
    if (errors.isPresent()) {
      return pages.withStatus(422, ImportJobPage.render(find(id), errors));
    }
    importer.start(id, identity.getPrincipal().getName());
    return Response.seeOther(URI.create("/ops/import/" + id)).build();
  }

  private static List<ImportJob> recent() {
    io.quarkus.hibernate.orm.panache.PanacheQuery<ImportJob> query =
        ImportJob.find("from ImportJob j left join fetch j.createdBy order by j.createdAt desc");
    return query.range(0, 9).list();
  }

  private static ImportJob find(long id) {
    ImportJob job = ImportJob.findById(id);
    if (job == null) {
      throw new NotFoundException();
    }
    return job;
  }
}
