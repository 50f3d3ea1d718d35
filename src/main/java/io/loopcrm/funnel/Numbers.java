package io.loopcrm.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The funnel figures of one slice (a whole report or one row of a breakdown). Counts are credits:
 * whole numbers under first- and last-touch attribution; under linear attribution each touch of a
 * lead's journey gets an equal share to the hundredth (the last takes the rest, so a lead still
 * counts once; see docs/funnel.md). Money is in the reporting currency; {@code cost} is null where
 * costs cannot be split (segment, team).
 */
public record Numbers(
    String key,
    String label,
    long clicks,
    BigDecimal leads,
    BigDecimal activated,
    BigDecimal deals,
    BigDecimal won,
    BigDecimal lost,
    BigDecimal retained,
    BigDecimal referrals,
    BigDecimal revenue,
    BigDecimal activateSeconds,
    BigDecimal winSeconds,
    BigDecimal responded,
    BigDecimal responseSeconds,
    BigDecimal cost) {

  /** The rows summed under {@code key} (every breakdown adds up to the slice's total), no cost. */
  public static Numbers sum(String key, List<Numbers> rows) {
    long clicks = 0;
    BigDecimal[] sums = new BigDecimal[12];
    Arrays.fill(sums, BigDecimal.ZERO);
    for (Numbers n : rows) {
      clicks += n.clicks();
      BigDecimal[] values = {
        n.leads(),
        n.activated(),
        n.deals(),
        n.won(),
        n.lost(),
        n.retained(),
        n.referrals(),
        n.revenue(),
        n.activateSeconds(),
        n.winSeconds(),
        n.responded(),
        n.responseSeconds()
      };
      for (int i = 0; i < values.length; i++) {
        sums[i] = sums[i].add(values[i]);
      }
    }
    return new Numbers(
        key, null, clicks, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7],
        sums[8], sums[9], sums[10], sums[11], null);
  }

  public Numbers withCost(BigDecimal value) {
    return new Numbers(
        key,
        label,
        clicks,
        leads,
        activated,
        deals,
        won,
        lost,
        retained,
        referrals,
        revenue,
        activateSeconds,
        winSeconds,
        responded,
        responseSeconds,
        value);
  }

  public Numbers withLabel(String value) {
    return new Numbers(
        key,
        value,
        clicks,
        leads,
        activated,
        deals,
        won,
        lost,
        retained,
        referrals,
        revenue,
        activateSeconds,
        winSeconds,
        responded,
        responseSeconds,
        cost);
  }

  /** Cost per lead, or null without recorded cost. */
  public BigDecimal costPerLead() {
    return cost == null || cost.signum() == 0 ? null : ratio(cost, leads, 2);
  }

  /** Acquisition cost per won customer, or null without recorded cost. */
  public BigDecimal costPerWin() {
    return cost == null || cost.signum() == 0 ? null : ratio(cost, won, 2);
  }

  /** Won among closed deals, in percent, or null. */
  public BigDecimal winRate() {
    return percent(won, won.add(lost));
  }

  /** (revenue − cost) / cost in percent, or null without cost. */
  public BigDecimal roi() {
    return cost == null || cost.signum() == 0 ? null : percent(revenue.subtract(cost), cost);
  }

  public BigDecimal leadsPerClick() {
    return percent(leads, BigDecimal.valueOf(clicks));
  }

  public BigDecimal activatedPerLead() {
    return percent(activated, leads);
  }

  public BigDecimal wonPerLead() {
    return percent(won, leads);
  }

  /** Mean time from lead to activation, or null. */
  public Duration meanTimeToActivate() {
    return mean(activateSeconds, activated);
  }

  /** Mean time from activation to a won deal, or null. */
  public Duration meanTimeToWin() {
    return mean(winSeconds, won);
  }

  /** Mean time from assignment to the rep's first response, or null. */
  public Duration meanFirstResponse() {
    return mean(responseSeconds, responded);
  }

  public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) {
      return null;
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
  }

  public static BigDecimal ratio(BigDecimal part, BigDecimal whole, int scale) {
    if (part == null || whole == null || whole.signum() == 0) {
      return null;
    }
    return part.divide(whole, scale, RoundingMode.HALF_UP);
  }

  private static Duration mean(BigDecimal seconds, BigDecimal count) {
    if (count == null || count.signum() == 0) {
      return null;
    }
    return Duration.ofSeconds(seconds.divide(count, 0, RoundingMode.HALF_UP).longValue());
  }
}
