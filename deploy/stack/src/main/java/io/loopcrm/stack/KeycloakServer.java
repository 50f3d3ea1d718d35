package io.loopcrm.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak server from the {@code keycloak-quarkus-dist} zip that the build copies into
 * {@code target/dist}. It runs in development mode with its own file database under its home,
 * imports {@code deploy/keycloak/loop-realm.json} on first start and keeps the realm afterwards.
 */
public final class KeycloakServer implements AutoCloseable {
  private final Process process;
  private final int httpPort;

  private KeycloakServer(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  /**
   * Unpacks Keycloak into {@code home} if needed and starts it.
   *
   * @param fresh drop Keycloak's own data first, so the realm is imported anew
   */
  public static KeycloakServer start(
      Path distZip,
      Path home,
      Path realmFile,
      int httpPort,
      int managementPort,
      boolean fresh,
      Path log) {
    try {
      Path kcHome = unpack(distZip, home);
      if (fresh) {
        deleteTree(kcHome.resolve("data"));
      }
      Path imports = kcHome.resolve("data/import");
      Files.createDirectories(imports);
      Files.copy(
          realmFile, imports.resolve("loop-realm.json"), StandardCopyOption.REPLACE_EXISTING);

      List<String> command = new ArrayList<>();
      command.add("bash");
      command.add(kcHome.resolve("bin/kc.sh").toString());
      command.add("start-dev");
      command.add("--http-port=" + httpPort);
      command.add("--http-management-port=" + managementPort);
      command.add("--hostname-strict=false");
      command.add("--import-realm");
      command.add("--health-enabled=true");
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
      builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
      builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
      builder.redirectErrorStream(true);
      Files.createDirectories(log.getParent());
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      KeycloakServer server = new KeycloakServer(process, httpPort);
      server.awaitReady(managementPort, log);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak did not start", e);
    }
  }

  public String realmUrl() {
    return "http://localhost:" + httpPort + "/realms/loop";
  }

  public int httpPort() {
    return httpPort;
  }

  private void awaitReady(int managementPort, Path log) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited early; see " + log);
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
      sleep(500);
    }
    close();
    throw new IllegalStateException("Keycloak was not ready within 3 minutes; see " + log);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Path unpack(Path distZip, Path home) throws IOException {
    Path marker = home.resolve(".unpacked");
    if (Files.exists(marker)) {
      return findKcHome(home);
    }
    if (!Files.exists(distZip)) {
      throw new IllegalStateException(
          distZip + " is missing: run the Maven build (it copies the Keycloak distribution there)");
    }
    deleteTree(home);
    Files.createDirectories(home);
    try (InputStream in = Files.newInputStream(distZip);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        Path target = home.resolve(entry.getName()).normalize();
        if (!target.startsWith(home)) {
          throw new IOException("unexpected entry " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.writeString(marker, "ok");
    return findKcHome(home);
  }

  private static Path findKcHome(Path home) throws IOException {
    try (Stream<Path> children = Files.list(home)) {
      return children
          .filter(p -> Files.exists(p.resolve("bin/kc.sh")))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no bin/kc.sh under " + home));
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
