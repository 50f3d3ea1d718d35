package io.loopcrm.funnel;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of the AARRR funnel as the page shows it: its count, conversion from the step before,
 * drop-off, median and mean time from the step before, revenue per count, and the campaign's goal.
 */
public record Stage(
    String key,
    BigDecimal count,
    BigDecimal conversion,
    BigDecimal dropOff,
    Duration meanTime,
    Duration medianTime,
    BigDecimal valuePer,
    BigDecimal goal,
    boolean moneyGoal) {

  public String getLabelKey() {
    return "funnel_stage_" + key;
  }

  public String getHintKey() {
    return "funnel_hint_" + key;
  }

  /** Goal reached in percent, or null without a goal. */
  public BigDecimal goalPercent(BigDecimal revenue) {
    if (goal == null) {
      return null;
    }
    return Numbers.percent(moneyGoal ? revenue : count, goal);
  }

  /** Whether the goal is met. */
  public boolean goalReached(BigDecimal revenue) {
    BigDecimal pct = goalPercent(revenue);
    return pct != null && pct.compareTo(BigDecimal.valueOf(100)) >= 0;
  }

  /**
   * The stages of a slice, in funnel order; goals are the chosen campaign's, or null; times are the
   * slice's step times (null: none).
   */
  public static List<Stage> of(Numbers n, Goals goals, StepTimes times) {
    StepTimes t = times == null ? new StepTimes() : times;
    BigDecimal clicks = BigDecimal.valueOf(n.clicks());
    List<Stage> out = new ArrayList<>();
    out.add(new Stage("clicks", clicks, null, null, null, null, per(n, clicks), null, false));
    out.add(
        new Stage(
            "leads",
            n.leads(),
            Numbers.percent(n.leads(), clicks),
            drop(clicks, n.leads()),
            null,
            null,
            per(n, n.leads()),
            goals == null ? null : goals.leads(),
            false));
    out.add(
        new Stage(
            "activated",
            n.activated(),
            Numbers.percent(n.activated(), n.leads()),
            drop(n.leads(), n.activated()),
            n.meanTimeToActivate(),
            t.median(StepTimes.ACTIVATE),
            per(n, n.activated()),
            goals == null ? null : goals.activated(),
            false));
    out.add(
        new Stage(
            "won",
            n.won(),
            Numbers.percent(n.won(), n.activated()),
            drop(n.activated(), n.won()),
            n.meanTimeToWin(),
            t.median(StepTimes.WIN),
            per(n, n.won()),
            goals == null ? null : goals.revenue(),
            true));
    out.add(
        new Stage(
            "retained",
            n.retained(),
            Numbers.percent(n.retained(), n.won()),
            drop(n.won(), n.retained()),
            null,
            t.median(StepTimes.RETAIN),
            null,
            goals == null ? null : goals.retained(),
            false));
    out.add(
        new Stage(
            "referrals",
            n.referrals(),
            Numbers.percent(n.referrals(), n.won()),
            null,
            null,
            null,
            null,
            goals == null ? null : goals.referrals(),
            false));
    return out;
  }

  /** A campaign's goals per stage (null: none set). */
  public record Goals(
      BigDecimal leads,
      BigDecimal activated,
      BigDecimal revenue,
      BigDecimal retained,
      BigDecimal referrals) {}

  private static BigDecimal per(Numbers n, BigDecimal count) {
    return Numbers.ratio(n.revenue(), count, 2);
  }

  private static BigDecimal drop(BigDecimal before, BigDecimal after) {
    BigDecimal d = before.subtract(after);
    return d.signum() < 0 ? BigDecimal.ZERO : d;
  }
}
