package io.loopcrm.funnel;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long a slice's leads took between two funnel steps, as a histogram with logarithmic buckets
 * (the database's {@code funnel_bucket}, R__funnel.sql): bucket 0 holds times under a minute,
 * bucket b &ge; 1 times from 60·2^((b−1)/8) up to 60·2^(b/8) seconds, with the count and the sum of
 * seconds per bucket. The median is placed inside the bucket it falls in around that bucket's mean
 * time, so it is within about 4.5 % of the exact median (exact when the bucket's times agree).
 */
public final class StepTimes {
  /** Created → activated. */
  public static final char ACTIVATE = Step.ACTIVATION.code;

  /** Activated → won. */
  public static final char WIN = Step.WIN.code;

  /** Won → won again (retained). */
  public static final char RETAIN = Step.RETENTION.code;

  /** Assigned → first response. */
  public static final char RESPONSE = Step.RESPONSE.code;

  static final int PER_DOUBLING = 8;

  /** Per step, per bucket: {count, sum of seconds}. */
  private final Map<Character, TreeMap<Integer, double[]>> buckets = new HashMap<>();

  /** Adds a bucket's (credited) count and sum of seconds. */
  public void add(char step, int bucket, double count, double seconds) {
    double[] b = buckets.computeIfAbsent(step, s -> new TreeMap<>()).get(bucket);
    if (b == null) {
      buckets.get(step).put(bucket, new double[] {count, seconds});
    } else {
      b[0] += count;
      b[1] += seconds;
    }
  }

  /** Lower bound of a bucket in seconds. */
  static double lower(int bucket) {
    return bucket == 0 ? 0 : 60 * Math.pow(2, (bucket - 1) / (double) PER_DOUBLING);
  }

  /** Upper bound of a bucket in seconds. */
  static double upper(int bucket) {
    return 60 * Math.pow(2, bucket / (double) PER_DOUBLING);
  }

  /** The bucket of a time in seconds (as the database computes it). */
  static int bucket(double seconds) {
    if (seconds < 60) {
      return 0;
    }
    return (int) Math.floor(PER_DOUBLING * (Math.log(seconds / 60) / Math.log(2))) + 1;
  }

  /**
   * A time at {@code fraction} (0 … 1) of a bucket's count: its mean at the middle, spread by the
   * bucket's width (logarithmically; linearly in bucket 0), never outside the bucket.
   */
  private static double at(int bucket, double[] b, double fraction) {
    double mean = b[1] / b[0];
    double value =
        bucket == 0
            ? mean + (fraction - 0.5) * 60
            : mean * Math.pow(2, (fraction - 0.5) / PER_DOUBLING);
    return Math.min(upper(bucket), Math.max(lower(bucket), value));
  }

  /** The median time of a step, or null when no lead took it. */
  public Duration median(char step) {
    TreeMap<Integer, double[]> h = buckets.get(step);
    if (h == null) {
      return null;
    }
    double total = 0;
    for (double[] b : h.values()) {
      total += Math.max(0, b[0]);
    }
    if (total < 1e-9) {
      return null;
    }
    double half = total / 2;
    double eps = total * 1e-9;
    double seen = 0;
    double boundary = Double.NaN;
    for (Map.Entry<Integer, double[]> e : h.entrySet()) {
      double[] b = e.getValue();
      if (b[0] <= 0) {
        continue;
      }
      if (!Double.isNaN(boundary)) {
        // half the leads end with the bucket before: as with an even count of values, the median
        // lies halfway between the top of that bucket and the bottom of this one
        return seconds((boundary + at(e.getKey(), b, 0)) / 2);
      }
      if (seen + b[0] > half + eps) {
        return seconds(at(e.getKey(), b, (half - seen) / b[0]));
      }
      seen += b[0];
      if (seen >= half - eps) {
        boundary = at(e.getKey(), b, 1);
      }
    }
    return Double.isNaN(boundary) ? null : seconds(boundary);
  }

  private static Duration seconds(double value) {
    return Duration.ofSeconds(Math.round(value));
  }
}
