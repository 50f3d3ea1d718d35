package io.loopcrm.imports;

import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One CSV import: the stored file, its column mapping, progress and outcome counts. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntity implements io.loopcrm.audit.Audited {
  @Column(nullable = false)
  public String fileName;

  @Column(nullable = false)
  public String storedPath;

  public String reportPath;

  /** Dates with slashes are day first (11/03/2026 is 11 March); else month first. */
  public boolean dayFirst;

  /** The layout the columns were recognised as: salesforce, hubspot, odoo or generic. */
  @Column(nullable = false)
  public String layout;

  /** The chosen target per column, in file order, separated by tabs ("" = ignore). */
  @Column(nullable = false)
  public String mapping = "";

  @Column(nullable = false)
  @jakarta.persistence.Convert(converter = ImportStatus.Column.class)
  public ImportStatus status = ImportStatus.UPLOADED;

  /** What the rows are: lead, account, contact or deal ({@link RecordLayouts#KINDS}). */
  @Column(nullable = false)
  public String kind = "lead";

  /**
   * The user's mapping of the file's statuses (leads) or stages (deals) to ours, one "value, tab,
   * ours" a line; values it does not name follow the built-in mapping.
   */
  @Column(nullable = false)
  public String valueMap = "";

  public int processed;
  public int createdCount;
  public int updatedCount;
  public int skippedCount;
  public String error;

  @ManyToOne(fetch = FetchType.LAZY)
  public Member createdBy;

  public Instant createdAt = Instant.now();

  /** When the first run began (a resumed run keeps it: rows created since are this import's). */
  public Instant startedAt;

  public Instant finishedAt;

  /** Renewed by every committed batch of a running import (its lease, V25). */
  public Instant heartbeatAt;

  /** The column mapping: the target of each of the file's columns, in order (blank: unused). */
  public List<String> mappingColumns() {
    return List.of(mapping.split("\t", -1));
  }

  /** The user's value mapping: the file's value (lower case) to ours. */
  public java.util.Map<String, String> values() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    for (String line : valueMap.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        m.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return m;
  }

  /** The label key of the layout as read for this kind, say "Salesforce account export". */
  public String getLayoutLabelKey() {
    return kind.equals("lead") || layout.equals("generic")
        ? "import_layout_" + layout
        : "import_layout_" + layout + "_" + kind;
  }

  public boolean isLeads() {
    return kind.equals("lead");
  }

  public boolean isRunning() {
    return status == ImportStatus.RUNNING;
  }

  public boolean isDone() {
    return status == ImportStatus.DONE;
  }

  public boolean isFailed() {
    return status == ImportStatus.FAILED;
  }

  /** Failed after some batches were committed: a resume goes on after them. */
  public boolean isResumable() {
    return isFailed();
  }

  public boolean isUploaded() {
    return status == ImportStatus.UPLOADED;
  }
}
