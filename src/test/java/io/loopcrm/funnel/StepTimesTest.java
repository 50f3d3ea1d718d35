package io.loopcrm.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The median read from step-time buckets against the exact median of the same times. */
class StepTimesTest {

  private static StepTimes of(double... seconds) {
    StepTimes t = new StepTimes();
    for (double s : seconds) {
      t.add(StepTimes.ACTIVATE, StepTimes.bucket(s), 1, s);
    }
    return t;
  }

  private static double exactMedian(double... seconds) {
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double median(StepTimes t) {
    return t.median(StepTimes.ACTIVATE).toSeconds();
  }

  @Test
  void bucketsAreAboutNinePercentWideAndMatchTheirBounds() {
    assertThat(StepTimes.bucket(0)).isZero();
    assertThat(StepTimes.bucket(59.9)).isZero();
    assertThat(StepTimes.bucket(60)).isEqualTo(1);
    // 2 minutes starts the ninth bucket (one doubling = 8 buckets)
    assertThat(StepTimes.bucket(120)).isEqualTo(9);
    assertThat(StepTimes.bucket(119.9)).isEqualTo(8);
    for (int b = 1; b < 200; b++) {
      assertThat(StepTimes.upper(b) / StepTimes.lower(b)).isCloseTo(1.0905, within(0.0001));
      assertThat(StepTimes.bucket(StepTimes.lower(b) * 1.0001)).isEqualTo(b);
      assertThat(StepTimes.bucket(StepTimes.upper(b) * 0.9999)).isEqualTo(b);
    }
  }

  @Test
  void equalTimesGiveTheirExactMedian() {
    assertThat(median(of(7200, 7200, 7200))).isEqualTo(7200);
    assertThat(median(of(30))).isEqualTo(30);
  }

  @Test
  void oddCountsPickTheMiddleTimeAndEvenCountsTheMidpoint() {
    // one time per bucket: exact
    assertThat(median(of(3600, 7200, 36000))).isEqualTo(7200);
    // 1 h and 10 h: 5.5 h exactly, estimated from the two bucket edges nearest their means
    assertThat(median(of(3600, 36000))).isCloseTo(19800, within(19800 * 0.05));
  }

  @Test
  void noTimesNoMedian() {
    assertThat(new StepTimes().median(StepTimes.WIN)).isNull();
  }

  @Test
  void randomSpreadsStayWithinFivePercentOfTheExactMedian() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      int n = 1 + random.nextInt(400);
      double[] times = new double[n];
      double scale = Math.exp(random.nextDouble() * 14); // one second … two weeks
      for (int i = 0; i < n; i++) {
        times[i] = Math.floor(scale * Math.exp(random.nextGaussian() * random.nextDouble() * 2));
      }
      double exact = exactMedian(times);
      double estimate = median(of(times));
      if (exact < 60) {
        // the first bucket is a minute wide
        assertThat(estimate).as("round " + round).isCloseTo(exact, within(30.0));
      } else {
        assertThat(estimate).as("round " + round).isCloseTo(exact, within(exact * 0.05 + 1));
      }
    }
  }
}
