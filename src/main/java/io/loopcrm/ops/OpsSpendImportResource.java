package io.loopcrm.ops;

import io.loopcrm.campaign.SpendFile;
import io.loopcrm.campaign.SpendImport;
import io.loopcrm.common.LoopConfig;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
 * Spend from a CSV file into the cost ledger: upload, a preview of every row with what it would
 * record or why it is skipped and the totals per currency, then one click records the good rows;
 * afterwards the same address shows the report (also as CSV).
 */
@Path("/ops/costs/import")
@RolesAllowed(Roles.OPERATIONS)
public class OpsSpendImportResource {
  private static final java.util.regex.Pattern TOKEN =
      java.util.regex.Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Inject LoopConfig config;
  @Inject Choices choices;
  @Inject CurrentMember me;
  @Inject SpendImport spend;
  @Inject Pages pages;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance upload(FormErrors errors);

    static native TemplateInstance preview(String token, SpendFile.Result file);

    static native TemplateInstance report(
        String token, List<List<String>> outcomes, long recorded, long skipped);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance start() {
    return Templates.upload(FormErrors.none());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.TEXT_HTML)
  public Response upload(@RestForm("file") FileUpload file) throws IOException {
    if (file == null || file.uploadedFile() == null || file.size() == 0) {
      return pages.withStatus(
          422, Templates.upload(new FormErrors().add("file", "import_error_no_file")));
    }
    String token = UUID.randomUUID().toString();
    Files.createDirectories(file(token).getParent());
    Files.move(file.uploadedFile(), file(token), StandardCopyOption.REPLACE_EXISTING);
    SpendFile.Result read = SpendFile.read(file(token), currencies());
    if (read.problem() != null) {
      Files.deleteIfExists(file(token));
      return pages.withStatus(422, Templates.upload(new FormErrors().add("file", read.problem())));
    }
    return Response.seeOther(URI.create("/ops/costs/import/" + token)).build();
  }

  /** The preview, or once recorded, the report. */
  @GET
  @Path("{token}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance show(@PathParam("token") String token) throws IOException {
    if (Files.exists(report(token))) {
      List<List<String>> outcomes = outcomes(token);
      long recorded = outcomes.stream().filter(o -> "recorded".equals(o.get(6))).count();
      return Templates.report(token, outcomes, recorded, outcomes.size() - recorded);
    }
    return Templates.preview(token, SpendFile.read(file(token), currencies()));
  }

  @POST
  @Path("{token}")
  public Response record(@PathParam("token") String token) throws IOException {
    java.nio.file.Path file = file(token);
    try {
      spend.record(token, file, report(token), currencies(), me.get());
    } catch (RuntimeException e) {
      Files.deleteIfExists(report(token));
      throw e;
    }
    return Flash.redirect(
        URI.create("/ops/costs/import/" + token), "success", "spend_flash_recorded");
  }

  @GET
  @Path("{token}/report.csv")
  @Produces("text/csv")
  public Response reportCsv(@PathParam("token") String token) {
    java.nio.file.Path report = report(token);
    if (!Files.exists(report)) {
      throw new NotFoundException();
    }
    return Response.ok(report.toFile())
        .header("Content-Disposition", "attachment; filename=\"spend-report.csv\"")
        .build();
  }

  private List<List<String>> outcomes(String token) throws IOException {
    try (var reader = Files.newBufferedReader(report(token));
        var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(reader)) {
      return parser.stream().skip(1).map(r -> r.toList()).toList();
    }
  }

  private List<String> currencies() {
    return choices.all(ChoiceList.CURRENCY).stream().map(Choices.Option::code).toList();
  }

  /** The uploaded file of {@code token}; 404 for a token that is not one or has no file. */
  private java.nio.file.Path file(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new NotFoundException();
    }
    return java.nio.file.Path.of(config.imports().dir(), "spend-" + token + ".csv");
  }

  private java.nio.file.Path report(String token) {
    java.nio.file.Path file = file(token);
    if (!Files.exists(file)) {
      throw new NotFoundException();
    }
    return file.resolveSibling("spend-" + token + ".report.csv");
  }
}
