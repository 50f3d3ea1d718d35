package io.loopcrm.funnel;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A two-proportion z-test of a challenger against the control on one funnel step, with the 95 %
 * confidence interval of the difference and, while the difference is not significant, about how
 * many more trials per variant a test with 80 % power would need to detect the difference seen.
 */
public record AbTest(
    long controlTrials,
    long controlSuccesses,
    long trials,
    long successes,
    double difference,
    double low,
    double high,
    double pValue,
    boolean significant,
    Long moreNeeded) {

  /** What the test says of the challenger against the control. */
  public enum Outcome {
    /** Significantly better. */
    BETTER,
    /** Significantly worse. */
    WORSE,
    /** A difference, not yet significant. */
    NOT_YET,
    /** No difference at all. */
    NO_DIFFERENCE;

    /** The name the CSV download writes. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static final double ALPHA = 0.05;
  static final double POWER = 0.80;
  private static final NormalDistribution NORMAL = new NormalDistribution();

  public static AbTest of(long n1, long x1, long n2, long x2) {
    if (n1 <= 0 || n2 <= 0) {
      return new AbTest(n1, x1, n2, x2, 0, 0, 0, 1, false, null);
    }
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    double diff = p2 - p1;
    double pooled = (double) (x1 + x2) / (n1 + n2);
    double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    double p =
        sePooled == 0 ? 1 : 2 * (1 - NORMAL.cumulativeProbability(Math.abs(diff) / sePooled));
    double z = NORMAL.inverseCumulativeProbability(1 - ALPHA / 2);
    double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
    boolean significant = p < ALPHA;
    Long more = null;
    if (!significant && diff != 0) {
      double zb = NORMAL.inverseCumulativeProbability(POWER);
      double mean = (p1 + p2) / 2;
      double n =
          Math.pow(
                  z * Math.sqrt(2 * mean * (1 - mean))
                      + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)),
                  2)
              / (diff * diff);
      more = Math.max(0, (long) Math.ceil(n) - Math.min(n1, n2));
    }
    return new AbTest(n1, x1, n2, x2, diff, diff - z * se, diff + z * se, p, significant, more);
  }

  public double controlRate() {
    return controlTrials == 0 ? 0 : (double) controlSuccesses / controlTrials;
  }

  public double rate() {
    return trials == 0 ? 0 : (double) successes / trials;
  }

  public Outcome verdict() {
    if (significant) {
      return difference > 0 ? Outcome.BETTER : Outcome.WORSE;
    }
    return difference == 0 ? Outcome.NO_DIFFERENCE : Outcome.NOT_YET;
  }

  /** Percentage points, one decimal, for the page. */
  public static String points(double value) {
    return String.format(java.util.Locale.ROOT, "%+.1f", value * 100);
  }

  public String getDifferencePoints() {
    return points(difference);
  }

  public String getLowPoints() {
    return points(low);
  }

  public String getHighPoints() {
    return points(high);
  }

  public String pValueText() {
    return pValue < 0.001
        ? "p < 0.001"
        : "p = " + String.format(java.util.Locale.ROOT, "%.3f", pValue);
  }
}
