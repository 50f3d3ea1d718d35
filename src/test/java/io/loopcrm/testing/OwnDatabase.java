package io.loopcrm.testing;

import io.loopcrm.stack.TestStack;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * A test profile whose application runs on a database of its own on the test PostgreSQL, for tests
 * whose writes (settings, triggers) must not reach the shared one. A subclass names the database.
 */
public abstract class OwnDatabase implements QuarkusTestProfile {
  protected abstract String database();

  @Override
  public Map<String, String> getConfigOverrides() {
    TestStack stack = TestStack.get();
    stack.ensureDatabase(database());
    Map<String, String> config = new HashMap<>(stack.appConfig());
    config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(database()));
    return config;
  }
}
