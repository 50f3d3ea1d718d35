package io.loopcrm.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Told of the audited changes of a transaction just before it commits, on the transaction's own
 * connection, after the audit entries are written: what a listener writes commits with the change
 * or not at all (the webhooks' events). A listener that fails fails the transaction. Listeners are
 * CDI beans of other packages, so the audit knows none of them.
 */
public interface ChangeListener {
  void beforeCommit(List<Change> changes, Connection connection) throws SQLException;
}
