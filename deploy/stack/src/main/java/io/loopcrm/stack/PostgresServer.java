package io.loopcrm.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

  private PostgresServer(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
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
      return new PostgresServer(postgres, port);
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

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
