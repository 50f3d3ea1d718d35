package io.loopcrm.deal;

import java.util.Locale;

/** Why a deal was lost: feedback operations reads per campaign and variant. */
public enum LostReason {
  PRICE,
  COMPETITOR,
  NO_DECISION,
  TIMING,
  FEATURES,
  NO_BUDGET,
  OTHER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String labelKey() {
    return "lost_reason_" + code();
  }

  public static LostReason fromCode(String code) {
    for (LostReason r : values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    return null;
  }
}
