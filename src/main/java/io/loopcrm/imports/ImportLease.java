package io.loopcrm.imports;

import java.time.Instant;

/**
 * The step every batch of an import begins and ends with: holding the job (its row locked for the
 * batch, refused when another instance took it for stopped) and renewing its lease with the batch's
 * counts. Lead batches ({@link ImportBatch}) and record batches ({@link RecordBatch}) share it.
 */
final class ImportLease {
  private ImportLease() {}

  /** The import is no longer this run's (another instance took it for stopped). */
  static final class Lost extends RuntimeException {
    Lost(String status) {
      super("the import is " + status + " now, not running", null, false, false);
    }
  }

  /**
   * Locks the job's row until the caller's batch commits (an instance that takes the import for
   * stopped waits for the batch, then finds the lease renewed); throws when it is no longer
   * running.
   */
  static ImportJob hold(long jobId) {
    ImportJob held = ImportJob.findById(jobId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (!held.isRunning()) {
      throw new Lost(held.status.code());
    }
    // the batch's leads tell their reps once per import, not once each (R__notifications.sql)
    io.loopcrm.notify.Notifications.duringImport(jobId);
    return held;
  }

  /** The job's counts after a batch, its lease renewed (in the batch's transaction). */
  static void advance(long jobId, ImportTally next, Instant now) {
    ImportJob job = ImportJob.findById(jobId);
    job.heartbeatAt = now;
    next.writeTo(job);
  }
}
