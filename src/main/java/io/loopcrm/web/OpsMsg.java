package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The operations pages' own texts (campaigns, capture, routing, import). English in {@code
 * messages/ops.properties}, Simplified Chinese in {@code messages/ops_zh_CN.properties}; templates
 * write {@code {ops:key}} and the build checks each against this interface. Generated from the
 * properties file; a bundle stays under 300 keys (Quarkus 3.33 generates broken bytecode for larger
 * ones).
 */
@MessageBundle(value = "ops", locale = "en")
public interface OpsMsg {
  @Message
  String form_company_size();

  @Message
  String form_leave_empty();

  @Message
  String form_submit();

  @Message
  String form_privacy();

  @Message
  String form_thanks_title();

  @Message
  String form_thanks_text();

  @Message
  String form_closed_title();

  @Message
  String campaigns_title();

  @Message
  String campaigns_new();

  @Message
  String campaigns_create();

  @Message
  String campaigns_search();

  @Message
  String campaigns_none();

  @Message
  String campaigns_clicks();

  @Message
  String campaigns_leads();

  @Message
  String campaigns_accepted();

  @Message
  String campaigns_won();

  @Message
  String campaigns_cost();

  @Message
  String campaigns_cpl();

  @Message
  String campaigns_of_budget(String percent);

  @Message
  String campaigns_money_note();

  @Message
  String campaign_name();

  @Message
  String campaign_status();

  @Message
  String campaign_objective();

  @Message
  String campaign_channel();

  @Message
  String campaign_owner();

  @Message
  String campaign_parent();

  @Message
  String campaign_edit();

  @Message
  String campaign_target();

  @Message
  String campaign_goals();

  @Message
  String campaign_goals_help();

  @Message
  String campaign_goal_of(String goal);

  @Message
  String campaign_budget_of(String budget);

  @Message
  String campaign_budget_used();

  @Message
  String campaign_completed_note();

  @Message
  String campaign_not_capturing();

  @Message
  String campaign_history();

  @Message
  String variants_title();

  @Message
  String variant_label(String name);

  @Message
  String variant_weight(String weight, String share);

  @Message
  String variant_edit();

  @Message
  String variant_add();

  @Message
  String variant_name();

  @Message
  String variant_weight_label();

  @Message
  String variant_headline();

  @Message
  String variant_body();

  @Message
  String variant_cta();

  @Message
  String variant_landing();

  @Message
  String variant_landing_form();

  @Message
  String variant_landing_help();

  @Message
  String variant_thank_you();

  @Message
  String campaign_split_link();

  @Message
  String campaign_split_help();

  @Message
  String campaign_clicks_ignored(String count);

  @Message
  String campaign_clicks_ignored_help();

  @Message
  String variant_tracking_link();

  @Message
  String variant_form_link();

  @Message
  String variant_embed();

  @Message
  String variant_code_note(String code);

  @Message
  String copy();

  @Message
  String cost_edit();

  @Message
  String cost_edit_title();

  @Message
  String cost_edit_help();

  @Message
  String cost_delete();

  @Message
  String cost_delete_help();

  @Message
  String costs_title();

  @Message
  String costs_none();

  @Message
  String cost_date();

  @Message
  String cost_amount();

  @Message
  String cost_variant();

  @Message
  String cost_all_variants();

  @Message
  String cost_note();

  @Message
  String cost_by();

  @Message
  String cost_add();

  @Message
  String queue_title();

  @Message
  String leads_all_title();

  @Message
  String leads_export();

  @Message
  String leads_tab_all();

  @Message
  String leads_tab_queue();

  @Message
  String queue_empty();

  @Message
  String queue_assign_to();

  @Message
  String queue_assign();

  @Message
  String queue_reroute();

  @Message
  String queue_take_over();

  @Message
  String queue_help();

  @Message
  String queue_select();

  @Message
  String queue_unassigned();

  @Message
  String leads_owner();

  @Message
  String routing_title();

  @Message
  String routing_help();

  @Message
  String routing_none();

  @Message
  String routing_rule();

  @Message
  String routing_when();

  @Message
  String routing_when_help();

  @Message
  String routing_to();

  @Message
  String routing_to_help();

  @Message
  String routing_any();

  @Message
  String routing_inactive();

  @Message
  String routing_delete();

  @Message
  String routing_edit();

  @Message
  String routing_new();

  @Message
  String routing_add();

  @Message
  String routing_active();

  @Message
  String routing_segment();

  @Message
  String routing_source();

  @Message
  String routing_reps();

  @Message
  String routing_capacity();

  @Message
  String routing_capacity_help();

  @Message
  String routing_capacity_label();

  @Message
  String routing_open();

  @Message
  String routing_no_limit();

  @Message
  String import_title();

  @Message
  String import_help();

  @Message
  String import_file();

  @Message
  String import_file_help();

  @Message
  String import_upload();

  @Message
  String import_recent();

  @Message
  String import_layout();

