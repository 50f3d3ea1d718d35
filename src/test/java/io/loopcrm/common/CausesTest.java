package io.loopcrm.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class CausesTest {

  /** The shape of a commit that failed because PostgreSQL went away under it (seen in FaultsIT). */
  @Test
  void aCommitWhoseConnectionClosedIsTheDatabaseBeingUnreachable() {
    var closed = new SQLException("This connection has been closed.", "08003");
    var xa = new XAException("Error trying to transactionCommit local transaction");
    xa.initCause(closed);
    var rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
    rollback.addSuppressed(xa);
    var wrapped = new IllegalStateException(rollback);

    assertThat(Causes.databaseUnreachable(wrapped)).isTrue();
  }

  @Test
  void aStatementTheDatabaseRefusedIsNot() {
    var refused = new SQLException("duplicate key value", "23505");
    var other = new IllegalStateException("boom");
    other.addSuppressed(new RuntimeException(new IllegalArgumentException("no")));

    assertThat(Causes.databaseUnreachable(new RuntimeException(refused))).isFalse();
    assertThat(Causes.databaseUnreachable(other)).isFalse();
  }

  @Test
  void aCycleOfCausesEnds() {
    var a = new RuntimeException("a");
    var b = new RuntimeException("b", a);
    a.addSuppressed(b);

    assertThat(Causes.databaseUnreachable(b)).isFalse();
  }
}
