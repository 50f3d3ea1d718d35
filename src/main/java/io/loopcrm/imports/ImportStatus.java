package io.loopcrm.imports;

import io.loopcrm.funnel.LowerCaseEnumConverter;
import java.util.Locale;

/**
 * Where an import is: uploaded (its mapping can still change), running, done, or failed (resumable
 * after its last committed batch). The schema spells them in lower case.
 */
public enum ImportStatus {
  UPLOADED,
  RUNNING,
  DONE,
  FAILED;

  /** As the schema and the import list spell it. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The message key of its name on the import pages. */
  public String getLabelKey() {
    return "import_status_" + code();
  }

  /** The column's converter. */
  public static class Column extends LowerCaseEnumConverter<ImportStatus> {
    public Column() {
      super(ImportStatus.class);
    }
  }
}
