package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The sales pages' own texts (Today, leads, deals, pipeline, team). English in {@code
 * messages/sls.properties}, Simplified Chinese in {@code messages/sls_zh_CN.properties}; templates
 * write {@code {sls:key}} and the build checks each against this interface. Generated from the
 * properties file; a bundle stays under 300 keys (Quarkus 3.33 generates broken bytecode for larger
 * ones).
 */
@MessageBundle(value = "sls", locale = "en")
public interface SalesMsg {
  @Message
  String choose();

  @Message
  String read_only();

  @Message
  String breadcrumb();

  @Message
  String pager_first();

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
  String routing_rule(String rule, String rep, Integer open);

  @Message
  String routing_none();

  @Message
  String routing_manual(String by);

  @Message
  String touch_journey();

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
  String deal_details();

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
  String convert_account();

  @Message
  String convert_new_account_named(String name);

  @Message
  String convert_account_proposed(String name);

  @Message
  String convert_new_account();

  @Message
  String convert_existing_contact(String name);

  @Message
  String convert_new_contact();

  @Message
  String convert_attribution();

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
  String today_waiting_more();

  @Message
  String today_waiting_all();

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
  String today_attainment(String percent);

  @Message
  String today_by_stage();

  @Message
  String lead_routing();

  @Message
  String numbers_title_mine();

  @Message
  String numbers_title_team();

  @Message
  String numbers_from();

  @Message
  String numbers_to();

  @Message
  String numbers_conversion();

  @Message
  String numbers_conversion_note(String from, String to);

  @Message
  String numbers_rep();

  @Message
  String numbers_leads();

  @Message
  String numbers_accepted();

  @Message
  String numbers_won();

  @Message
  String numbers_lead_to_won();

  @Message
  String numbers_win_rate();

  @Message
  String numbers_first_response();

  @Message
  String numbers_none();

  @Message
  String numbers_team_total();

  @Message
  String numbers_pipeline();

  @Message
  String numbers_pipeline_note();

  @Message
  String numbers_month();

  @Message
  String numbers_deals();

  @Message
  String numbers_value();

  @Message
  String numbers_weighted();

  @Message
  String numbers_no_pipeline();

  @Message
  String numbers_quota();

  @Message
  String numbers_quota_note();

  @Message
  String numbers_quota_amount();

  @Message
  String numbers_won_amount();

  @Message
  String numbers_attainment();

  @Message
  String numbers_no_quota();

  @Message
  String numbers_csv();

  @Message
  String lead_form_person();

  @Message
  String lead_form_contact();

  @Message
  String lead_form_market();

  @Message
  String lead_field_firstName();

  @Message
  String lead_field_lastName();

  @Message
  String lead_field_company();

  @Message
  String lead_field_title();

  @Message
  String lead_field_email();

  @Message
  String lead_field_phone();

  @Message
  String lead_field_region();

  @Message
  String lead_field_segment();

  @Message
  String lead_field_industry();

  @Message
  String lead_field_companySize();

  @Message
  String lead_field_source();

  @Message
  String lead_duplicate_open();

  @Message
  String lead_same_phone();

  @Message
  String lead_duplicate_link();

  @Message
  String lead_new();

  @Message
  String lead_new_title();

  @Message
  String lead_new_intro();

  @Message
  String lead_new_intro_ops();

  @Message
  String lead_new_save();

  @Message
  String cancel();

  @Message
  String lead_edit();

  @Message
  String lead_edit_title(String name);

  @Message
  String lead_edit_intro();

  @Message
  String lead_edit_save();

  @Message
  String routing_hand(String by);

  @Message
  String routing_taken_over(String from, String by);

  @Message
  String lead_history();

  @Message
  String tasks_title();

  @Message
  String tasks_tab_open();

  @Message
  String tasks_tab_done();

  @Message
  String tasks_about();

  @Message
  String tasks_about_any();

  @Message
  String tasks_about_lead();

