package io.loopcrm.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.notify.Notification;
import io.loopcrm.people.Member;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An import tells each rep once: 1,100 leads of one rep over three batches make one notification
 * that counts them, held while the import runs and mailed (as the rep chose) when it ends.
 */
@QuarkusTest
class ImportSummaryTest {

  @Test
  @AsOperations
  void anImportOfManyLeadsGivesEachRepOneSummary() throws Exception {
    String tag = Fixtures.unique("sum").replace("-", "");
    Member rep = Fixtures.member("rep" + tag, List.of("sales"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Member m = Member.findById(rep.id);
              m.displayName = "Summary Rep " + tag;
              m.email = "rep" + tag + "@loop.example";
              m.notifyBy = "instant";
            });
    StringBuilder csv = new StringBuilder("First Name,Last Name,Email,Lead Owner\n");
    for (int i = 0; i < 1_100; i++) {
      csv.append("Many,Row")
          .append(i)
          .append(",row")
          .append(i)
          .append('@')
          .append(tag)
          .append(".example,Summary Rep ")
          .append(tag)
          .append('\n');
    }
    Path file = Files.createTempFile("summary", ".csv");
    Files.writeString(file, csv);
    long id = ImportTest.upload(file);
    ImportTest.start(id, ImportTest.job(id).mapping);
    ImportTest.awaitDone(id, Duration.ofMinutes(2));

    List<Notification> told =
        QuarkusTransaction.requiringNew()
            .call(() -> Notification.<Notification>list("member.id", rep.id));
    assertThat(told).hasSize(1);
    assertThat(told.get(0).kind).isEqualTo("import_summary");
    assertThat(told.get(0).count).isEqualTo(1_100);
    assertThat(told.get(0).importJobId).isEqualTo(id);
    assertThat(told.get(0).mailState)
        .as("released for mail when the import ended")
        .isIn("queued", "mailed");
  }
}
