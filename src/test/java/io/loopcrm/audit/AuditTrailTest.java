package io.loopcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every write of an audited record leaves an entry in the same transaction; a rollback leaves none.
 */
@QuarkusTest
class AuditTrailTest {
  @Inject AgroalDataSource dataSource;

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void acceptingALeadIsRecordedWithWhoAndOldToNew() throws Exception {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Lead lead = Fixtures.lead(sam, "Audited", Fixtures.unique("Trail"), null);
    assertThat(entries("lead", lead.id)).extracting(e -> e[1]).containsExactly("create");

    Csrf.form()
        .formParam("quality", "5")
        .post("/sales/leads/" + lead.id + "/accept")
        .then()
        .statusCode(303);

    List<String[]> entries = entries("lead", lead.id);
    assertThat(entries).hasSize(2);
    String[] update = entries.get(1);
    assertThat(update[0]).isEqualTo("sam");
    assertThat(update[1]).isEqualTo("update");
    assertThat(update[2])
        .contains("\"field\": \"status\"")
        .contains("\"old\": \"ASSIGNED\"")
        .contains("\"new\": \"ACCEPTED\"");
    assertThat(update[2]).contains("\"field\": \"quality\"");
  }

  @Test
  void aRolledBackChangeLeavesNoEntry() throws Exception {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Lead lead = Fixtures.lead(sam, "RolledBack", Fixtures.unique("Trail"), null);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      Lead l = Lead.findById(lead.id);
                      l.accept(2, Instant.now());
                      l.flush();
                      throw new IllegalStateException("fails after the flush");
                    }));
    assertThat(Fixtures.reload(Lead.class, lead.id).status).isEqualTo(LeadStatus.ASSIGNED);
    assertThat(entries("lead", lead.id)).extracting(e -> e[1]).containsExactly("create");
  }

  @Test
  void aRecordFlushedTwiceInOneTransactionGetsOneEntryFromFirstOldToLastNew() throws Exception {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Lead lead = Fixtures.lead(sam, "TwoFlushes", Fixtures.unique("Trail"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.accept(4, Instant.now());
              l.flush();
              l.moveTo(LeadStatus.WORKING);
              l.flush();
            });
    List<String[]> entries = entries("lead", lead.id);
    assertThat(entries).extracting(e -> e[1]).containsExactly("create", "update");
    assertThat(entries.get(1)[2])
        .contains("\"old\": \"ASSIGNED\"")
        .contains("\"new\": \"WORKING\"")
        .doesNotContain("ACCEPTED");
  }

  @Test
  void entriesCannotBeChangedOrDeleted() throws Exception {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Lead lead = Fixtures.lead(sam, "Immutable", Fixtures.unique("Trail"), null);
    try (Connection c = dataSource.getConnection()) {
      org.junit.jupiter.api.Assertions.assertThrows(
          SQLException.class,
          () ->
              c.createStatement()
                  .executeUpdate("delete from audit_entry where entity_id = " + lead.id));
      org.junit.jupiter.api.Assertions.assertThrows(
          SQLException.class,
          () ->
              c.createStatement()
                  .executeUpdate(
                      "update audit_entry set actor = 'x' where entity_id = " + lead.id));
    }
    assertThat(entries("lead", lead.id)).hasSize(1);
  }

  private List<String[]> entries(String type, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select actor, action, changes::text from audit_entry where entity_type = ? and entity_id = ? order by id")) {
      q.setString(1, type);
      q.setLong(2, id);
      List<String[]> rows = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      return rows;
    }
  }
}
