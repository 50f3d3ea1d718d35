package io.loopcrm.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which way a file writes slashed dates, read from its own dates, and each way read. */
class ImportDatesTest {
  private static ImportDates.Reading of(String... dates) throws Exception {
    Path file = Files.createTempFile("dates", ".csv");
    StringBuilder csv = new StringBuilder("Last Name,Create Date\n");
    for (String d : dates) {
      csv.append("Doe,").append(d).append('\n');
    }
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return ImportDates.of(file, List.of("lastName", "createdDate"));
  }

  @Test
  void aDayAboveTwelveSettlesTheOrderAndOtherwiseTheFileLeavesItOpen() throws Exception {
    assertThat(of("11/03/2026", "25/03/2026").order()).isEqualTo(ImportDates.Order.DAY_FIRST);
    assertThat(of("11/03/2026", "03/25/2026 10:00").order())
        .isEqualTo(ImportDates.Order.MONTH_FIRST);
    ImportDates.Reading open = of("11/03/2026", "01/02/2026");
    assertThat(open.order()).isEqualTo(ImportDates.Order.OPEN);
    assertThat(open.example()).isEqualTo("11/03/2026");
    assertThat(of("2026-03-11", "").order()).isEqualTo(ImportDates.Order.NONE);
  }

  @Test
  void eachOrderReadsTheSameTextAsItsOwnDay() {
    assertThat(ImportDates.created("11/03/2026", false))
        .isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
    assertThat(ImportDates.created("11/03/2026", true))
        .isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    assertThat(ImportDates.created("25/03/2026 14:30", true))
        .isEqualTo(Instant.parse("2026-03-25T14:30:00Z"));
    assertThat(ImportDates.created("25/03/2026", false)).isNull();
    assertThat(ImportDates.created("2026-03-11", true))
        .isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
  }
}
