package io.loopcrm.funnel;

import java.util.Locale;

/** What a breakdown of the funnel groups by, and the rollup column that holds it. */
public enum Dimension {
  CAMPAIGN("r.campaign_id::text"),
  VARIANT("r.variant_id::text"),
  CHANNEL("c.channel"),
  SEGMENT("r.segment"),
  TEAM("m.team_id::text"),
  OWNER("r.owner_id::text");

  final String sql;

  Dimension(String sql) {
    this.sql = sql;
  }

  public String getParam() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String getLabelKey() {
    return "funnel_by_" + getParam();
  }

  public static Dimension of(String param, Dimension fallback) {
    for (Dimension d : values()) {
      if (d.getParam().equals(param)) {
        return d;
      }
    }
    return fallback;
  }
}
