package io.loopcrm.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The layout's, home page's and sign-out page's texts (navbar, language menu, footer). English in
 * {@code messages/lay.properties}, Simplified Chinese in {@code messages/lay_zh_CN.properties};
 * templates write {@code {lay:key}} and the build checks each against this interface. Generated
 * from the properties file; a bundle stays under 300 keys (Quarkus 3.33 generates broken bytecode
 * for larger ones).
 */
@MessageBundle(value = "lay", locale = "en")
public interface LayoutMsg {
  @Message
  String app_name();

  @Message
  String footer_tagline();

  @Message
  String sign_in();

  @Message
  String nav_toggle();

  @Message
  String nav_logout();

  @Message
  String lang_current();

  @Message
  String lang_en();

  @Message
  String lang_zh();

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
  String sign_out_title();

  @Message
  String sign_out_text();

  @Message
  String sign_out_stay();
}
