package io.loopcrm.testing;

import io.loopcrm.audit.Change;
import io.loopcrm.audit.ChangeListener;
import io.loopcrm.customer.Account;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.List;

/**
 * A listener that fails for an account named {@link #NAME} only, as a webhook event that cannot be
 * written would: the tests show the change does not commit without it.
 */
@ApplicationScoped
public class FailingChangeListener implements ChangeListener {
  public static final String NAME = "A change whose listener fails";

  @Override
  public void beforeCommit(List<Change> changes, Connection connection) {
    for (Change c : changes) {
      if (c.entity() instanceof Account a && NAME.equals(a.name)) {
        throw new IllegalStateException("the listener failed, as the test asked");
      }
    }
  }
}
