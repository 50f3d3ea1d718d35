package io.loopcrm.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The real services the test suite runs against, started once per test JVM on free ports: a fresh
 * PostgreSQL and a fresh Keycloak with the committed realm, stopped when the JVM exits.
 *
 * <p>Quarkus loads test classes in more than one class loader, so "once per JVM" is kept in system
 * properties (visible to all of them) rather than in a static field.
 */
public final class TestStack {
  public static final String DATABASE = "loop";
  public static final String CLIENT_SECRET = "loop-app-demo-secret";
  private static final String PG_PORT = "loopcrm.test-stack.pg-port";
  private static final String REALM_URL = "loopcrm.test-stack.realm-url";
  private static final String LOCK = "loopcrm.test-stack.lock";

  private final int pgPort;
  private final String realmUrl;

  private TestStack(int pgPort, String realmUrl) {
    this.pgPort = pgPort;
    this.realmUrl = realmUrl;
  }

  public static TestStack get() {
    synchronized (LOCK.intern()) {
      if (System.getProperty(PG_PORT) == null) {
        start();
      }
      return new TestStack(
          Integer.parseInt(System.getProperty(PG_PORT)), System.getProperty(REALM_URL));
    }
  }

  private static void start() {
    Path target = Path.of("target");
    Path dist = Path.of(System.getenv().getOrDefault("LOOP_DIST_DIR", "target/dist"));
    Path pgData = target.resolve("test-stack/pg-" + ProcessHandle.current().pid());
    PostgresServer postgres = PostgresServer.start(pgData, Ports.free(), false);
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
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  keycloak.close();
                  postgres.close();
                },
                "test-stack-stop"));
    System.setProperty(PG_PORT, Integer.toString(postgres.port()));
    System.setProperty(REALM_URL, keycloak.realmUrl());
  }

  /** The JDBC URL of {@code database} on the test PostgreSQL. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + pgPort + "/" + database;
  }

  /** Creates {@code database} on the test PostgreSQL unless it exists. */
  public void ensureDatabase(String database) {
    PostgresServer.ensureDatabase(jdbcUrl("postgres"), database);
  }

  /** The port of the test PostgreSQL. */
  public int pgPort() {
    return pgPort;
  }

  public String realmUrl() {
    return realmUrl;
  }

  /** The application settings that point a Loop CRM instance at these services. */
  public Map<String, String> appConfig() {
    return Map.of(
        "quarkus.datasource.jdbc.url",
        jdbcUrl(DATABASE),
        "quarkus.datasource.username",
        PostgresServer.USER,
        "quarkus.datasource.password",
        PostgresServer.PASSWORD,
        "quarkus.oidc.auth-server-url",
        realmUrl,
        "quarkus.oidc.api.auth-server-url",
        realmUrl);
  }
}
