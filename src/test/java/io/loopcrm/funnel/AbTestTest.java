package io.loopcrm.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The two-proportion test against textbook values. */
class AbTestTest {

  @Test
  void tenOfAHundredAgainstTwentyOfAHundredIsSignificantAtFivePercent() {
    // pooled p = 0.15, SE = sqrt(0.15 * 0.85 * (1/100 + 1/100)) = 0.0505, z = 1.980, p = 0.0477
    AbTest t = AbTest.of(100, 10, 100, 20);
    assertThat(t.pValue()).isCloseTo(0.0477, within(0.0005));
    assertThat(t.significant()).isTrue();
    assertThat(t.verdict()).isEqualTo(AbTest.Outcome.BETTER);
    // unpooled SE = 0.05: 0.10 ± 1.96 × 0.05
    assertThat(t.low()).isCloseTo(0.002, within(0.0005));
    assertThat(t.high()).isCloseTo(0.198, within(0.0005));
    assertThat(t.getDifferencePoints()).isEqualTo("+10.0");
    assertThat(t.moreNeeded()).isNull();
  }

  @Test
  void aSmallSampleIsNotSignificantAndSaysHowManyMoreItNeeds() {
    // 6/10 vs 10/20: z = 0.52, p = 0.605; n per group for 80 % power at 0.6 vs 0.5 is 388
    AbTest t = AbTest.of(10, 6, 20, 10);
    assertThat(t.pValue()).isCloseTo(0.6048, within(0.001));
    assertThat(t.verdict()).isEqualTo(AbTest.Outcome.NOT_YET);
    assertThat(t.moreNeeded()).isEqualTo(388 - 10);
  }

  @Test
  void aClearLossIsCalledAndEqualRatesAreNoDifference() {
    AbTest worse = AbTest.of(1000, 200, 1000, 120);
    assertThat(worse.verdict()).isEqualTo(AbTest.Outcome.WORSE);
    assertThat(worse.high()).isLessThan(0);
    assertThat(AbTest.of(10, 2, 20, 4).verdict()).isEqualTo(AbTest.Outcome.NO_DIFFERENCE);
    assertThat(AbTest.of(0, 0, 10, 1).verdict()).isEqualTo(AbTest.Outcome.NO_DIFFERENCE);
  }
}
