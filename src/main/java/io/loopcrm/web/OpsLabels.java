package io.loopcrm.web;

import io.quarkus.qute.TemplateExtension;

/** Message keys of operations' codes, for {@code msg:message(...)} in templates. */
@TemplateExtension
public class OpsLabels {
  private OpsLabels() {}

  /** The channel's label key; a channel no list knows (older data) shows as "other". */
  static String channelKey(String channel) {
    return io.loopcrm.campaign.Campaign.CHANNELS.contains(channel)
        ? "channel_" + channel
        : "channel_other";
  }

  static String objectiveKey(String objective) {
    return "campaign_objective_" + objective;
  }

  static String scoreAttrKey(String attribute) {
    return "score_attr_" + attribute;
  }

  static String layoutKey(String layout) {
    return "import_layout_" + layout;
  }

  static String importKindKey(String kind) {
    return "import_kind_" + kind;
  }

  static String importTargetKey(String target) {
    return target.isEmpty() ? "import_target_ignore" : "import_target_" + target;
  }

  static String importReasonKey(String reason) {
    return "import_reason_" + reason;
  }

  /** A percentage rounded down to a step of 10 (0 to 100) for the width classes of a bar. */
  static int widthStep(Integer percent) {
    if (percent == null || percent < 0) {
      return 0;
    }
    return Math.min(100, percent / 10 * 10);
  }

  static String stepKey(String step) {
    return "funnel_step_" + step;
  }

  static String feedbackKey(String kind) {
    return "funnel_feedback_" + kind;
  }

  /** The funnel page's query with another attribution model. */
  static String withModel(String query, String model) {
    return replaceParam(query, "model", model);
  }

  /** The funnel page's query with another A/B step. */
  static String withStep(String query, String step) {
    return replaceParam(query, "step", step);
  }

  private static String replaceParam(String query, String name, String value) {
    StringBuilder sb = new StringBuilder();
    for (String part : query.split("&")) {
      if (part.isEmpty() || part.startsWith(name + "=")) {
        continue;
      }
      sb.append(sb.length() == 0 ? "" : "&").append(part);
    }
    return sb.append(sb.length() == 0 ? "" : "&").append(name).append('=').append(value).toString();
  }

  /** A percentage's shade step 0 … 5 for heat-map cells (the number is always printed too). */
  static int heatStep(java.math.BigDecimal percent) {
    return percent == null ? 0 : Math.min(5, Math.max(0, (percent.intValue() + 19) / 20));
  }
}
