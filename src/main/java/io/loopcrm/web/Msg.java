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
}
