package io.loopcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.stack.DevStack;
import io.loopcrm.stack.Ports;
import io.loopcrm.stack.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore of a populated database, the physical way (what {@code pg_basebackup} and
 * CloudNativePG's backups do): a base backup taken while the application writes, the WAL archived
 * by {@code archive_command}, then a restore on another data directory that replays the archive.
 * Every table must come back with the rows it had, including those written after the base backup,
 * and the application must start on the restored database. The steps are those of {@code
 * docs/operations.md}, "Backup and restore".
 */
class BackupRestoreIT {
  private static final String BASE = PackagedEnv.APP;

  @TempDir Path dir;

  @Test
  void aBaseBackupAndTheArchivedWalRestoreEveryRow() throws Exception {
    Path primary = dir.resolve("primary");
    Path archive = dir.resolve("wal-archive");
    Path restored = dir.resolve("restored");
    Files.createDirectories(archive);
    // the embedded server drops root rights: its WAL archive must be writable by that user
    Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rwxrwxrwx"));
    // pg_ctl splits its server options at spaces, so the archive settings go where an operator
    // puts them: ALTER SYSTEM (postgresql.auto.conf), then a restart
    int port = Ports.free();
    try (PostgresServer pg = PostgresServer.start(primary, port, true)) {
      pg.ensureDatabase("loop");
      pg.execute(
          "alter system set archive_mode = on",
          "alter system set archive_command = 'test ! -f \""
              + archive
              + "/%f\" && cp %p \""
              + archive
              + "/%f\"'");
    }

    Map<String, Long> before;
    long leadsAtBackup;
    try (PostgresServer pg = PostgresServer.start(primary, port, true)) {
      try (DevStack app =
          DevStack.start(
              PackagedEnv.onDatabase(PackagedEnv.PORT, pg.jdbcUrl("loop")), dir.resolve("app"))) {
        leadsAtBackup = leads(pg);
        pg.baseBackup(restored);
        // written after the base backup: only the archived WAL holds these
        for (int i = 0; i < 12; i++) {
          assertThat(capture("after-backup-" + i + "@example.com")).isEqualTo(303);
        }
      }
      before = rowCounts(pg.jdbcUrl("loop"));
      assertThat(names(pg.jdbcUrl("loop"), "u")).containsExactly("capture_window");
      archiveCurrentWal(pg.jdbcUrl("loop"));
    }
    assertThat(before.get("lead")).isEqualTo(leadsAtBackup + 12);
    assertThat(before.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(500);

    // the primary is gone; the backup becomes a server that replays the archive, then opens
    Files.createFile(restored.resolve("recovery.signal"));
    Files.setPosixFilePermissions(restored, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(
        restored.resolve("postgresql.auto.conf"),
        "archive_mode = off\nrestore_command = 'cp \"" + archive + "/%f\" %p'\n",
        StandardOpenOption.APPEND);
    try (PostgresServer pg = PostgresServer.start(restored, Ports.free(), true)) {
      awaitPromotion(pg.jdbcUrl("loop"));
      assertThat(rowCounts(pg.jdbcUrl("loop"))).isEqualTo(before);
      try (DevStack app =
          DevStack.start(
              PackagedEnv.onDatabase(PackagedEnv.PORT, pg.jdbcUrl("loop")), dir.resolve("app2"))) {
        assertThat(capture("after-restore@example.com")).isEqualTo(303);
      }
      assertThat(rowCounts(pg.jdbcUrl("loop")).get("lead")).isEqualTo(before.get("lead") + 1);
    }
  }

  private static long leads(PostgresServer pg) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                pg.jdbcUrl("loop"), PostgresServer.USER, PostgresServer.PASSWORD);
        Statement s = c.createStatement()) {
      return count(s, "select count(*) from lead");
    }
  }

  private static void archiveCurrentWal(String url) throws SQLException, InterruptedException {
    try (Connection c =
            DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
        Statement s = c.createStatement()) {
      String segment;
      try (ResultSet rs = s.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
        rs.next();
        segment = rs.getString(1);
      }
      Instant deadline = Instant.now().plusSeconds(30);
      while (true) {
        try (ResultSet rs =
            s.executeQuery("select coalesce(last_archived_wal, '') from pg_stat_archiver")) {
          rs.next();
          if (rs.getString(1).compareTo(segment) >= 0) {
            return;
          }
        }
        assertThat(Instant.now()).as("WAL segment %s archived", segment).isBefore(deadline);
        Thread.sleep(200);
      }
    }
  }

  private static void awaitPromotion(String url) throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      try (Connection c =
              DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return;
        }
      }
      assertThat(Instant.now()).as("restored server out of recovery").isBefore(deadline);
      Thread.sleep(200);
    }
  }

  /**
   * Rows of every logged table of the application's schema (Flyway's history among them). Unlogged
   * tables are not in the WAL and come back empty from any physical restore; the only one is the
   * form's per-address rate-limit window, safe to lose (V8), which the test checks.
   */
  private static Map<String, Long> rowCounts(String url) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c =
            DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
        Statement s = c.createStatement()) {
      for (String table : names(url, "p")) {
        counts.put(table, count(s, "select count(*) from \"" + table + "\""));
      }
    }
    return counts;
  }

  /** The application's tables of one persistence ({@code p} logged, {@code u} unlogged). */
  private static List<String> names(String url, String persistence) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select relname from pg_class where relnamespace = 'public'::regnamespace"
                    + " and relkind = 'r' and relpersistence = '"
                    + persistence
                    + "' order by relname")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int capture(String email) {
    String body =
        "firstName=Bea&lastName=Backup&email="
            + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
    try {
      return HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .build()
          .send(
              HttpRequest.newBuilder(URI.create(BASE + "/f/sea-b"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
