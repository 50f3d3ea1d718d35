package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Labels of operations' codes (statuses, objectives, channels), looked up with {@code
 * lbl:message(key)}. English in {@code messages/lbl.properties}, Simplified Chinese in {@code
 * messages/lbl_zh_CN.properties}; templates write {@code {lbl:key}} and the build checks each
 * against this interface. Generated from the properties file; a bundle stays under 300 keys
 * (Quarkus 3.33 generates broken bytecode for larger ones).
 */
@MessageBundle(value = "lbl", locale = "en")
public interface LabelMsg {
  @Message
  String campaign_objective_acquisition();

  @Message
  String campaign_objective_activation();

  @Message
  String campaign_objective_retention();

  @Message
  String campaign_objective_revenue();

  @Message
  String campaign_objective_referral();

  @Message
  String campaign_status_draft();

  @Message
  String campaign_status_scheduled();

  @Message
  String campaign_status_active();

  @Message
  String campaign_status_paused();

  @Message
  String campaign_status_completed();

  @Message
  String campaign_to_draft();

  @Message
  String campaign_to_scheduled();

  @Message
  String campaign_to_active();

  @Message
  String campaign_to_paused();

  @Message
  String campaign_to_completed();

  @Message
  String channel_email();

  @Message
  String channel_search();

  @Message
  String channel_social();

  @Message
  String channel_display();

  @Message
  String channel_events();

  @Message
  String channel_referral();

  @Message
  String channel_partner();

  @Message
  String channel_content();

  @Message
  String channel_other();

  @Message
  String import_layout_salesforce();

  @Message
  String import_layout_hubspot();

  @Message
  String import_layout_odoo();

  @Message
  String import_layout_generic();

  @Message
  String import_status_uploaded();

  @Message
  String import_status_running();

  @Message
  String import_status_done();

  @Message
  String import_status_failed();

  @Message
  String import_target_ignore();

  @Message
  String import_target_firstName();

  @Message
  String import_target_lastName();

  @Message
  String import_target_fullName();

  @Message
  String import_target_email();

  @Message
  String import_target_phone();

  @Message
  String import_target_company();

  @Message
  String import_target_title();

  @Message
  String import_target_region();

  @Message
  String import_target_industry();

  @Message
  String import_target_companySize();

  @Message
  String import_target_segment();

  @Message
  String import_target_medium();

  @Message
  String import_target_campaign();

  @Message
  String import_target_createdDate();

  @Message
  String import_target_owner();

  @Message
  String import_target_status();

  @Message
  String import_target_description();

  @Message
  String import_target_city();

  @Message
  String import_target_country();

  @Message
  String import_target_source();

  @Message
  String import_reason_missing_name();

  @Message
  String import_reason_invalid_email();

  @Message
  String import_reason_missing_contact();

  @Message
  String import_reason_unreadable();

  @Message
  String import_reason_too_long();

  @Message
  String import_reason_duplicate_in_file();

  @Message
  String import_reason_already_known();

  @Message
  String import_outcome_created();

  @Message
  String import_outcome_updated();

  @Message
  String import_outcome_skipped();

  @Message
  String score_attr_region();

  @Message
  String score_attr_segment();

  @Message
  String score_attr_industry();

  @Message
  String score_attr_company_size();

  @Message
  String score_attr_source();

  @Message
  String score_attr_title();

  @Message
  String score_attr_click();

  @Message
  String score_attr_form();

  @Message
  String score_attr_referral();

  @Message
  String funnel_model_first();

  @Message
  String funnel_model_last();

  @Message
  String funnel_model_linear();

  @Message
  String funnel_model_hint_first();

  @Message
  String funnel_model_hint_last();

  @Message
  String funnel_model_hint_linear();

  @Message
  String funnel_by_campaign();

  @Message
  String funnel_by_variant();

  @Message
  String funnel_by_channel();

  @Message
  String funnel_by_segment();

  @Message
  String funnel_by_team();

  @Message
  String funnel_stage_clicks();

  @Message
  String funnel_stage_leads();

  @Message
  String funnel_stage_activated();

  @Message
  String funnel_stage_won();

  @Message
  String funnel_stage_retained();

  @Message
  String funnel_stage_referrals();

  @Message
  String funnel_hint_clicks();

  @Message
  String funnel_hint_leads();

  @Message
  String funnel_hint_activated();

  @Message
  String funnel_hint_won();

  @Message
  String funnel_hint_retained();

  @Message
  String funnel_hint_referrals();

  @Message
  String funnel_step_click_lead();

  @Message
  String funnel_step_lead_activated();

  @Message
  String funnel_step_lead_won();

  @Message
  String funnel_feedback_reject();

  @Message
  String funnel_feedback_quality();

  @Message
  String funnel_feedback_lost();

  @Message
  String funnel_feedback_competitor();

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
  String audit_type_member();

  @Message
  String audit_type_pipelinestage();

  @Message
  String audit_type_choice();

  @Message
  String audit_type_costentry();

  @Message
  String audit_type_reportsetting();

  @Message
  String audit_type_segmentband();

  @Message
  String audit_type_routingrule();

  @Message
  String audit_type_scoringrule();

  @Message
  String audit_type_activity();

  @Message
  String audit_type_importjob();

  @Message
  String import_layout_salesforce_account();

  @Message
  String import_layout_salesforce_contact();

  @Message
  String import_layout_salesforce_deal();

  @Message
  String import_layout_hubspot_account();

  @Message
  String import_layout_hubspot_contact();

  @Message
  String import_layout_hubspot_deal();

  @Message
  String import_layout_odoo_account();

  @Message
  String import_layout_odoo_contact();

  @Message
  String import_layout_odoo_deal();

  @Message
  String import_kind_lead();

  @Message
  String import_kind_account();

  @Message
  String import_kind_contact();

  @Message
  String import_kind_deal();

  @Message
  String import_target_name();

  @Message
  String import_target_website();

  @Message
  String import_target_account();

  @Message
  String import_target_isCompany();

  @Message
  String import_target_contact();

  @Message
  String import_target_amount();

  @Message
  String import_target_currency();

  @Message
  String import_target_stage();

  @Message
  String import_target_closeDate();

  @Message
  String import_target_lostReason();

  @Message
  String import_target_nextStep();

  @Message
  String import_reason_missing_account();

  @Message
  String import_reason_invalid_amount();

  @Message
  String import_reason_invalid_date();

  @Message
  String import_reason_missing_owner();

  @Message
  String import_reason_won_incomplete();

  @Message
  String import_reason_exists_kept();

  @Message
  String import_reason_account_of_another_rep();

  @Message
  String source_web_form();

  @Message
  String source_referral();

  @Message
  String source_api();

  @Message
  String source_import();

  @Message
  String source_manual();

  @Message
  String source_web();

  @Message
  String source_phone();

  @Message
  String source_walk_in();

  @Message
  String source_event();

  @Message
  String source_email();

  @Message
  String source_partner();

  @Message
  String source_other();

  @Message
  String source_search();

  @Message
  String source_social();

  @Message
  String source_display();

  @Message
  String source_events();

  @Message
  String source_content();
}
