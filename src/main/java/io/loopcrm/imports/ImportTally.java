package io.loopcrm.imports;

/**
 * An import's running counts: the rows read so far and what became of them. A batch counts on a
 * {@link #copy} that is {@link #keep kept} once the batch has committed, so that the counts always
 * say exactly which rows are in (a resumed import goes on after them).
 */
final class ImportTally {
  private int created;
  private int updated;
  private int skipped;
  private int processed;

  private ImportTally() {}

  static ImportTally empty() {
    return new ImportTally();
  }

  /** The counts the job holds: those of its committed batches. */
  static ImportTally of(ImportJob job) {
    ImportTally t = new ImportTally();
    t.created = job.createdCount;
    t.updated = job.updatedCount;
    t.skipped = job.skippedCount;
    t.processed = job.processed;
    return t;
  }

  ImportTally copy() {
    ImportTally t = new ImportTally();
    t.keep(this);
    return t;
  }

  /** Takes over the counts of a committed batch's copy. */
  void keep(ImportTally committed) {
    created = committed.created;
    updated = committed.updated;
    skipped = committed.skipped;
    processed = committed.processed;
  }

  /** One more row read, with what became of it. */
  void add(RowOutcome outcome) {
    processed++;
    switch (outcome) {
      case CREATED -> created++;
      case UPDATED -> updated++;
      case SKIPPED -> skipped++;
    }
  }

  int created() {
    return created;
  }

  int processed() {
    return processed;
  }

  /** Writes the counts onto the job (in the batch's transaction). */
  void writeTo(ImportJob job) {
    job.createdCount = created;
    job.updatedCount = updated;
    job.skippedCount = skipped;
    job.processed = processed;
  }
}
