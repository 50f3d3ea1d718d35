package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * E-mail: writing from a record, the states of a message, notifications, replies, the mail Loop
 * sends. English in {@code messages/eml.properties}, Simplified Chinese in {@code
 * messages/eml_zh_CN.properties}; templates write {@code {eml:key}} and the build checks each
 * against this interface. Generated from the properties file; a bundle stays under 300 keys
 * (Quarkus 3.33 generates broken bytecode for larger ones).
 */
@MessageBundle(value = "eml", locale = "en")
public interface MailMsg {
  @Message
  String compose_title(String name);

  @Message
  String compose_crumb();

  @Message
  String compose_help();

  @Message
  String compose_send();

  @Message
  String compose_link();

  @Message
  String field_to();

  @Message
  String field_cc();

  @Message
  String field_subject();

  @Message
  String field_body();

  @Message
  String state_queued();

  @Message
  String state_sent();

  @Message
  String state_failed();

  @Message
  String state_received();

  @Message
  String mail_to(String address);

  @Message
  String mail_from(String address);

  @Message
  String mail_failed_because(String reason);

  @Message
  String notify_title();

  @Message
  String notify_bell(long count);

  @Message
  String notify_none();

  @Message
  String notify_read_all();

  @Message
  String notify_how();

  @Message
  String notify_by_inbox();

  @Message
  String notify_by_instant();

  @Message
  String notify_by_digest();

  @Message
  String notify_lead_assigned(String name);

  @Message
  String notify_import_summary(int count);

  @Message
  String notify_response_overdue(String name);

  @Message
  String notify_task_due(String name);

  @Message
  String notify_reply_received(String name);

  @Message
  String unmatched_title();

  @Message
  String unmatched_help();

  @Message
  String unmatched_none();

  @Message
  String mail_attachments();

  @Message
  String attachment_not_kept();

  @Message
  String compose_template();

  @Message
  String compose_use_template();

  @Message
  String notify_webhook_disabled(String name);
}
