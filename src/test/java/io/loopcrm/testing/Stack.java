package io.loopcrm.testing;

import io.loopcrm.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the real PostgreSQL and Keycloak for every {@code @QuarkusTest} of the suite (a test
 * resource declared on any class applies to all of them).
 */
@QuarkusTestResource(StackTestResource.class)
public final class Stack {
  private Stack() {}
}
