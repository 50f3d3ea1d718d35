package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Audiences: saved filters over leads that operations builds, counts and exports. English in {@code
 * messages/aud.properties}, Simplified Chinese in {@code messages/aud_zh_CN.properties}; templates
 * write {@code {aud:key}} and the build checks each against this interface. Generated from the
 * properties file; a bundle stays under 300 keys (Quarkus 3.33 generates broken bytecode for larger
 * ones).
 */
@MessageBundle(value = "aud", locale = "en")
public interface AudienceMsg {
  @Message
  String title();

  @Message
  String help();

  @Message
  String none();

  @Message
  String add();

  @Message
  String name();

  @Message
  String statuses();

  @Message
  String segment();

  @Message
  String region();

  @Message
  String industry();

  @Message
  String min_score();

  @Message
  String max_score();

  @Message
  String campaign();

  @Message
  String channel();

  @Message
  String customers_of();

  @Message
  String no_purchase_days();

  @Message
  String created_from();

  @Message
  String created_to();

  @Message
  String any();

  @Message
  String members();

  @Message
  String count(long count);

  @Message
  String preview();

  @Message
  String preview_none();

  @Message
  String export();

  @Message
  String save();

  @Message
  String count_now();

  @Message
  String criteria();

  @Message
  String flash_created();

  @Message
  String flash_saved();

  @Message
  String error_name_taken();

  @Message
  String error_score_range();

  @Message
  String error_campaign();

  @Message
  String error_channel();

  @Message
  String error_status();

  @Message
  String error_conflict();

  @Message
  String updated();

  @Message
  String col_name();

  @Message
  String col_criteria();

  @Message
  String col_updated();
}
