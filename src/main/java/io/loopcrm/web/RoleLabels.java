package io.loopcrm.web;

import io.quarkus.qute.TemplateExtension;

/**
 * Templates write {@code {msg:message(role.roleKey)}} to show a realm role in the user's language.
 */
@TemplateExtension
public class RoleLabels {
  private RoleLabels() {}

  static String roleKey(String role) {
    return "role_" + role.replace('-', '_');
  }
}
