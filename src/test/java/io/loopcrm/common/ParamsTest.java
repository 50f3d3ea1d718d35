package io.loopcrm.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Lenient parsing that never lets a value through that no column or page can hold. */
class ParamsTest {
  @Test
  void datesAreDaysOfYearsOneTo9999() {
    assertThat(Params.parseDate("2026-12-31")).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(Params.parseDate("0001-01-01")).isEqualTo(Params.FIRST_DAY);
    assertThat(Params.parseDate("9999-12-31")).isEqualTo(Params.LAST_DAY);
    assertThat(Params.parseDate("+999999999-12-31")).isNull();
    assertThat(Params.parseDate("-999999999-01-01")).isNull();
    assertThat(Params.parseDate("+10000-01-01")).isNull();
    assertThat(Params.parseDate("0000-12-31")).isNull();
    assertThat(Params.parseDate("2026-02-30")).isNull();
    assertThat(Params.parseDate("2".repeat(100))).isNull();
    assertThat(Params.parseMonth("2026-12")).isEqualTo(YearMonth.of(2026, 12));
    assertThat(Params.parseMonth("-999999999-01")).isNull();
    assertThat(Params.parseDateTime("2031-05-04T09:30")).isNotNull();
    assertThat(Params.parseDateTime("+999999999-12-31T23:59")).isNull();
  }

  @Test
  void decimalsAreBoundedAndNeverExpanded() {
    assertThat(Params.parseDecimal("48,000.50", 12, 2)).isEqualByComparingTo("48000.50");
    assertThat(Params.parseDecimal("1E5", 12, 2)).isEqualByComparingTo(new BigDecimal("100000"));
    assertThat(Params.parseDecimal("-3", 12, 2)).isEqualByComparingTo("-3");
    assertThat(Params.parseDecimal("1E999999", 12, 2)).isNull();
    assertThat(Params.parseDecimal("1E-999999", 12, 2)).isNull();
    assertThat(Params.parseDecimal("1E200000000", 12, 2)).isNull();
    assertThat(Params.parseDecimal("1.234", 12, 2)).isNull();
    assertThat(Params.parseDecimal("9".repeat(41), 100, 2)).isNull();
    assertThat(Params.parseDecimal("NaN", 12, 2)).isNull();
  }

  @Test
  void uuidsOnlyInTheirCanonicalForm() {
    assertThat(Params.parseUuid("6b1c1f9e-3a4b-4c5d-8e9f-0a1b2c3d4e5f")).isNotNull();
    assertThat(Params.parseUuid("1-1-1-1-1")).isNull();
    assertThat(Params.parseUuid("6b1c1f9e3a4b4c5d8e9f0a1b2c3d4e5f")).isNull();
    assertThat(Params.parseUuid(null)).isNull();
  }
}
