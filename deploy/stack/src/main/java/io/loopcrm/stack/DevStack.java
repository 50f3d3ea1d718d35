package io.loopcrm.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs the whole system for a person: PostgreSQL, Keycloak and a mail server started here (unless
 * the environment points at external ones), then the packaged application with demo data. Started
 * by {@code deploy/run.sh}; Ctrl-C stops them all.
 *
 * <p>Environment: {@code QUARKUS_DATASOURCE_JDBC_URL} (with {@code _USERNAME}, {@code _PASSWORD})
 * skips the embedded database; {@code QUARKUS_OIDC_AUTH_SERVER_URL} skips the embedded Keycloak;
 * {@code LOOP_SMTP_HOST} skips the mail server ({@code LOOP_SMTP_PORT} 3025 and {@code
 * LOOP_IMAP_PORT} 3143 by default);
 * {@code LOOP_DATA_DIR} (default {@code .loop}) holds the data that survives restarts; {@code
 * LOOP_HTTP_PORT} (default 8080), {@code LOOP_PG_PORT} (default 5433), {@code LOOP_KEYCLOAK_PORT}
 * (default 8180).
 */
public final class DevStack implements AutoCloseable {
  private final PostgresServer postgres;
  private final KeycloakServer keycloak;
  private final MailServer mail;
  private final Process app;
  private final int httpPort;

