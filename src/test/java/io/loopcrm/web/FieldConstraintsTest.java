package io.loopcrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The form field rules that are not Bean Validation's own, as plain rules (no application). */
class FieldConstraintsTest {
  private final Amount.Check amount = new Amount.Check();
  private final IsoDate.Check date = new IsoDate.Check();
  private final Percent.Check percent = new Percent.Check();

  @Test
  void anAmountIsZeroOrMoreWithTwoDecimalsAndTwelveWholeDigits() {
    assertThat(Amount.Check.parse("1250.50")).isEqualByComparingTo("1250.50");
    assertThat(Amount.Check.parse(" 48,000 ")).isEqualByComparingTo("48000");
    assertThat(Amount.Check.parse("0")).isEqualByComparingTo("0");
    assertThat(Amount.Check.parse("999999999999.99")).isEqualByComparingTo("999999999999.99");
    for (String bad : new String[] {"-1", "1.005", "1000000000000", "12 EUR", "1e3x", "."}) {
      assertThat(Amount.Check.parse(bad)).as(bad).isNull();
      assertThat(amount.isValid(bad, null)).as(bad).isFalse();
    }
    assertThat(amount.isValid("", null)).as("blank is for @NotBlank to refuse").isTrue();
    assertThat(amount.isValid(null, null)).isTrue();
  }

  @Test
  void aDateIsTheDayADateInputPosts() {
    assertThat(IsoDate.Check.parse("2026-12-31")).isEqualTo(LocalDate.of(2026, 12, 31));
    for (String bad : new String[] {"31/12/2026", "2026-02-30", "tomorrow", "2026-1-5"}) {
      assertThat(date.isValid(bad, null)).as(bad).isFalse();
    }
    assertThat(date.isValid(" ", null)).isTrue();
  }

  @Test
  void aPercentIsAWholeNumberFromZeroToAHundred() {
    assertThat(Percent.Check.parse("0")).isZero();
    assertThat(Percent.Check.parse(" 100 ")).isEqualTo(100);
    for (String bad : new String[] {"-1", "101", "50.5", "half"}) {
      assertThat(percent.isValid(bad, null)).as(bad).isFalse();
    }
    assertThat(percent.isValid(null, null)).isTrue();
  }

  /** Two fields as a form would declare them, to read their constraints from. */
  static class Posted {
    @EnumName(value = java.time.DayOfWeek.class, message = "day")
    String required;

    @EnumName(value = java.time.DayOfWeek.class, optional = true, message = "day")
    String optional;
  }

  @Test
  void anEnumNameIsAConstantInAnyCaseAndBlankOnlyWhenOptional() throws Exception {
    EnumName.Check required = enumCheck("required");
    EnumName.Check optional = enumCheck("optional");
    assertThat(required.isValid(" monday ", null)).isTrue();
    assertThat(required.isValid("Funday", null)).isFalse();
    assertThat(required.isValid("", null)).isFalse();
    assertThat(required.isValid(null, null)).isFalse();
    assertThat(optional.isValid("", null)).isTrue();
    assertThat(optional.isValid(null, null)).isTrue();
    assertThat(optional.isValid("Funday", null)).isFalse();
    assertThat(EnumName.Check.parse(java.time.DayOfWeek.class, " Friday"))
        .isEqualTo(java.time.DayOfWeek.FRIDAY);
  }

  private static EnumName.Check enumCheck(String field) throws NoSuchFieldException {
    EnumName.Check check = new EnumName.Check();
    check.initialize(Posted.class.getDeclaredField(field).getAnnotation(EnumName.class));
    return check;
  }
}
