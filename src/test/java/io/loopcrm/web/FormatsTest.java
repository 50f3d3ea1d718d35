package io.loopcrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** One percent format and one time format per language, whichever page shows them. */
class FormatsTest {
  static final Locale ZH = Locale.forLanguageTag("zh-CN");

  @Test
  void aPercentIsTheReadersNumberWithTheSignRightAfterIt() {
    assertThat(Formats.percent(49580, Locale.ENGLISH)).isEqualTo("49,580%");
    assertThat(Formats.percent(49580, ZH)).isEqualTo("49,580%");
    assertThat(Formats.percent(new BigDecimal("57.4"), Locale.ENGLISH)).isEqualTo("57.4%");
    assertThat(Formats.percent(new BigDecimal("66.666"), Locale.ENGLISH)).isEqualTo("66.7%");
    assertThat(Formats.percent(null, Locale.ENGLISH)).isEmpty();
  }

  @Test
  void chineseTimesAreOnTheTwentyFourHourClock() {
    Instant afternoon = Instant.parse("2026-12-07T13:45:00Z");
    String zh = Formats.dateTime(afternoon, ZH);
    assertThat(zh).matches("2026年12月\\d{1,2}日 \\d{2}:45").doesNotContain("上午", "下午");
    Instant midnight =
        Instant.parse("2026-12-07T00:00:00Z")
            .atZone(Formats.ZONE)
            .toLocalDate()
            .atStartOfDay(Formats.ZONE)
            .toInstant();
    assertThat(Formats.dateTime(midnight, ZH)).endsWith(" 00:00");
    assertThat(Formats.dateTime(afternoon, Locale.ENGLISH)).contains("2026");
  }

  @Test
  void anIsoDayInASentenceIsTheReadersDate() {
    assertThat(Formats.day("2026-09-09", ZH)).isEqualTo("2026年9月9日");
    assertThat(Formats.day("2026-09-09", Locale.ENGLISH)).isEqualTo("Sep 9, 2026");
    assertThat(Formats.day("not a day", Locale.ENGLISH)).isEqualTo("not a day");
  }
}
