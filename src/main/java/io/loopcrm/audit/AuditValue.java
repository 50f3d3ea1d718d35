package io.loopcrm.audit;

/** A value that an audited record holds and that the trail writes in its own words. */
public interface AuditValue {
  /** What the audit trail records for this value (a number, a text, or null). */
  Object auditValue();
}
