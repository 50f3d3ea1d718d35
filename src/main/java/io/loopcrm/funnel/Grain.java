package io.loopcrm.funnel;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which rows of the rollups a query reads. Each kind of row comes twice, as day rows and as month
 * rows; the codes are those {@code R__funnel.sql} writes into the rollups' {@code grain} column.
 */
public enum Grain {
  /**
   * By model, campaign, variant, segment and owner: every row of the funnel and feedback rollups.
   */
  DETAIL('d', 'm'),
  /** Step times summed over segments and owners, by model, campaign and variant. */
  CAMPAIGN('c', 'C'),
  /** Step times summed over everything (first touch, so each lead counts once). */
  ALL('a', 'A'),
  /** Step times by segment and owner alone (first touch, no campaign). */
  OWNER('o', 'O');

  /** The code of its day rows. */
  public final char day;

  /** The code of its month rows. */
  public final char month;

  Grain(char day, char month) {
    this.day = day;
    this.month = month;
  }

  /** The day codes of every grain as an SQL list, e.g. {@code 'd', 'c', 'a', 'o'}. */
  static String dayCodes() {
    return Arrays.stream(values()).map(g -> "'" + g.day + "'").collect(Collectors.joining(", "));
  }
}
