package io.loopcrm.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Keeps the search indexes' pending lists short. A trigram (GIN) index takes new rows into a
 * pending list and merges the list into the index once it is full, in whichever insert fills it:
 * over a million leads that merge takes about 200 ms, and the capture that pays it holds up every
 * capture of its group. Merged here every two seconds, off the request path, an insert finds the
 * list short (or, when a merge runs, leaves it to that merge instead of waiting for it).
 */
@ApplicationScoped
public class SearchIndexUpkeep {
  private static final Logger LOG = Logger.getLogger(SearchIndexUpkeep.class);
  static final String[] INDEXES = {
    "lead_search_idx", "account_search_idx", "contact_search_idx", "deal_search_idx"
  };

  @Inject AgroalDataSource db;

  /** The job's name (tests pause it). */
  public static final String JOB = "search-index-upkeep";

  @Scheduled(
      identity = JOB,
      every = "2s",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void mergePendingLists() {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      for (String index : INDEXES) {
        s.execute("select gin_clean_pending_list('" + index + "'::regclass)");
      }
    } catch (SQLException e) {
      // the database may be away for a moment; the next run tries again
      LOG.debugf("search index upkeep: %s", e.getMessage());
    }
  }
}
