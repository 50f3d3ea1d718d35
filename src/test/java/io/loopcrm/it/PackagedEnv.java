package io.loopcrm.it;

import io.loopcrm.stack.Ports;
import io.loopcrm.stack.PostgresServer;
import io.loopcrm.stack.TestStack;
import java.util.HashMap;
import java.util.Map;

/** The environment the integration tests start the packaged application with ({@code DevStack}). */
final class PackagedEnv {
  /**
   * The packaged app's port in this run: a free one, not a fixed number another program may hold.
   */
  static final int PORT = Ports.free();

  /**
   * Where the packaged app answers: the loopback IP literal, to which Keycloak redirects at any
   * port (RFC 8252), so the realm names no port.
   */
  static final String APP = "http://127.0.0.1:" + PORT;

  private PackagedEnv() {}

  /** The app on {@code port}, built by this run, signing in at the tests' Keycloak. */
  static Map<String, String> onPort(int port) {
    try {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/it-logs"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, String> env = new HashMap<>();
    env.put("LOOP_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", TestStack.get().realmUrl());
    // the tests' mail server (so the launcher starts none of its own)
    env.put("LOOP_SMTP_HOST", "127.0.0.1");
    env.put("LOOP_SMTP_PORT", Integer.toString(TestStack.get().smtpPort()));
    env.put("LOOP_IMAP_HOST", "127.0.0.1");
    env.put("LOOP_IMAP_PORT", Integer.toString(TestStack.get().imapPort()));
    env.put("LOOP_DIST_DIR", System.getenv().getOrDefault("LOOP_DIST_DIR", "target/dist"));
    env.put(
        "LOOP_APP_JAR",
        System.getenv().getOrDefault("LOOP_APP_JAR", "target/quarkus-app/quarkus-run.jar"));
    // each start's output is kept, after the runs before it on the same port
    env.put("LOOP_APP_LOG", "target/it-logs/app-" + port + ".log");
    return env;
  }

  /** {@link #onPort} with a database of the test's own (no embedded one started). */
  static Map<String, String> onDatabase(int port, String jdbcUrl) {
    Map<String, String> env = onPort(port);
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
    return env;
  }
}
