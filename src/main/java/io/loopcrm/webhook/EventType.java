package io.loopcrm.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What Loop tells a webhook endpoint: each type's code ({@code lead.created}) is the payload's
 * {@code type}, and what an admin subscribes an endpoint to.
 */
public enum EventType {
  LEAD_CREATED,
  LEAD_UPDATED,
  LEAD_ASSIGNED,
  LEAD_STATUS_CHANGED,
  DEAL_CREATED,
  DEAL_UPDATED,
  DEAL_STAGE_CHANGED,
  DEAL_WON,
  DEAL_LOST,
  ACCOUNT_CREATED,
  ACCOUNT_UPDATED,
  CONTACT_CREATED,
  CONTACT_UPDATED,
  CAMPAIGN_STARTED,
  CAMPAIGN_ENDED;

  /** Every code, in the order the admin page lists them. */
  public static final List<String> CODES = Arrays.stream(values()).map(EventType::code).toList();

  /** {@code lead.status_changed}: the record type, a dot, what happened. */
  public String code() {
    String n = name().toLowerCase(Locale.ROOT);
    int first = n.indexOf('_');
    return n.substring(0, first) + "." + n.substring(first + 1);
  }

  /** The message key of the type's words on the admin page. */
  public String labelKey() {
    return "event_" + name().toLowerCase(Locale.ROOT);
  }

  public static boolean isCode(String code) {
    return CODES.contains(code);
  }
}
