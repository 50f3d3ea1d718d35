package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The shared messages: layout, errors, statuses and every key looked up dynamically with {@code
 * msg:message(key)}. English in {@code messages/msg.properties}, Simplified Chinese in {@code
 * messages/msg_zh_CN.properties}; templates write {@code {msg:key}} and the build checks each
 * against this interface. Generated from the properties file; a bundle stays under 300 keys
 * (Quarkus 3.33 generates broken bytecode for larger ones).
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {
  @Message
  String close();

  @Message
  String nav_home();

  @Message
  String role_sales();

  @Message
  String role_sales_manager();

  @Message
  String role_operations();

  @Message
  String role_admin();

  @Message
  String role_sales_about();

  @Message
  String role_sales_manager_about();

  @Message
  String role_operations_about();

  @Message
  String role_admin_about();

  @Message
  String any();

  @Message
  String reset();

  @Message
  String error_required();

  @Message
  String error_rating();

  @Message
  String error_too_long_200();

  @Message
  String error_too_long_10000();

  @Message
  String error_date_time();

  @Message
  String error_date();

  @Message
  String error_amount();

  @Message
  String error_currency();

  @Message
  String error_probability();

  @Message
  String nav_today();

  @Message
  String nav_leads();

  @Message
  String nav_pipeline();

  @Message
  String lead_sort_created_desc();

  @Message
  String lead_sort_created_asc();

  @Message
  String lead_sort_name_asc();

  @Message
  String lead_sort_name_desc();

  @Message
  String lead_sort_company_asc();

  @Message
  String lead_sort_score_desc();

  @Message
  String lead_status_new();

  @Message
  String lead_status_assigned();

  @Message
  String lead_status_working();

  @Message
  String lead_status_accepted();

  @Message
  String lead_status_rejected();

  @Message
  String lead_status_qualified();

  @Message
  String lead_status_converted();

  @Message
  String lead_status_recycled();

  @Message
  String lead_action_working();

  @Message
  String lead_action_qualified();

  @Message
  String lead_action_recycled();

  @Message
  String lead_action_accepted();

  @Message
  String lead_action_rejected();

  @Message
  String lead_action_new();

  @Message
  String lead_action_assigned();

  @Message
  String lead_action_converted();

  @Message
  String lead_owner();

  @Message
  String lead_flash_accepted();

  @Message
  String lead_flash_rejected();

  @Message
  String lead_flash_moved();

  @Message
  String lead_error_reason_required();

  @Message
  String lead_error_already_answered();

  @Message
  String lead_error_move();

  @Message
  String reject_reason_not_a_fit();

  @Message
  String reject_reason_no_budget();

  @Message
  String reject_reason_duplicate();

  @Message
  String reject_reason_wrong_contact();

  @Message
  String reject_reason_spam();

  @Message
  String reject_reason_competitor();

  @Message
  String reject_reason_other();

  @Message
  String activity_kind_call();

  @Message
  String activity_kind_email();

  @Message
  String activity_kind_meeting();

  @Message
  String activity_kind_note();

  @Message
  String activity_kind_task();

  @Message
  String activity_subject();

  @Message
  String activity_due_label();

  @Message
  String activity_due(String time);

  @Message
  String activity_flash_logged();

  @Message
  String activity_error_kind();

  @Message
  String activity_error_task_needs_due();

  @Message
  String save();

  @Message
  String error_too_long_300();

  @Message
  String stage_qualification();

  @Message
  String stage_discovery();

  @Message
  String stage_proposal();

  @Message
  String stage_negotiation();

  @Message
  String stage_won();

  @Message
  String stage_lost();

  @Message
  String lost_reason_price();

  @Message
  String lost_reason_competitor();

  @Message
  String lost_reason_no_decision();

  @Message
  String lost_reason_timing();

  @Message
  String lost_reason_features();

  @Message
  String lost_reason_no_budget();

  @Message
  String lost_reason_other();

  @Message
  String deal_status_open();

  @Message
  String deal_status_won();

  @Message
  String deal_status_lost();

  @Message
  String deal_field_name();

  @Message
  String deal_field_amount();

  @Message
  String deal_field_currency();

  @Message
  String deal_field_expectedClose();

  @Message
  String deal_field_probability();

  @Message
  String deal_field_nextStep();

  @Message
  String deal_field_stage();

  @Message
  String deal_flash_saved();

  @Message
  String deal_flash_moved();

  @Message
  String deal_error_won_needs_amount();

  @Message
  String deal_error_won_needs_close_date();

  @Message
  String deal_error_lost_needs_reason();

  @Message
  String deal_error_stage();

  @Message
  String deal_error_changed_meanwhile();

  @Message
  String convert_flash_done();

  @Message
  String convert_error_status();

  @Message
  String reassign_flash_done();

  @Message
  String reassign_error_owner();

  @Message
  String deal_field_owner();

  @Message
  String nav_team();

  @Message
  String team_flash_quota();

  @Message
  String deal_field_contact();

  @Message
  String deal_error_contact();

  @Message
  String nav_audit();

  @Message
  String audit_action_create();

  @Message
  String audit_action_update();

  @Message
  String audit_action_delete();

  @Message
  String error_email();

  @Message
  String error_too_long_100();

  @Message
  String nav_users();

  @Message
  String users_username();

  @Message
  String users_email();

  @Message
  String users_first_name();

  @Message
  String users_last_name();

  @Message
  String users_flash_created();

  @Message
  String users_flash_saved();

  @Message
  String users_error_username();

  @Message
  String users_error_username_taken();

  @Message
  String users_error_email_taken();

  @Message
  String users_error_role_required();

  @Message
  String users_error_role_unknown();

  @Message
  String users_error_self_admin();

  @Message
  String users_error_self_disable();

  @Message
  String users_error_team();

  @Message
  String users_error_password();

  @Message
  String users_error_unreachable();

  @Message
  String users_error_not_found();

  @Message
  String users_error_rejected();

  @Message
  String users_error_refused();

  @Message
  String nav_teams();

  @Message
  String teams_name_label();

  @Message
  String teams_error_name_taken();

  @Message
  String teams_error_manager();

  @Message
  String teams_error_members();

  @Message
  String teams_flash_created();

  @Message
  String teams_flash_saved();

  @Message
  String nav_settings();

  @Message
  String settings_error_position();

  @Message
  String settings_error_kind();

  @Message
  String settings_error_needs_open();

  @Message
  String settings_error_needs_one_won();

  @Message
  String settings_error_needs_one_lost();

  @Message
  String settings_error_stage_has_deals();

  @Message
  String settings_error_currency();

  @Message
  String settings_error_exists();

  @Message
  String settings_error_last_value();

  @Message
  String settings_flash_saved();

  @Message
  String settings_flash_stage_added();

  @Message
  String settings_flash_value_added();

  @Message
  String settings_flash_archived();

  @Message
  String settings_error_retention_days();

  @Message
  String settings_error_first_response();

  @Message
  String settings_flash_first_response();

  @Message
  String settings_flash_retention();

  @Message
  String settings_flash_deleted();

  @Message
  String settings_flash_restored();

  @Message
  String form_error_contact();

  @Message
  String form_error_phone();

  @Message
  String form_error_company_size();

  @Message
  String form_error_too_long();

  @Message
  String form_closed();

  @Message
  String form_busy();

  @Message
  String form_unavailable();

  @Message
  String form_too_many();

  @Message
  String nav_campaigns();

  @Message
  String nav_funnel();

  @Message
  String nav_numbers();

  @Message
  String campaign_error_objective();

  @Message
  String campaign_error_channel();

  @Message
  String campaign_error_end_before_start();

  @Message
  String campaign_error_owner();

  @Message
  String campaign_error_parent();

  @Message
  String campaign_error_count();

  @Message
  String campaign_error_transition();

  @Message
  String campaign_error_no_variant();

  @Message
  String campaign_error_completed();

  @Message
  String variant_error_name_taken();

  @Message
  String variant_error_url();

  @Message
  String variant_error_weight();

  @Message
  String cost_error_variant();

  @Message
  String campaign_flash_created();

  @Message
  String campaign_flash_saved();

  @Message
  String campaign_flash_draft();

  @Message
  String campaign_flash_scheduled();

  @Message
  String campaign_flash_active();

  @Message
  String campaign_flash_paused();

  @Message
  String campaign_flash_completed();

  @Message
  String variant_flash_added();

  @Message
  String variant_flash_saved();

  @Message
  String cost_flash_added();

  @Message
  String cost_flash_deleted();

  @Message
  String cost_flash_saved();

  @Message
  String nav_all_leads();

  @Message
  String nav_queue();

  @Message
  String queue_error_none_selected();

  @Message
  String queue_error_rep();

  @Message
  String queue_flash_assigned();

  @Message
  String queue_flash_rerouted();

  @Message
  String queue_flash_skipped();

  @Message
  String queue_flash_taken_over();

  @Message
  String nav_routing();

  @Message
  String routing_error_campaign();

  @Message
  String routing_error_variant();

  @Message
  String routing_error_target();

  @Message
  String routing_error_capacity();

  @Message
  String routing_error_position();

  @Message
  String routing_flash_saved();

  @Message
  String routing_flash_deleted();

  @Message
  String routing_flash_capacity();

  @Message
  String nav_import();

  @Message
  String import_error_no_file();

  @Message
  String import_error_not_csv();

  @Message
  String import_error_encoding();

  @Message
  String import_error_header_long();

  @Message
  String import_error_mapping();

  @Message
  String import_error_twice();

  @Message
  String import_error_needs_name();

  @Message
  String import_error_needs_contact();

  @Message
  String import_flash_layout_salesforce();

  @Message
  String import_flash_layout_hubspot();

  @Message
  String import_flash_layout_odoo();

  @Message
  String import_flash_layout_generic();

  @Message
  String nav_referrals();

  @Message
  String referral_flash_link();

  @Message
  String nav_audiences();

  @Message
  String nav_scoring();

  @Message
  String scoring_error_attribute();

  @Message
  String scoring_error_points();

  @Message
  String scoring_flash_saved();

  @Message
  String scoring_flash_rescoring();

  @Message
  String error_too_long_50();

  @Message
  String error_too_long_60();

  @Message
  String error_choice();

  @Message
  String lead_error_duplicate();

  @Message
  String lead_error_duplicate_hidden();

  @Message
  String lead_flash_created();

  @Message
  String lead_flash_saved();

  @Message
  String task_flash_done();

  @Message
  String task_flash_undone();

  @Message
  String task_flash_saved();

  @Message
  String task_flash_deleted();

  @Message
  String nav_tasks();

  @Message
  String deal_error_stage_archived();

  @Message
  String error_domain();

  @Message
  String account_error_duplicate();

  @Message
  String account_error_duplicate_hidden();

  @Message
  String account_error_conflict();

  @Message
  String account_flash_created();

  @Message
  String account_flash_saved();

  @Message
  String contact_error_duplicate();

  @Message
  String contact_error_duplicate_hidden();

  @Message
  String contact_flash_created();

  @Message
  String contact_flash_saved();

  @Message
  String nav_accounts();

  @Message
  String deal_flash_created();

  @Message
  String deal_choose_account();

  @Message
  String nav_deals();

  @Message
  String bulk_error_none();

  @Message
  String bulk_flash_reassigned();

  @Message
  String spend_error_columns();

  @Message
  String spend_error_too_many();

  @Message
  String spend_flash_recorded();

  @Message
  String settings_flash_segments();

  @Message
  String form_fields_flash_saved();

  @Message
  String import_error_needs_account();

  @Message
  String import_error_kind();

  @Message
  String mail_error_addresses();

  @Message
  String mail_error_one_line();

  @Message
  String mail_flash_queued();

  @Message
  String notify_flash_read();

  @Message
  String notify_flash_saved();

  @Message
  String mail_templates_flash_saved();

  @Message
  String nav_mail_templates();

  @Message
  String nav_webhooks();

  @Message
  String webhook_error_url();

  @Message
  String webhook_error_https();

  @Message
  String webhook_error_private();

  @Message
  String webhook_error_host();

  @Message
  String webhook_error_types();
}
