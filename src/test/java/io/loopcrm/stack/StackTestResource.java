package io.loopcrm.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points every {@code @QuarkusTest} at the real PostgreSQL and Keycloak of {@link TestStack}. */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    return TestStack.get().appConfig();
  }

  @Override
  public void stop() {
    // the stack lives as long as the test JVM, so that every test class shares one Keycloak start
  }
}
