package io.loopcrm.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The real services the test suite runs against, started once per test JVM on free ports: a fresh
 * PostgreSQL and a fresh Keycloak with the committed realm. Stopped when the JVM exits.
 */
public final class TestStack {
  public static final String DATABASE = "loop";
  public static final String CLIENT_SECRET = "loop-app-demo-secret";

  private static TestStack instance;

  private final PostgresServer postgres;
  private final KeycloakServer keycloak;

  private TestStack(PostgresServer postgres, KeycloakServer keycloak) {
    this.postgres = postgres;
    this.keycloak = keycloak;
  }

  public static synchronized TestStack get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  private static TestStack start() {
    Path target = Path.of("target");
    Path dist = Path.of(System.getenv().getOrDefault("LOOP_DIST_DIR", "target/dist"));
    PostgresServer postgres =
        PostgresServer.start(target.resolve("test-stack/pg"), Ports.free(), false);
    postgres.ensureDatabase(DATABASE);
    KeycloakServer keycloak;
    try {
      keycloak =
          KeycloakServer.start(
              dist.resolve("keycloak.zip"),
              target.resolve("test-stack/keycloak"),
              Path.of("deploy/keycloak/loop-realm.json"),
              Ports.free(),
              Ports.free(),
              true,
              target.resolve("test-stack/keycloak.log"));
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
    TestStack stack = new TestStack(postgres, keycloak);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "test-stack-stop"));
    return stack;
  }

  private void stop() {
    keycloak.close();
    postgres.close();
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public KeycloakServer keycloak() {
    return keycloak;
  }

  /** The application settings that point a Loop CRM instance at these services. */
  public Map<String, String> appConfig() {
    return Map.of(
        "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
        "quarkus.datasource.username", PostgresServer.USER,
        "quarkus.datasource.password", PostgresServer.PASSWORD,
        "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
        "quarkus.oidc.api.auth-server-url", keycloak.realmUrl());
  }
}
