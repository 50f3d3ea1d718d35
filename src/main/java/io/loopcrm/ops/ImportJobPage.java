package io.loopcrm.ops;

import io.loopcrm.imports.ImportFile;
import io.loopcrm.imports.ImportJob;
import io.loopcrm.imports.ImportLayout;
import io.loopcrm.imports.ImportPreview;
import io.loopcrm.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An import's page: the column mapping with its checks, a preview of the first rows with their
 * problems, what the file's statuses, owners and campaigns become ({@link ImportMatches}), then the
 * progress and the outcome.
 */
final class ImportJobPage {
  static final int PREVIEW_ROWS = 10;

  private ImportJobPage() {}

  /** A column of the file with the target it is mapped to. */
  public record Column(int index, String header, String target) {
    public String field() {
      return "target-" + index;
    }
  }

  @CheckedTemplate(basePath = "OpsImportResource")
  static class Templates {
    static native TemplateInstance job(
        ImportJob job,
        List<Column> columns,
        List<String> targets,
        List<ImportPreview.PreviewRow> preview,
        List<ImportMatches.Match> matches,
        FormErrors errors);

    static native TemplateInstance job$progress(ImportJob job);
  }

  static TemplateInstance render(ImportJob job, FormErrors errors) throws IOException {
    Path file = Path.of(job.storedPath);
    List<String> header = Files.exists(file) ? ImportFile.header(file) : List.of();
    List<String> mapping = List.of(job.mapping.split("\t", -1));
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      columns.add(
          new Column(
              i, header.get(i).replace("\uFEFF", ""), i < mapping.size() ? mapping.get(i) : ""));
    }
    boolean preview = job.isUploaded() && Files.exists(file);
    return Templates.job(
        job,
        columns,
        ImportLayout.TARGETS,
        preview ? ImportPreview.preview(file, mapping, PREVIEW_ROWS) : List.of(),
        preview ? ImportMatches.of(file, mapping) : List.of(),
        errors);
  }

  static TemplateInstance progress(ImportJob job) {
    return Templates.job$progress(job);
  }

  /**
   * Checks the chosen targets (one per column, each at most once, a name and an e-mail or phone
   * among them) and keeps them on the job when they pass.
   */
  static FormErrors applyMapping(ImportJob job, List<String> target) throws IOException {
    List<String> header = ImportFile.header(Path.of(job.storedPath));
    List<String> chosen = target == null ? List.of() : target;
    FormErrors errors = new FormErrors();
    if (chosen.size() != header.size() || !ImportLayout.TARGETS.containsAll(chosen)) {
      errors.add("target", "import_error_mapping");
      return errors;
    }
    List<String> used = new ArrayList<>();
    for (String t : chosen) {
      if (!t.isEmpty() && used.contains(t)) {
        errors.add("target", "import_error_twice");
      }
      used.add(t);
    }
    if (!used.contains("lastName") && !used.contains("fullName")) {
      errors.add("target", "import_error_needs_name");
    }
    if (!used.contains("email") && !used.contains("phone")) {
      errors.add("target", "import_error_needs_contact");
    }
    if (errors.isEmpty()) {
      job.mapping = String.join("\t", chosen);
    }
    return errors;
  }
}
