package io.loopcrm.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.stack.Ports;
import io.loopcrm.stack.PostgresServer;
import io.loopcrm.stack.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application in its production profile, started the way an operator starts it (java
 * -jar, settings from the environment, no demo switch): it refuses the demo secrets and names the
 * variables, and with secrets of its own it starts and sends HSTS (its cookies are secure).
 */
class ProductionDefaultsIT {
  @TempDir Path dir;

  private static final String JAR =
      System.getenv().getOrDefault("LOOP_APP_JAR", "target/quarkus-app/quarkus-run.jar");

  private ProcessBuilder app(int port, Path log) {
    TestStack stack = TestStack.get();
    ProcessBuilder pb =
        new ProcessBuilder("java", "-Xmx256m", "-jar", JAR)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("LOOP_") || k.startsWith("QUARKUS_"));
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl("prod_check"));
    env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", stack.realmUrl());
    env.put("LOOP_IMPORT_DIR", dir.resolve("imports").toString());
    return pb;
  }

  @Test
  void refusesTheDemoSecretsAndNamesTheVariablesToSet() throws Exception {
    TestStack.get().ensureDatabase("prod_check");
    Path log = dir.resolve("refused.log");
    Process p = app(Ports.free(), log).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the app stops by itself").isTrue();
    assertThat(p.exitValue()).isNotZero();
    assertThat(Files.readString(log))
        .contains("does not start in production with a demo secret")
        .contains("LOOP_SESSION_SECRET")
        .contains("QUARKUS_OIDC_CREDENTIALS_SECRET")
        .contains("LOOP_ADMIN_CLIENT_SECRET")
        .contains("QUARKUS_DATASOURCE_PASSWORD");
  }

  @Test
  void startsWithSecretsOfItsOwnAndSendsHsts() throws Exception {
    TestStack stack = TestStack.get();
    stack.ensureDatabase("prod_check");
    String dbPassword = UUID.randomUUID().toString();
    try (Connection c =
        DriverManager.getConnection(
            stack.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD)) {
      c.createStatement().execute("drop role if exists loop_prod");
      c.createStatement()
          .execute("create role loop_prod login superuser password '" + dbPassword + "'");
    }
    int port = Ports.free();
    ProcessBuilder pb = app(port, dir.resolve("started.log"));
    pb.environment().put("QUARKUS_DATASOURCE_USERNAME", "loop_prod");
    pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
    pb.environment().put("LOOP_SESSION_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
    pb.environment().put("QUARKUS_OIDC_CREDENTIALS_SECRET", UUID.randomUUID().toString());
    pb.environment().put("LOOP_ADMIN_CLIENT_SECRET", UUID.randomUUID().toString());
    Process p = pb.start();
    try {
      String base = "http://localhost:" + port;
      awaitReady(p, base, dir.resolve("started.log"));
      given()
          .get(base + "/signed-out")
          .then()
          .statusCode(200)
          .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static void awaitReady(Process p, String base, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      assertThat(p.isAlive()).as(() -> "app exited:\n" + read(log)).isTrue();
      try {
        if (given().get(base + "/q/health/ready").statusCode() == 200) {
          return;
        }
      } catch (Exception notYet) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new AssertionError("not ready within 2 minutes:\n" + read(log));
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (Exception e) {
      return "(no log)";
    }
  }
}
