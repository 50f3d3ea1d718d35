package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The funnel page's own texts (funnel, attribution, economics, A/B test, feedback). English in
 * {@code messages/fun.properties}, Simplified Chinese in {@code messages/fun_zh_CN.properties};
 * templates write {@code {fun:key}} and the build checks each against this interface. Generated
 * from the properties file; a bundle stays under 300 keys (Quarkus 3.33 generates broken bytecode
 * for larger ones).
 */
@MessageBundle(value = "fun", locale = "en")
public interface FunnelMsg {
  @Message
  String title();

  @Message
  String model();

  @Message
  String from();

  @Message
  String to();

  @Message
  String campaign();

  @Message
  String variant();

  @Message
  String channel();

  @Message
  String segment();

  @Message
  String team();

  @Message
  String breakdown();

  @Message
  String scope(String from, String to);

  @Message
  String no_clicks_note();

  @Message
  String chart_title();

  @Message
  String stages_title();

  @Message
  String download_csv();

  @Message
  String stage();

  @Message
  String count();

  @Message
  String conversion();

  @Message
  String drop_off();

  @Message
  String mean_time();

  @Message
  String value_per();

  @Message
  String goal();

  @Message
  String goal_reached(String percent);

  @Message
  String revenue_note(String currency);

  @Message
  String economics_title(String dimension);

  @Message
  String clicks();

  @Message
  String leads();

  @Message
  String activated();

  @Message
  String won();

  @Message
  String win_rate();

  @Message
  String revenue();

  @Message
  String cost();

  @Message
  String cpl();

  @Message
  String cac();

  @Message
  String roi();

  @Message
  String none();

  @Message
  String total();

  @Message
  String ab_title(String campaign);

  @Message
  String ab_step();

  @Message
  String ab_needs_two();

  @Message
  String ab_better(String variant, String control);

  @Message
  String ab_worse(String variant, String control);

  @Message
  String ab_not_yet(String more);

  @Message
  String ab_no_difference();

  @Message
  String ab_rates(
      String control,
      String controlSuccesses,
      String controlTrials,
      String variant,
      String successes,
      String trials);

  @Message
  String ab_interval(String difference, String low, String high);

  @Message
  String ab_method();

  @Message
  String feedback_title();

  @Message
  String feedback_none();

  @Message
  String feedback_kind();

  @Message
  String feedback_value();

  @Message
  String teams_title();

  @Message
  String first_response();

  @Message
  String unassigned();

  @Message
  String target_met();

  @Message
  String target_missed();

  @Message
  String target_note(String time);

  @Message
  String cohorts_title();

  @Message
  String cohorts_none();

  @Message
  String cohort_month();

  @Message
  String customers();

  @Message
  String cohort_revenue();

  @Message
  String ltv();

  @Message
  String ltv_cac();

  @Message
  String cohorts_note();

  @Message
  String mean_of(String duration);

  @Message
  String median_note();

  @Message
  String feedback_by_title(String dimension);

  @Message
  String fb_rejected();

  @Message
  String fb_top_reject();

  @Message
  String fb_quality();

  @Message
  String fb_lost();

  @Message
  String fb_top_lost();

  @Message
  String fb_top_competitor();

  @Message
  String fb_rated(String count);

  @Message
  String fb_of_deals(String percent);

  @Message
  String budget();

  @Message
  String budget_spent(String percent);
}
