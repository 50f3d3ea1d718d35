package io.loopcrm.testing;

import io.quarkus.test.security.TestSecurity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Page logic as the demo user {@code olga} (roles: operations), without a Keycloak round trip. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@TestSecurity(
    user = "olga",
    roles = {"operations"})
public @interface AsOperations {}
