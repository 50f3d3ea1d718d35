package io.loopcrm.testing;

import io.quarkus.test.security.TestSecurity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Page logic as the demo user {@code sam} (roles: sales), without a Keycloak round trip. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@TestSecurity(
    user = "sam",
    roles = {"sales"})
public @interface AsSales {}
