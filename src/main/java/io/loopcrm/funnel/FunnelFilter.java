package io.loopcrm.funnel;

import java.time.LocalDate;

/**
 * What a funnel report covers: leads created (UTC days) from {@code from} to {@code to}, credited
 * by one attribution model, narrowed by campaign, variant, channel, segment and team (null: any).
 */
public record FunnelFilter(
    LocalDate from,
    LocalDate to,
    Model model,
    Long campaign,
    Long variant,
    String channel,
    String segment,
    Long team) {

  /** How a lead's credit is split between the campaigns that touched it. */
  public enum Model {
    FIRST("f"),
    LAST("l"),
    LINEAR("n");

    /** The model code of rows that count alike under every model (clicks, referrals). */
    public static final String EVERY = "*";

    public final String code;

    Model(String code) {
      this.code = code;
    }

    public String getParam() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String getLabelKey() {
      return "funnel_model_" + getParam();
    }

    public String getHintKey() {
      return "funnel_model_hint_" + getParam();
    }

    public static Model of(String param) {
      for (Model m : values()) {
        if (m.getParam().equals(param)) {
          return m;
        }
      }
      return FIRST;
    }
  }

  /** Whether clicks and costs can be counted (they have no segment or team). */
  public boolean countsClicksAndCosts() {
    return segment == null && team == null;
  }
}
