package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin pages' own texts (users, teams, settings, audit). English in {@code
 * messages/adm.properties}, Simplified Chinese in {@code messages/adm_zh_CN.properties}; templates
 * write {@code {adm:key}} and the build checks each against this interface. Generated from the
 * properties file; a bundle stays under 300 keys (Quarkus 3.33 generates broken bytecode for larger
 * ones).
 */
@MessageBundle(value = "adm", locale = "en")
public interface AdminMsg {
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
  String audit_fields(String count);

  @Message
  String pager_prev();

  @Message
  String users_title();

  @Message
  String users_new();

  @Message
  String users_create();

  @Message
  String users_edit(String name);

  @Message
  String users_search();

  @Message
  String users_search_hint();

  @Message
  String users_none();

  @Message
  String users_name();

  @Message
  String users_username_help();

  @Message
  String users_roles();

  @Message
  String users_roles_help();

  @Message
  String users_no_role();

  @Message
  String users_team();

  @Message
  String users_no_team();

  @Message
  String users_status();

  @Message
  String users_enabled();

  @Message
  String users_disabled();

  @Message
  String users_last_login();

  @Message
  String users_temporary_password();

  @Message
  String users_new_password();

  @Message
  String users_password_help();

  @Message
  String users_enabled_label();

  @Message
  String users_enabled_help();

  @Message
  String form_cancel();

  @Message
  String teams_title();

  @Message
  String teams_help();

  @Message
  String teams_none();

  @Message
  String teams_name();

  @Message
  String teams_manager();

  @Message
  String teams_members();

  @Message
  String teams_new();

  @Message
  String teams_create();

  @Message
  String teams_no_manager();

  @Message
  String teams_manager_help();

  @Message
  String teams_no_people();

  @Message
  String teams_now_in(String team);

  @Message
  String teams_members_help();

  @Message
  String settings_title();

  @Message
  String settings_help();

  @Message
  String settings_stages();

  @Message
  String settings_stages_help();

  @Message
  String settings_stage_name();

  @Message
  String settings_stage_position();

  @Message
  String settings_stage_probability();

  @Message
  String settings_stage_kind();

  @Message
  String settings_kind_open();

  @Message
  String settings_kind_won();

  @Message
  String settings_kind_lost();

  @Message
  String settings_new_stage();

  @Message
  String settings_add();

  @Message
  String settings_remove();

  @Message
  String settings_restore();

  @Message
  String settings_archived();

  @Message
  String settings_value_name();

  @Message
  String settings_value_hint();

  @Message
  String settings_currency_hint();

  @Message
  String settings_list_empty();

  @Message
  String settings_reject_reasons();

  @Message
  String settings_reject_reasons_help();

  @Message
  String settings_lost_reasons();

  @Message
  String settings_lost_reasons_help();

  @Message
  String settings_competitors();

  @Message
  String settings_competitors_help();

  @Message
  String settings_currencies();

  @Message
  String settings_currencies_help();

  @Message
  String settings_retention();

  @Message
  String settings_retention_help();

  @Message
  String settings_retention_days();

  @Message
  String settings_first_response();

  @Message
  String settings_first_response_help();

  @Message
  String settings_first_response_minutes();

  @Message
  String settings_segments();

  @Message
  String settings_segments_help();

  @Message
  String settings_segment_size(String size);

  @Message
  String mail_templates_title();

  @Message
  String mail_templates_help();

  @Message
  String mail_templates_none();

  @Message
  String mail_templates_name();

  @Message
  String mail_templates_language();

  @Message
  String mail_templates_new();

  @Message
  String mail_templates_create();

  @Message
  String mail_templates_archived();

  @Message
  String mail_templates_archive();

  @Message
  String mail_templates_back();

  @Message
  String mail_templates_fields();

  @Message
  String audit_field_name();

  @Message
  String audit_field_firstName();

  @Message
  String audit_field_lastName();

  @Message
  String audit_field_email();

  @Message
  String audit_field_phone();

  @Message
  String audit_field_company();

  @Message
  String audit_field_title();

  @Message
  String audit_field_region();

  @Message
  String audit_field_segment();

  @Message
  String audit_field_industry();

  @Message
  String audit_field_companySize();

  @Message
  String audit_field_source();

  @Message
  String audit_field_status();

  @Message
  String audit_field_owner();

  @Message
  String audit_field_amount();

  @Message
  String audit_field_currency();

  @Message
  String audit_field_expectedClose();

  @Message
  String audit_field_probability();

  @Message
  String audit_field_nextStep();

  @Message
  String audit_field_stage();

  @Message
  String audit_field_contact();

  @Message
  String audit_field_account();

  @Message
  String audit_field_lostReason();

  @Message
  String audit_field_competitor();

  @Message
  String audit_field_budget();

  @Message
  String audit_field_startsOn();

  @Message
  String audit_field_endsOn();

  @Message
  String audit_field_objective();

  @Message
  String audit_field_channel();

  @Message
  String audit_field_headline();

  @Message
  String audit_field_body();

  @Message
  String audit_field_callToAction();

  @Message
  String audit_field_weight();

  @Message
  String audit_field_landingUrl();

  @Message
  String audit_field_team();

  @Message
  String audit_field_label();

  @Message
  String audit_field_position();

  @Message
  String audit_field_kind();

  @Message
  String audit_field_archived();

  @Message
  String audit_field_rejectReason();

  @Message
  String audit_field_subject();

  @Message
  String audit_field_notes();

  @Message
  String audit_field_dueAt();

  @Message
  String audit_field_doneAt();

  @Message
  String audit_field_routingNote();

  @Message
  String audit_field_assignedAt();

  @Message
  String audit_field_firstResponseAt();

  @Message
  String audit_field_convertedDealId();

  @Message
  String audit_field_member();

  @Message
  String audit_field_domain();

  @Message
  String audit_field_website();
}
