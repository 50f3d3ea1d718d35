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
  private static final String SMTP_PORT = "loopcrm.test-stack.smtp-port";
  private static final String IMAP_PORT = "loopcrm.test-stack.imap-port";
  private static final String LOCK = "loopcrm.test-stack.lock";

  private final int pgPort;
  private final String realmUrl;
  private final int smtpPort;
  private final int imapPort;

  private TestStack(int pgPort, String realmUrl, int smtpPort, int imapPort) {
    this.pgPort = pgPort;
    this.realmUrl = realmUrl;
    this.smtpPort = smtpPort;
    this.imapPort = imapPort;
  }

  public static TestStack get() {
    synchronized (LOCK.intern()) {
      if (System.getProperty(PG_PORT) == null) {
        start();
      }
      return new TestStack(
          Integer.parseInt(System.getProperty(PG_PORT)),
          System.getProperty(REALM_URL),
          Integer.parseInt(System.getProperty(SMTP_PORT)),
          Integer.parseInt(System.getProperty(IMAP_PORT)));
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
    MailServer mail = MailServer.start(Ports.free(), Ports.free());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  mail.close();
                  keycloak.close();
                  postgres.close();
                },
                "test-stack-stop"));
    System.setProperty(SMTP_PORT, Integer.toString(mail.smtpPort()));
    System.setProperty(IMAP_PORT, Integer.toString(mail.imapPort()));
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

  /** The test SMTP server's port (IMAP: {@link #imapPort}), both on 127.0.0.1. */
  public int smtpPort() {
    return smtpPort;
  }

  public int imapPort() {
    return imapPort;
  }

  /** The application settings that point a Loop CRM instance at these services. */
  public Map<String, String> appConfig() {
    return Map.ofEntries(
        Map.entry("quarkus.mailer.host", "127.0.0.1"),
        Map.entry("quarkus.mailer.port", Integer.toString(smtpPort)),
        Map.entry("loop.mail.imap.host", "127.0.0.1"),
        Map.entry("loop.mail.imap.port", Integer.toString(imapPort)),
        Map.entry("quarkus.datasource.jdbc.url", jdbcUrl(DATABASE)),
        Map.entry("quarkus.datasource.username", PostgresServer.USER),
        Map.entry("quarkus.datasource.password", PostgresServer.PASSWORD),
        Map.entry("quarkus.oidc.auth-server-url", realmUrl),
        Map.entry("quarkus.oidc.api.auth-server-url", realmUrl));
  }
}
