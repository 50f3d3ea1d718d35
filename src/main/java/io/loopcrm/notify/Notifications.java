package io.loopcrm.notify;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * What the application tells the notification triggers (R__notifications.sql) about the transaction
 * it is in. Each call is one statement in the caller's transaction.
 */
public final class Notifications {
  private Notifications() {}

  /**
   * The leads this transaction writes belong to import {@code jobId}: each rep gets one row for the
   * whole import, held until it ends.
   */
  public static void duringImport(long jobId) {
    Panache.getEntityManager()
        .createNativeQuery("select set_config('loop.import_job', :job, true)")
        .setParameter("job", Long.toString(jobId))
        .getSingleResult();
  }

  /** The import ended: its reps' summaries may be mailed now (to those who want e-mail). */
  public static void importDone(long jobId) {
    Panache.getEntityManager()
        .createNativeQuery(
            "update notification set mail_state = notify_mail_state(member_id)"
                + " where import_job_id = :job and mail_state = 'held'")
        .setParameter("job", jobId)
        .executeUpdate();
  }

  /** The leads this transaction writes are history (demo data): they tell no one. */
  public static void quiet() {
    Panache.getEntityManager()
        .createNativeQuery("select set_config('loop.quiet', 'on', true)")
        .getSingleResult();
  }
}
