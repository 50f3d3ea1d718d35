package io.loopcrm.lead;

import java.util.Locale;

/** Why a rep rejects a lead: feedback operations reads per campaign and variant. */
public enum RejectReason {
  NOT_A_FIT,
  NO_BUDGET,
  DUPLICATE,
  WRONG_CONTACT,
  SPAM,
  COMPETITOR,
  OTHER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String labelKey() {
    return "reject_reason_" + code();
  }

  public static RejectReason fromCode(String code) {
    if (code == null) {
      return null;
    }
    for (RejectReason r : values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    return null;
  }
}
