package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The application's messages. The texts live in {@code messages/msg.properties} (English) and
 * {@code messages/msg_zh_CN.properties} (Simplified Chinese); each key is declared here so that the
 * build checks every {@code {msg:key}} in a template. Dynamic keys go through {@code
 * msg:message(key)}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {
  @Message
  String app_name();

  @Message
  String footer_tagline();

  @Message
  String close();

  @Message
  String sign_in();

  @Message
  String nav_toggle();

  @Message
  String nav_home();

  @Message
  String nav_logout();

  @Message
  String lang_current();

  @Message
  String lang_en();

  @Message
  String lang_zh();

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
  String home_title();

  @Message
  String home_greeting(String name);

  @Message
  String home_subtitle();

  @Message
  String home_no_role();

  @Message
  String home_loop_title();

  @Message
  String home_loop_1();

  @Message
  String home_loop_2();

  @Message
  String home_loop_3();

  @Message
  String home_loop_4();

  @Message
  String signed_out_title();

  @Message
  String signed_out_text();

  @Message
  String error_home();

  @Message
  String error_reference(String ref);

  @Message
  String error_401_title();

  @Message
  String error_401_text();

  @Message
  String error_403_title();

  @Message
  String error_403_text();

  @Message
  String error_404_title();

  @Message
  String error_404_text();

  @Message
  String error_409_title();

  @Message
  String error_409_text();

  @Message
  String error_500_title();

  @Message
  String error_500_text();

  @Message
  String any();

  @Message
  String apply();

  @Message
  String reset();

  @Message
  String choose();

  @Message
  String read_only();

  @Message
  String breadcrumb();

  @Message
  String pager();

  @Message
  String pager_first();

  @Message
  String pager_next();

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
  String leads_title();

  @Message
  String leads_search();

  @Message
  String leads_search_hint();

  @Message
  String leads_status();

  @Message
  String leads_campaign();

  @Message
  String leads_source();

  @Message
  String leads_region();

  @Message
  String leads_created_from();

  @Message
  String leads_created_to();

  @Message
  String leads_sort();

  @Message
  String leads_count(String count);

  @Message
  String leads_count_more(String count);

  @Message
  String leads_none();

  @Message
  String leads_none_filtered();

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
  String lead_name();

  @Message
  String lead_company();

  @Message
  String lead_contact();

  @Message
  String lead_score();

  @Message
  String lead_score_value(String score);

  @Message
  String lead_created();

  @Message
  String lead_details();

  @Message
  String lead_title_field();

  @Message
  String lead_email();

  @Message
  String lead_phone();

  @Message
  String lead_segment();

  @Message
  String lead_industry();

  @Message
  String lead_owner();

  @Message
  String lead_variant();

  @Message
  String lead_utm();

  @Message
  String lead_came_from();

  @Message
  String lead_open_deal();

  @Message
  String touch_first();

  @Message
  String touch_last();

  @Message
  String lead_respond();

  @Message
  String lead_waiting_for(String time);

  @Message
  String lead_quality();

  @Message
  String lead_quality_value(String quality);

  @Message
  String lead_accept();

  @Message
  String lead_reject();

  @Message
  String lead_reject_reason();

  @Message
  String lead_rejected_because();

  @Message
  String lead_responded_in(String time);

  @Message
  String lead_feedback();

  @Message
  String lead_next();

  @Message
  String lead_convert();

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
  String activity_timeline();

  @Message
  String activity_none();

  @Message
  String activity_kind();

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
  String activity_notes();

  @Message
  String activity_due_label();

  @Message
  String activity_due(String time);

  @Message
  String activity_save();

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
  String deal_details();

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
  String deal_probability_manual();

  @Message
  String deal_probability_default();

  @Message
  String deal_origin_lead();

  @Message
  String deal_lost_because();

  @Message
  String deal_competitor();

  @Message
  String deal_move();

  @Message
  String deal_stage();

  @Message
  String deal_lost_reason();

  @Message
  String deal_move_help();

  @Message
  String deal_move_submit();

  @Message
  String deal_history();

  @Message
  String deal_history_none();

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
  String touch_conversion();

  @Message
  String conflict_field();

  @Message
  String conflict_saved();

  @Message
  String conflict_yours();

  @Message
  String conflict_reload();

  @Message
  String convert_title();

  @Message
  String convert_heading(String name);

  @Message
  String convert_submit();

  @Message
  String convert_what_happens();

  @Message
  String convert_existing_account(String name);

  @Message
  String convert_new_account();

  @Message
  String convert_existing_contact(String name);

  @Message
  String convert_new_contact();

  @Message
  String convert_attribution();

  @Message
  String convert_flash_done();

  @Message
  String convert_error_status();

  @Message
  String pipeline_title();

  @Message
  String pipeline_team_title();

  @Message
  String pipeline_mine();

  @Message
  String pipeline_team();

  @Message
  String pipeline_help();

  @Message
  String pipeline_count(String count);

  @Message
  String pipeline_this_month();

  @Message
  String pipeline_move();

  @Message
  String today_title();

  @Message
  String today_waiting();

  @Message
  String today_target(String time);

  @Message
  String today_no_waiting();

  @Message
  String today_tasks();

  @Message
  String today_no_tasks();

  @Message
  String today_overdue();

  @Message
  String today_due_today();

  @Message
  String today_numbers();

  @Message
  String today_no_deals();

  @Message
  String today_open_value();

  @Message
  String today_weighted_month();

  @Message
  String today_weighted_quarter();

  @Message
  String today_won_month();

  @Message
  String today_quota(String amount);

  @Message
  String today_open_pipeline();

  @Message
  String reassign_title();

  @Message
  String reassign_submit();

  @Message
  String reassign_flash_done();

  @Message
  String reassign_error_owner();

  @Message
  String deal_field_owner();

  @Message
  String nav_team();

  @Message
  String team_title();

  @Message
  String team_month(String date);

  @Message
  String team_none();

  @Message
  String team_member();

  @Message
  String team_open_deals();

  @Message
  String team_attainment();

  @Message
  String team_quota();

  @Message
  String team_board();

  @Message
  String team_flash_quota();

  @Message
  String today_attainment(String percent);

  @Message
  String today_by_stage();

  @Message
  String deal_field_contact();

  @Message
  String deal_error_contact();

  @Message
  String nav_audit();

  @Message
  String audit_title();

  @Message
  String audit_help();

  @Message
  String audit_none();

  @Message
  String audit_type();

  @Message
  String audit_record();

  @Message
  String audit_actor();

  @Message
  String audit_when();

  @Message
  String audit_action();

  @Message
  String audit_changes();

  @Message
  String audit_action_create();

  @Message
  String audit_action_update();

  @Message
  String audit_action_delete();

  @Message
  String audit_type_lead();

  @Message
  String audit_type_deal();

  @Message
  String audit_type_campaign();

  @Message
  String audit_type_campaignvariant();

  @Message
  String audit_type_account();

  @Message
  String audit_type_contact();

  @Message
  String audit_type_quota();

  @Message
  String audit_type_team();

  @Message
  String audit_fields(String count);
}
