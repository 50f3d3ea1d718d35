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

  @Message
  String error_home();

  @Message
  String error_reference(String ref);

  @Message
  String error_400_title();

  @Message
  String error_400_text();

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
  String error_413_title();

  @Message
  String error_413_text();

  @Message
  String error_500_title();

  @Message
  String error_500_text();

  @Message
  String error_503_title();

  @Message
  String error_503_text();

  @Message
  String confirm_delete();

  @Message
  String confirm_remove();
}
