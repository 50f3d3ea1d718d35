package io.loopcrm.testing;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Keeps the SQL Hibernate prepares while {@link StatementCounter} counts, with the thread that
 * prepared it, so that a statement budget that fails says which statements it counted; and counts
 * those a scheduled job prepared meanwhile (the disabled-members refresh every 15 s), which are not
 * the counted block's.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements implements StatementInspector {
  static final List<String> SEEN = new CopyOnWriteArrayList<>();
  static final AtomicLong SCHEDULED = new AtomicLong();
  static volatile boolean recording;

  @Override
  public String inspect(String sql) {
    if (recording) {
      if (bySchedule()) {
        SCHEDULED.incrementAndGet();
        SEEN.add(Thread.currentThread().getName() + " (scheduled, not counted): " + sql);
      } else {
        SEEN.add(Thread.currentThread().getName() + ": " + sql);
      }
    }
    return sql;
  }

  /** Whether a scheduled job is preparing the statement (its invoker is on the stack). */
  private static boolean bySchedule() {
    return StackWalker.getInstance()
        .walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("io.quarkus.scheduler")));
  }
}
