package io.loopcrm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * A running import holds a lease that each committed batch renews: an instance that starts, or
 * looks every 15 seconds, marks interrupted only the imports whose lease ran out (their instance
 * stopped), never one another instance is running; and a run whose import was taken from it stops
 * without writing another batch.
 */
@QuarkusTest
class ImportLeaseTest {
  @Inject LeadImporter importer;
  @Inject ImportBatch batch;

  @Test
  void onlyImportsWhoseLeaseRanOutAreMarkedInterrupted() {
    long alive = job(ImportStatus.RUNNING, Instant.now().minusSeconds(5));
    long stopped = job(ImportStatus.RUNNING, Instant.now().minus(Duration.ofMinutes(5)));
    importer.interrupted();
    assertThat(Fixtures.reload(ImportJob.class, alive).status).isEqualTo(ImportStatus.RUNNING);
    ImportJob marked = Fixtures.reload(ImportJob.class, stopped);
    assertThat(marked.status).isEqualTo(ImportStatus.FAILED);
    assertThat(marked.error).isEqualTo("interrupted");
    // the alive one ends here too, so no later run of this test finds it
    QuarkusTransaction.requiringNew()
        .run(() -> ImportJob.update("status = ?2 where id = ?1", alive, ImportStatus.FAILED));
  }

  @Test
  void aRunWhoseImportWasTakenWritesNoMoreBatches() throws Exception {
    long taken = job(ImportStatus.FAILED, Instant.now().minus(Duration.ofMinutes(5)));
    String email = Fixtures.unique("lease") + "@example.com";
    List<ImportFile.Row> rows =
        List.of(
            new ImportFile.Row(
                2,
                "Lea",
                "Lost",
                email,
                null,
                "Lease Co",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ImportFile.History.NONE));
    CSVPrinter printer = new CSVPrinter(new StringWriter(), CSVFormat.DEFAULT);
    ImportTally tally = ImportTally.empty();
    assertThatThrownBy(() -> batch.write(taken, rows, printer, tally, Instant.now()))
        .hasMessageContaining("not running");
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> Lead.count("emailNormalized", email.toLowerCase())))
        .isZero();
    // the batch that lost its lease counts nothing
    assertThat(tally.processed()).isZero();
    assertThat(tally.created()).isZero();
  }

  private static long job(ImportStatus status, Instant heartbeat) {
    Member owner = Fixtures.member(Fixtures.unique("leaser"), List.of("operations"), null);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ImportJob job = new ImportJob();
              job.fileName = "lease.csv";
              job.storedPath = "/nonexistent/lease.csv";
              job.layout = "generic";
              job.mapping = "";
              job.status = status;
              job.heartbeatAt = heartbeat;
              job.createdBy = Member.findById(owner.id);
              job.persist();
              return job.id;
            });
  }
}
