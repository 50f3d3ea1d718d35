package io.loopcrm.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One A/B comparison line: the challenger, the control (the first variant) and the test. */
public record Verdict(String variant, String control, AbTest test) {
  /** The steps an A/B test can compare, the first being the default. */
  public static final List<String> STEPS = List.of("click_lead", "lead_activated", "lead_won");

  /**
   * Each variant after the first against the first, on {@code step}, from the campaign's breakdown
   * by variant (keys: variant ids).
   */
  public static List<Verdict> compare(
      List<FunnelPage.Option> variants, List<Numbers> byVariant, String step) {
    List<Verdict> out = new ArrayList<>();
    if (variants.size() < 2) {
      return out;
    }
    Map<String, Numbers> numbers = new HashMap<>();
    for (Numbers n : byVariant) {
      numbers.put(n.key(), n);
    }
    FunnelPage.Option control = variants.get(0);
    long[] c = trials(numbers.get(control.id().toString()), step);
    for (FunnelPage.Option v : variants.subList(1, variants.size())) {
      long[] t = trials(numbers.get(v.id().toString()), step);
      out.add(new Verdict(v.name(), control.name(), AbTest.of(c[0], c[1], t[0], t[1])));
    }
    return out;
  }

  /** Trials and successes of a step, in whole people (linear credits are rounded). */
  private static long[] trials(Numbers n, String step) {
    if (n == null) {
      return new long[] {0, 0};
    }
    return switch (step) {
      case "lead_activated" -> new long[] {whole(n.leads()), whole(n.activated())};
      case "lead_won" -> new long[] {whole(n.leads()), whole(n.won())};
      default -> new long[] {n.clicks(), whole(n.leads())};
    };
  }

  private static long whole(BigDecimal value) {
    return value.setScale(0, RoundingMode.HALF_UP).longValue();
  }

  /** A rate difference in percentage points, one decimal. */
  public static BigDecimal points(double difference) {
    return BigDecimal.valueOf(difference * 100).setScale(1, RoundingMode.HALF_UP);
  }
}
