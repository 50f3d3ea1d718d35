package io.loopcrm.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The services of {@code deploy/local-cluster.sh} on one machine, loopback only: a PostgreSQL
 * primary with a synchronous streaming replica, Keycloak, and several application instances that
 * reach the database through a multi-host URL (the primary, whichever of the two it is). Writes
 * what the script needs to {@code cluster.env} in its directory, then runs until stopped.
 *
 * <p>Environment: {@code LOOP_CLUSTER_DIR} (default {@code target/local-cluster}, emptied first),
 * {@code LOOP_CLUSTER_INSTANCES} (3), {@code LOOP_CLUSTER_PORT} (first application port, 8111).
 */
public final class LocalCluster {
  private LocalCluster() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path dir = Path.of(env.getOrDefault("LOOP_CLUSTER_DIR", "target/local-cluster"));
    int instances = Integer.parseInt(env.getOrDefault("LOOP_CLUSTER_INSTANCES", "3"));
    int firstPort = Integer.parseInt(env.getOrDefault("LOOP_CLUSTER_PORT", "8111"));
    Path dist = Path.of(env.getOrDefault("LOOP_DIST_DIR", "target/dist"));
    Path appJar = Path.of(env.getOrDefault("LOOP_APP_JAR", "target/quarkus-app/quarkus-run.jar"));
    deleteTree(dir);
    Files.createDirectories(dir);

    List<AutoCloseable> running = new ArrayList<>();
    List<Process> apps = new ArrayList<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  apps.forEach(Process::destroy);
                  for (int i = running.size() - 1; i >= 0; i--) {
                    try {
                      running.get(i).close();
                    } catch (Exception e) {
                      // the others still stop
                    }
                  }
                },
                "local-cluster-stop"));

    int primaryPort = Ports.free();
    log("PostgreSQL primary on " + primaryPort);
    PostgresServer primary = PostgresServer.start(dir.resolve("pg-primary"), primaryPort, true);
    running.add(primary);
    primary.ensureDatabase("loop");

    int replicaPort = Ports.free();
    log("streaming replica on " + replicaPort);
    Path replicaData = dir.resolve("pg-replica");
    primary.baseBackup(replicaData);
    Files.createFile(replicaData.resolve("standby.signal"));
    Files.writeString(
        replicaData.resolve("postgresql.auto.conf"),
        "primary_conninfo = 'host=127.0.0.1 port="
            + primaryPort
            + " user="
            + PostgresServer.USER
            + " application_name=replica'\n",
        java.nio.file.StandardOpenOption.APPEND);
    PostgresServer replica = PostgresServer.start(replicaData, replicaPort, true);
    running.add(replica);
    // a commit is acknowledged once the replica has it: promoting it loses no acknowledged write
    primary.execute(
        "alter system set synchronous_standby_names = 'replica'", "select pg_reload_conf()");

    int keycloakPort = Ports.free();
    log("Keycloak on " + keycloakPort);
    KeycloakServer keycloak =
        KeycloakServer.start(
            dist.resolve("keycloak.zip"),
            dir.resolve("keycloak"),
            Path.of("deploy/keycloak/loop-realm.json"),
            keycloakPort,
            Ports.free(),
            true,
            dir.resolve("keycloak.log"));
    running.add(keycloak);

    String jdbc =
        "jdbc:postgresql://127.0.0.1:"
            + primaryPort
            + ",127.0.0.1:"
            + replicaPort
            + "/loop?targetServerType=primary";
    List<String> ports = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      int port = firstPort + i;
      log("Loop CRM instance " + (i + 1) + " on " + port);
      Map<String, String> appEnv = new HashMap<>(env);
      appEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
      appEnv.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
      appEnv.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
      appEnv.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
      appEnv.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
      appEnv.put("LOOP_DEMO_DATA", Boolean.toString(i == 0));
      appEnv.put("LOOP_ALLOW_DEMO_SECRETS", "true");
      appEnv.put("LOOP_SECURE_COOKIES", "false");
      appEnv.put("LOOP_IMPORT_DIR", dir.resolve("imports").toString());
      // behind nginx on this machine
      appEnv.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
      appEnv.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
      appEnv.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
      // all the load comes from this one address: the form's per-address limit would refuse it
      appEnv.putIfAbsent("LOOP_CAPTURE_SUBMISSIONS_PER_MINUTE", "1000000");
      ProcessBuilder builder = DevStack.appProcess(appEnv, appJar);
      builder.environment().putAll(appEnv);
      builder.redirectErrorStream(true);
      builder.redirectOutput(dir.resolve("app-" + (i + 1) + ".log").toFile());
      Process app = builder.start();
      apps.add(app);
      DevStack.awaitReady(app, port);
      ports.add(Integer.toString(port));
    }

    Files.writeString(
        dir.resolve("cluster.env"),
        String.join(
                "\n",
                "PRIMARY_PORT=" + primaryPort,
                "REPLICA_PORT=" + replicaPort,
                "KEYCLOAK_PORT=" + keycloakPort,
                "APP_PORTS=\"" + String.join(" ", ports) + "\"",
                "APP_PIDS=\""
                    + apps.stream()
                        .map(p -> Long.toString(p.pid()))
                        .collect(Collectors.joining(" "))
                    + "\"",
                "PRIMARY_DATA=" + dir.resolve("pg-primary").toAbsolutePath(),
                "REPLICA_DATA=" + replicaData.toAbsolutePath())
            + "\n");
    log("ready");
    // until the script stops it (the shutdown hook stops what is still running)
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private static void log(String line) {
    System.out.println("[cluster] " + line);
  }
}