  @Message
  String import_created();

  @Message
  String import_updated();

  @Message
  String import_skipped();

  @Message
  String import_mapping();

  @Message
  String import_mapping_help();

  @Message
  String import_preview();

  @Message
  String import_start();

  @Message
  String import_preview_title();

  @Message
  String import_row();

  @Message
  String import_problem();

  @Message
  String import_running(String count);

  @Message
  String import_failed(String rows);

  @Message
  String import_interrupted(String rows);

  @Message
  String import_resume(String rows);

  @Message
  String import_done(String count);

  @Message
  String import_reasons();

  @Message
  String import_dates(String example);

  @Message
  String import_dates_month_first();

  @Message
  String import_dates_day_first();

  @Message
  String import_dates_open();

  @Message
  String import_report();

  @Message
  String import_to_queue();

  @Message
  String form_default_headline();

  @Message
  String form_first_name();

  @Message
  String form_last_name();

  @Message
  String form_email();

  @Message
  String form_phone();

  @Message
  String form_company();

  @Message
  String form_title();

  @Message
  String form_region();

  @Message
  String campaign_field_name();

  @Message
  String campaign_field_starts();

  @Message
  String campaign_field_ends();

  @Message
  String campaign_field_budget();

  @Message
  String campaign_field_region();

  @Message
  String campaign_field_industry();

  @Message
  String campaign_goal_leads();

  @Message
  String campaign_goal_activated();

  @Message
  String campaign_goal_retained();

  @Message
  String campaign_goal_revenue();

  @Message
  String campaign_goal_referrals();

  @Message
  String routing_field_name();

  @Message
  String routing_field_position();

  @Message
  String routing_field_segment();

  @Message
  String routing_field_source();

  @Message
  String referrals_title();

  @Message
  String referrals_help();

  @Message
  String referrals_programme(String name);

  @Message
  String referrals_no_programme();

  @Message
  String referrals_none();

  @Message
  String referrals_search();

  @Message
  String referrals_none_found();

  @Message
  String referrals_customer();

  @Message
  String referrals_link();

  @Message
  String referrals_leads();

  @Message
  String referrals_make();

  @Message
  String scoring_title();

  @Message
  String scoring_help(String days);

  @Message
  String scoring_running();

  @Message
  String scoring_none();

  @Message
  String scoring_kind();

  @Message
  String scoring_when();

  @Message
  String scoring_points();

  @Message
  String scoring_fit();

  @Message
  String scoring_engagement();

  @Message
  String scoring_add();

  @Message
  String scoring_value();

  @Message
  String scoring_value_help();

  @Message
  String scoring_rescore();

  @Message
  String score_title();

  @Message
  String score_reasons_none();

  @Message
  String score_min();

  @Message
  String spend_title();

  @Message
  String spend_help();

  @Message
  String spend_columns_help();

  @Message
  String spend_preview();

  @Message
  String spend_preview_title();

  @Message
  String spend_summary(long good, long skipped);

  @Message
  String spend_record(long count);

  @Message
  String spend_nothing();

  @Message
  String spend_line();

  @Message
  String spend_campaign();

  @Message
  String spend_outcome();

  @Message
  String spend_will_record();

  @Message
  String spend_recorded();

  @Message
  String spend_report_title();

  @Message
  String spend_report_summary(long recorded, long skipped);

  @Message
  String spend_report_csv();

  @Message
  String spend_another();

  @Message
  String spend_problem_date();

  @Message
  String spend_problem_campaign();

  @Message
  String spend_problem_amount();

  @Message
  String spend_problem_currency();

  @Message
  String spend_problem_channel();

  @Message
  String spend_problem_note();

  @Message
  String spend_problem_recorded();

  @Message
  String spend_problem_twice();

  @Message
  String spend_example_header();

  @Message
  String spend_example_1();

  @Message
  String spend_example_2();

  @Message
  String form_segment();

  @Message
  String form_required_note();

  @Message
  String form_fields_title();

  @Message
  String form_fields_help();

  @Message
  String form_fields_field();

  @Message
  String form_fields_hidden();

  @Message
  String form_fields_optional();

  @Message
  String form_fields_required();

  @Message
  String form_fields_always();

  @Message
  String import_matches_title();

  @Message
  String import_matches_help();

  @Message
  String import_matches_column();

  @Message
  String import_matches_value();

  @Message
  String import_matches_rows();

  @Message
  String import_matches_becomes();

  @Message
  String import_match_status_unknown();

  @Message
  String import_match_owner_unknown();

  @Message
  String import_match_campaign_unknown();

  @Message
  String import_kind();

  @Message
  String import_kind_apply();

  @Message
  String import_kind_help();

  @Message
  String import_match_stage_unknown();

  @Message
  String import_match_owner_unknown_deal();

  @Message
  String import_match_owner_unknown_record();

  @Message
  String import_match_account_new();

  @Message
  String campaign_audience();
}
