package io.loopcrm.testing;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Keeps the SQL Hibernate prepares while {@link StatementCounter} counts, with the thread that
 * prepared it, so that a statement budget that fails says which statements it counted.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements implements StatementInspector {
  static final List<String> SEEN = new CopyOnWriteArrayList<>();
  static volatile boolean recording;

  @Override
  public String inspect(String sql) {
    if (recording) {
      SEEN.add(Thread.currentThread().getName() + ": " + sql);
    }
    return sql;
  }
}
