package io.loopcrm.ops;

import io.loopcrm.deal.PipelineStage;
import io.loopcrm.imports.ImportFile;
import io.loopcrm.imports.ImportJob;
import io.loopcrm.imports.ImportPreview;
import io.loopcrm.imports.RecordLayouts;
import io.loopcrm.lead.LeadStatus;
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
        List<String> kinds,
        FormErrors errors,
        List<io.loopcrm.imports.ImportReasons.Count> reasons,
        io.loopcrm.imports.ImportDates.Reading dates);

    static native TemplateInstance job$progress(
        ImportJob job, List<io.loopcrm.imports.ImportReasons.Count> reasons);
  }

  static TemplateInstance render(ImportJob job, FormErrors errors) throws IOException {
    Path file = Path.of(job.storedPath);
    List<String> header = Files.exists(file) ? ImportFile.header(file) : List.of();
    List<String> mapping = job.mappingColumns();
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
        RecordLayouts.targets(job.kind),
        preview ? ImportPreview.preview(file, mapping, job.kind, PREVIEW_ROWS) : List.of(),
        preview ? ImportMatches.of(job, file, mapping) : List.of(),
        RecordLayouts.KINDS,
        errors,
        io.loopcrm.imports.ImportReasons.of(job),
        preview
            ? io.loopcrm.imports.ImportDates.of(file, mapping)
            : new io.loopcrm.imports.ImportDates.Reading(
                io.loopcrm.imports.ImportDates.Order.NONE, null));
  }

  static TemplateInstance progress(ImportJob job) {
    return Templates.job$progress(job, io.loopcrm.imports.ImportReasons.of(job));
  }

  /**
   * Checks the chosen targets (one per column, each at most once, the columns the kind of row needs
   * among them) and the chosen statuses or stages, and keeps them on the job when they pass.
   */
  static FormErrors applyMapping(
      ImportJob job, List<String> target, List<String> value, List<String> becomes, String dayFirst)
      throws IOException {
    List<String> header = ImportFile.header(Path.of(job.storedPath));
    List<String> chosen = target == null ? List.of() : target;
    FormErrors errors = new FormErrors();
    if (chosen.size() != header.size() || !RecordLayouts.targets(job.kind).containsAll(chosen)) {
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
    requireColumns(job.kind, used, errors);
    String values = valueMap(job, value, becomes);
    if (values == null) {
      errors.add("target", "import_error_mapping");
    }
    if (errors.isEmpty()) {
      job.mapping = String.join("\t", chosen);
      job.valueMap = values;
      // sent only when the preview asked how the file writes its dates
      if (dayFirst != null) {
        job.dayFirst = "true".equals(dayFirst);
      }
    }
    return errors;
  }

  /**
   * The columns each kind of record cannot do without: a name, and a way to reach the person
   * (leads) or to find the account (contacts, deals).
   */
  private static void requireColumns(String kind, List<String> used, FormErrors errors) {
    switch (kind) {
      case "lead" -> {
        if (!used.contains("lastName") && !used.contains("fullName")) {
          errors.add("target", "import_error_needs_name");
        }
        if (!used.contains("email") && !used.contains("phone")) {
          errors.add("target", "import_error_needs_contact");
        }
      }
      case "contact" -> {
        if (!used.contains("lastName") && !used.contains("fullName")) {
          errors.add("target", "import_error_needs_name");
        }
        if (!used.contains("account") && !used.contains("website") && !used.contains("email")) {
          errors.add("target", "import_error_needs_account");
        }
      }
      case "deal" -> {
        if (!used.contains("name")) {
          errors.add("target", "import_error_needs_name");
        }
        if (!used.contains("account") && !used.contains("website")) {
          errors.add("target", "import_error_needs_account");
        }
      }
      default -> {
        if (!used.contains("name")) {
          errors.add("target", "import_error_needs_name");
        }
      }
    }
  }

  /**
   * The statuses (leads) or stages (deals) chosen on the preview, as the job keeps them; blank
   * choices follow the built-in mapping; null when a choice is none of ours. The kind's change
   * drops them ({@link OpsImportKindResource}).
   */
  private static String valueMap(ImportJob job, List<String> value, List<String> becomes) {
    if ((value == null || value.isEmpty()) && (becomes == null || becomes.isEmpty())) {
      // a post without the choices (not the page's form) keeps those saved
      return job.valueMap;
    }
    List<String> values = value == null ? List.of() : value;
    List<String> choices = becomes == null ? List.of() : becomes;
    if (values.size() != choices.size() || values.size() > 200) {
      return null;
    }
    java.util.Set<String> ours = new java.util.HashSet<>();
    if (job.kind.equals("deal")) {
      PipelineStage.listActive().forEach(s -> ours.add(String.valueOf(s.id)));
    } else {
      for (LeadStatus s : LeadStatus.values()) {
        if (s != LeadStatus.CONVERTED) {
          ours.add(s.name().toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      String v =
          values.get(i).trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\t\\n\\r]", " ");
      String c = choices.get(i).trim();
      if (c.isEmpty() || v.isEmpty()) {
        continue;
      }
      if (!ours.contains(c) || v.length() > 200) {
        return null;
      }
      out.append(v).append('\t').append(c).append('\n');
    }
    return out.toString();
  }
}
