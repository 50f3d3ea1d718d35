package io.loopcrm.imports;

import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One CSV import: the stored file, its column mapping, progress and outcome counts. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntity implements io.loopcrm.audit.Audited {
  @Column(nullable = false)
  public String fileName;

  @Column(nullable = false)
  public String storedPath;

  public String reportPath;

  /** The layout the columns were recognised as: salesforce, hubspot, odoo or generic. */
  @Column(nullable = false)
  public String layout;

  /** The chosen target per column, in file order, separated by tabs ("" = ignore). */
  @Column(nullable = false)
  public String mapping = "";

  @Column(nullable = false)
  public String status = "uploaded";

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

  public boolean isRunning() {
    return status.equals("running");
  }

  public boolean isDone() {
    return status.equals("done");
  }

  public boolean isFailed() {
    return status.equals("failed");
  }

  /** Failed after some batches were committed: a resume goes on after them. */
  public boolean isResumable() {
    return isFailed();
  }

  public boolean isUploaded() {
    return status.equals("uploaded");
  }
}
