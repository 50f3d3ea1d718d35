package io.loopcrm.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test database starts empty; Flyway alone builds the schema at startup. */
@QuarkusTest
class MigrationTest {
  @Inject AgroalDataSource dataSource;

  @Test
  void everyMigrationAppliedSuccessfullyOnTheEmptyDatabase() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select version, success from flyway_schema_history order by installed_rank")) {
      List<String> versions = new ArrayList<>();
      while (rs.next()) {
        assertThat(rs.getBoolean("success")).isTrue();
        versions.add(rs.getString("version"));
      }
      assertThat(versions).startsWith("1");
    }
  }

  @Test
  void theSchemaHasTheSharedModelTables() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public'")) {
      List<String> tables = new ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
      assertThat(tables).contains("member", "team", "flyway_schema_history");
    }
  }
}
