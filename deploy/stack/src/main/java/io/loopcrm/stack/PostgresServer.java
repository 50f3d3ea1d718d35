package io.loopcrm.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 server from the embedded binaries on Maven Central. With a kept data
 * directory its data survives restarts; as root the library runs the server as an unprivileged
 * user.
 */
public final class PostgresServer implements AutoCloseable {
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;
  private final int port;
  private final Path dataDirectory;

  private PostgresServer(EmbeddedPostgres postgres, int port, Path dataDirectory) {
    this.postgres = postgres;
    this.port = port;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts a server on {@code port} over {@code dataDirectory}, keeping existing data when {@code
   * keep}. Kept data is data a person keeps (the run command): then every commit is flushed to disk
   * before it is acknowledged. The library's defaults turn that off, which only throw-away test
   * databases may do.
   */
  public static PostgresServer start(Path dataDirectory, int port, boolean keep) {
    String durable = keep ? "on" : "off";
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(!keep)
              .setServerConfig("fsync", durable)
              .setServerConfig("synchronous_commit", durable)
              .setServerConfig("full_page_writes", durable)
              .setServerConfig("max_connections", "200")
              // PostgreSQL's default of 128 MB keeps too little of the rollups of a large dataset
              // (tools/bench) in memory; a server of a real deployment gets far more
              .setServerConfig(
                  "shared_buffers", System.getenv().getOrDefault("LOOP_PG_SHARED_BUFFERS", "512MB"))
              .start();
      return new PostgresServer(postgres, port, dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
    }
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  /** Creates the database unless it exists. */
  public void ensureDatabase(String database) {
    ensureDatabase(jdbcUrl("postgres"), database);
  }

  /** Creates {@code database} on the server of {@code adminUrl} unless it exists. */
  public static void ensureDatabase(String adminUrl, String database) {
    try (Connection c = DriverManager.getConnection(adminUrl, USER, PASSWORD);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("create database \"" + database + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }

  /**
   * A base backup of the running server into {@code copy} (what pg_basebackup does, with the
   * low-level API: these binaries have no pg_basebackup): the data directory copied between
   * pg_backup_start and pg_backup_stop, without its WAL and the directories PostgreSQL fills anew,
   * and the backup label the server answers with. Replaying WAL from the point the label names
   * makes it consistent: from an archive (a restore) or streamed from this server (a standby).
   */
  public void baseBackup(Path copy) {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("select pg_backup_start('loop base backup', true)");
      copyTree(dataDirectory, copy);
      try (ResultSet rs = s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(true)")) {
        rs.next();
        Files.writeString(copy.resolve("backup_label"), rs.getString(1));
        if (rs.getString(2) != null && !rs.getString(2).isEmpty()) {
          Files.writeString(copy.resolve("tablespace_map"), rs.getString(2));
        }
      }
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
    } catch (SQLException e) {
      throw new IllegalStateException("base backup failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Set<String> LEFT_EMPTY =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans");
  private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts");

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path rel = from.relativize(p);
        boolean inEmptied = rel.getNameCount() > 1 && LEFT_EMPTY.contains(rel.getName(0).toString());
        if (inEmptied || LEFT_OUT.contains(rel.toString())) {
          continue;
        }
        Path target = to.resolve(rel.toString());
        try {
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (NoSuchFileException gone) {
          // removed by the server while it was copied: the WAL replay accounts for it
        }
      }
    }
  }

  /** Runs statements on the server's {@code postgres} database (ALTER SYSTEM and the like). */
  public void execute(String... statements) {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
