package io.loopcrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every CSV download neutralises what a spreadsheet would run as a formula. */
class LeadCsvSafeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://x\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "＝1+1",
        "＋1",
        "－1",
        "＠SUM(A1)",
        "  =cmd|' /C calc'!A0",
        "\t=1",
        "\r=1",
        "\u00A0=1+1",
        "\u200B=1+1",
        "\uFEFF@SUM(A1)",
        "\u3000=1",
        "﹦1+1",
        "﹢1",
        "﹣1",
        "﹫SUM(A1)"
      })
  void formulasStartWithAQuote(String cell) {
    assertThat(LeadCsv.safe(cell)).isEqualTo("'" + cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme", "a=b", "Zhang Wei", "名字", " plain", "1+1"})
  void plainTextIsKept(String cell) {
    assertThat(LeadCsv.safe(cell)).isEqualTo(cell);
  }
}