  @Message
  String tasks_about_deal();

  @Message
  String tasks_about_contact();

  @Message
  String tasks_due_from();

  @Message
  String tasks_done_from();

  @Message
  String tasks_to();

  @Message
  String tasks_none_open();

  @Message
  String tasks_none_done();

  @Message
  String tasks_overdue();

  @Message
  String tasks_today();

  @Message
  String tasks_upcoming();

  @Message
  String tasks_done();

  @Message
  String tasks_done_at(String time);

  @Message
  String task_mark_done();

  @Message
  String task_is_done();

  @Message
  String task_undo();

  @Message
  String task_edit();

  @Message
  String task_edit_title();

  @Message
  String task_due();

  @Message
  String task_save();

  @Message
  String task_delete_title();

  @Message
  String task_delete_text();

  @Message
  String task_delete();

  @Message
  String pipeline_all_members();

  @Message
  String pipeline_show_more();

  @Message
  String accounts_title();

  @Message
  String accounts_search();

  @Message
  String accounts_none();

  @Message
  String accounts_open_deals();

  @Message
  String account_new();

  @Message
  String account_create();

  @Message
  String account_edit_title(String name);

  @Message
  String account_field_name();

  @Message
  String account_field_domain();

  @Message
  String account_field_industry();

  @Message
  String account_duplicate_open();

  @Message
  String account_duplicate_link();

  @Message
  String account_deals();

  @Message
  String account_no_deals();

  @Message
  String account_deals_open();

  @Message
  String account_deals_won();

  @Message
  String account_deals_lost();

  @Message
  String account_origins();

  @Message
  String account_no_origins();

  @Message
  String account_direct();

  @Message
  String customers_sort();

  @Message
  String customers_sort_name();

  @Message
  String customers_sort_newest();

  @Message
  String contacts_title();

  @Message
  String contacts_search();

  @Message
  String contacts_none();

  @Message
  String contact_account();

  @Message
  String contact_new();

  @Message
  String contact_create();

  @Message
  String contact_edit_title(String name);

  @Message
  String contact_at(String account);

  @Message
  String contact_duplicate_open();

  @Message
  String contact_duplicate_link();

  @Message
  String deal_new();

  @Message
  String deal_field_name_short();

  @Message
  String deal_amount_short();

  @Message
  String deal_close_short();

  @Message
  String deal_new_heading(String account);

  @Message
  String deal_new_intro();

  @Message
  String deal_create();

  @Message
  String deal_contact_label();

  @Message
  String deal_new_direct();

  @Message
  String apply();

  @Message
  String pager();

  @Message
  String pager_next();

  @Message
  String leads_created_from();

  @Message
  String leads_created_to();

  @Message
  String activity_timeline();

  @Message
  String activity_none();

  @Message
  String activity_kind();

  @Message
  String activity_notes();

  @Message
  String activity_save();

  @Message
  String reassign_title();

  @Message
  String reassign_submit();

  @Message
  String search_title();

  @Message
  String search_heading(String q);

  @Message
  String search_placeholder();

  @Message
  String search_submit();

  @Message
  String search_too_short();

  @Message
  String search_none(String q);

  @Message
  String search_group_leads();

  @Message
  String search_group_contacts();

  @Message
  String search_group_accounts();

  @Message
  String search_group_deals();

  @Message
  String deals_title();

  @Message
  String deals_export();

  @Message
  String deals_status();

  @Message
  String deals_any();

  @Message
  String deals_month();

  @Message
  String deals_min();

  @Message
  String deals_max();

  @Message
  String deals_none();

  @Message
  String deals_sort_close();

  @Message
  String deals_sort_amount();

  @Message
  String deals_sort_newest();

  @Message
  String bulk_select();

  @Message
  String bulk_give_to();

  @Message
  String bulk_submit();

  @Message
  String leads_title_team();

  @Message
  String bulk_select_all();

  @Message
  String bulk_confirm();
}