  private DevStack(
      PostgresServer postgres, KeycloakServer keycloak, MailServer mail, Process app, int httpPort) {
    this.postgres = postgres;
    this.keycloak = keycloak;
    this.mail = mail;
    this.app = app;
    this.httpPort = httpPort;
  }

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    DevStack stack = start(env, Path.of(env.getOrDefault("LOOP_DATA_DIR", ".loop")));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "dev-stack-stop"));
    System.out.println(
        """

        Loop CRM is running at http://localhost:%d

          Demo sign-ins (password: demo)
            sam    sales rep
            rita   sales rep
            max    sales manager (and rep)
            olga   operations
            ada    admin
        %s
          Press Ctrl-C to stop everything.
        """
            .formatted(stack.httpPort, stack.mailboxes()));
    try {
      stack.app.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the stack with its state under {@code dataDir}. */
  public static DevStack start(Map<String, String> env, Path dataDir) {
    int httpPort = Integer.parseInt(env.getOrDefault("LOOP_HTTP_PORT", "8080"));
    Path dist = Path.of(env.getOrDefault("LOOP_DIST_DIR", "target/dist"));
    Path appJar = Path.of(env.getOrDefault("LOOP_APP_JAR", "target/quarkus-app/quarkus-run.jar"));

    PostgresServer postgres = null;
    KeycloakServer keycloak = null;
    MailServer mail = null;
    ProcessBuilder app = appProcess(env, appJar).inheritIO();
    if (env.containsKey("LOOP_APP_LOG")) {
      // the application's output appended to a file of its own (the tests keep it to read later)
      app.redirectErrorStream(true);
      Path log = Path.of(env.get("LOOP_APP_LOG"));
      app.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    Map<String, String> appEnv = app.environment();
    appEnv.putAll(env);
    try {
      if (!env.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
        int port = Integer.parseInt(env.getOrDefault("LOOP_PG_PORT", "5433"));
        log("starting PostgreSQL on port " + port + " (data in " + dataDir.resolve("pg") + ")");
        postgres = PostgresServer.start(dataDir.resolve("pg"), port, true);
        postgres.ensureDatabase("loop");
        appEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("loop"));
        appEnv.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        appEnv.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
      }
      if (!env.containsKey("QUARKUS_OIDC_AUTH_SERVER_URL")) {
        int port = Integer.parseInt(env.getOrDefault("LOOP_KEYCLOAK_PORT", "8180"));
        log("starting Keycloak on port " + port + " (about 30 s the first time)");
        keycloak =
            KeycloakServer.start(
                dist.resolve("keycloak.zip"),
                dataDir.resolve("keycloak"),
                Path.of("deploy/keycloak/loop-realm.json"),
                port,
                Ports.free(),
                false,
                dataDir.resolve("keycloak.log"));
        appEnv.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
      }
      if (!env.containsKey("LOOP_SMTP_HOST")) {
        int smtp = Integer.parseInt(env.getOrDefault("LOOP_SMTP_PORT", "3025"));
        int imap = Integer.parseInt(env.getOrDefault("LOOP_IMAP_PORT", "3143"));
        log("starting the mail server: SMTP on port " + smtp + ", IMAP on port " + imap);
        mail = MailServer.start(smtp, imap);
        appEnv.put("LOOP_SMTP_HOST", "127.0.0.1");
        appEnv.put("LOOP_SMTP_PORT", Integer.toString(smtp));
        appEnv.put("LOOP_IMAP_HOST", "127.0.0.1");
        appEnv.put("LOOP_IMAP_PORT", Integer.toString(imap));
      }
      appEnv.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
      appEnv.putIfAbsent("LOOP_DEMO_DATA", "true");
      // a demo: the app accepts the secrets the repository ships (never in production)
      appEnv.putIfAbsent("LOOP_ALLOW_DEMO_SECRETS", "true");
      appEnv.putIfAbsent("LOOP_SECURE_COOKIES", "false");
      // a developer may point a webhook at their own machine (production refuses such targets)
      appEnv.putIfAbsent("LOOP_WEBHOOK_ALLOW_LOCAL", "true");
      log("starting Loop CRM on port " + httpPort);
      Process process = app.start();
      awaitReady(process, httpPort);
      return new DevStack(postgres, keycloak, mail, process, httpPort);
    } catch (IOException | RuntimeException e) {
      if (mail != null) {
        mail.close();
      }
      if (keycloak != null) {
        keycloak.close();
      }
      if (postgres != null) {
        postgres.close();
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /**
   * The packaged application as a process of its own, with the run command's JVM settings:
   * bounded memory (a heap limit, LOOP_APP_HEAP: 192 MB, as the live heap after a full collection
   * was 31 MB on the 1M dataset after captures and a 100,000-row import, and every megabyte of
   * heap the collector once touched stays resident; the serial collector, no per-region bookkeeping
   * for a heap this small; smaller thread stacks; two malloc arenas instead of one per thread, so
   * the resident size stays near the heap under load); the code cache is reserved, not resident: at
   * 64 MB it filled under the captures and the JIT kept evicting and compiling again (C2 at 60-75 %
   * of a core, form captures 610-770/s against 890-930/s at 128).
   */
  static ProcessBuilder appProcess(Map<String, String> env, Path appJar) {
    ProcessBuilder app =
        new ProcessBuilder(
            "java",
            "-Xmx" + env.getOrDefault("LOOP_APP_HEAP", "192m"),
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=128m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:+ExitOnOutOfMemoryError",
            "-jar",
            appJar.toString());
    app.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    return app;
  }

  public int httpPort() {
    return httpPort;
  }

  /** How to read the demo mailboxes, when this stack started the mail server. */
  String mailboxes() {
    if (mail == null) {
      return "";
    }
    return """

          Mail (any IMAP client; nothing leaves this machine)
            SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d, no TLS
            mailboxes: sam, rita, max, olga, ada, replies (password: demo)
            addresses: <login>@%s; mail to any other address is kept in a
            mailbox of its own (login and password: the address)
        """
        .formatted(mail.smtpPort(), mail.imapPort(), MailServer.DOMAIN);
  }

  /** Whether this stack started its own PostgreSQL (no external database was configured). */
  public boolean startedDatabase() {
    return postgres != null;
  }

  static void awaitReady(Process process, int port) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Loop CRM exited with code " + process.exitValue());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroy();
    throw new IllegalStateException("Loop CRM was not ready within 2 minutes");
  }

  /**
   * Kills the application at once (SIGKILL on Linux: no shutdown hooks, nothing flushed), as a
   * crash or an out-of-memory kill would; the services this stack started keep running until {@link
   * #close()}.
   */
  public void kill() throws InterruptedException {
    app.destroyForcibly();
    app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    log("stopping");
    app.destroy();
    try {
      app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (app.isAlive()) {
      app.destroyForcibly();
    }
    if (mail != null) {
      mail.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static void log(String line) {
    System.out.println("[loop] " + line);
  }
}
