package io.loopcrm.audit;

/** Marks an entity whose creates, updates and deletes go to the audit trail. */
public interface Audited {}
