package io.loopcrm.campaign;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The channels a campaign (or one of its costs) runs on. Campaigns, costs, spend files and the
 * funnel's filter keep a channel as its code, the lower-case name ("email"); this enum owns the
 * codes and their order in lists.
 */
public enum Channel {
  EMAIL,
  SEARCH,
  SOCIAL,
  DISPLAY,
  EVENTS,
  REFERRAL,
  PARTNER,
  CONTENT,
  OTHER;

  /** Every code, in the order lists show them. */
  public static final List<String> CODES = Arrays.stream(values()).map(Channel::code).toList();

  /** As campaigns and costs store it. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code code} is one of the channels' codes (as stored: lower case, no spaces). */
  public static boolean isCode(String code) {
    return code != null && CODES.contains(code);
  }
}
