package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Webhooks: the admin's endpoints, their secrets and delivery log, the event types. English in
 * {@code messages/hok.properties}, Simplified Chinese in {@code messages/hok_zh_CN.properties};
 * templates write {@code {hok:key}} and the build checks each against this interface. Generated
 * from the properties file; a bundle stays under 300 keys (Quarkus 3.33 generates broken bytecode
 * for larger ones).
 */
@MessageBundle(value = "hok", locale = "en")
public interface HookMsg {
  @Message
  String title();

  @Message
  String help();

  @Message
  String openapi();

  @Message
  String none();

  @Message
  String url();

  @Message
  String url_help();

  @Message
  String description();

  @Message
  String types();

  @Message
  String types_help();

  @Message
  String state();

  @Message
  String enabled();

  @Message
  String enabled_label();

  @Message
  String disabled_admin();

  @Message
  String disabled_failing();

  @Message
  String disabled_admin_help();

  @Message
  String disabled_failing_help();

  @Message
  String new_endpoint();

  @Message
  String create();

  @Message
  String secret();

  @Message
  String secret_help();

  @Message
  String secret_once();

  @Message
  String previous_valid(String until);

  @Message
  String rotate();

  @Message
  String rotate_confirm();

  @Message
  String test();

  @Message
  String delete();

  @Message
  String log();

  @Message
  String log_help();

  @Message
  String log_none();

  @Message
  String log_more();

  @Message
  String state_queued();

  @Message
  String state_sending();

  @Message
  String state_delivered();

  @Message
  String state_failed();

  @Message
  String attempts(int count);

  @Message
  String next_attempt(String at);

  @Message
  String replay();

  @Message
  String details();

  @Message
  String message_id();

  @Message
  String http(Integer status);

  @Message
  String attempt_at();

  @Message
  String attempt_status();

  @Message
  String attempt_ms();

  @Message
  String attempt_response();

  @Message
  String flash_created();

  @Message
  String flash_saved();

  @Message
  String flash_rotated();

  @Message
  String flash_test();

  @Message
  String flash_replayed();

  @Message
  String flash_deleted();

  @Message
  String event_lead_created();

  @Message
  String event_lead_updated();

  @Message
  String event_lead_assigned();

  @Message
  String event_lead_status_changed();

  @Message
  String event_deal_created();

  @Message
  String event_deal_updated();

  @Message
  String event_deal_stage_changed();

  @Message
  String event_deal_won();

  @Message
  String event_deal_lost();

  @Message
  String event_account_created();

  @Message
  String event_account_updated();

  @Message
  String event_contact_created();

  @Message
  String event_contact_updated();

  @Message
  String event_campaign_started();

  @Message
  String event_campaign_ended();
}
