package io.loopcrm.admin;

import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A user as submitted on the admin's create or edit form ({@link UserInput}), checked before
 * Keycloak is called.
 */
public record UserForm(
    String username,
    String firstName,
    String lastName,
    String email,
    boolean enabled,
    Set<String> roles,
    Team team,
    String password,
    FormErrors errors,
    Map<String, String> values) {
  /**
   * The posted fields checked by their constraints ({@code creating} adds a new user's), plus the
   * two rules of the admin's own account: not without the admin role, not disabled.
   */
  public static UserForm of(boolean creating, boolean self, UserInput in, Validator validator) {
    String user = in.username == null ? "" : in.username.trim().toLowerCase(Locale.ROOT);
    String first = in.firstName == null ? "" : in.firstName.trim();
    String last = in.lastName == null ? "" : in.lastName.trim();
    String mail = in.email == null ? "" : in.email.trim();
    String pass = in.password == null ? "" : in.password;
    Map<String, String> values = new HashMap<>();
    values.put("username", user);
    values.put("firstName", first);
    values.put("lastName", last);
    values.put("email", mail);
    values.put("team", in.team == null ? "" : in.team);
    Set<String> chosen = new LinkedHashSet<>();
    for (String role : Roles.ALL) {
      if (in.roles != null && in.roles.contains(role)) {
        chosen.add(role);
      }
    }
    boolean isEnabled = creating || "on".equals(in.enabled) || "true".equals(in.enabled);
    FormErrors errors = new FormErrors();
    if (self && !chosen.contains(Roles.ADMIN)) {
      errors.add("roles", "users_error_self_admin");
    }
    if (self && !isEnabled) {
      errors.add("enabled", "users_error_self_disable");
    }
    errors.addAll(
        FormErrors.of(
            creating
                ? validator.validate(in, Default.class, UserInput.Creating.class)
                : validator.validate(in)));
    return new UserForm(
        user,
        first,
        last,
        mail,
        isEnabled,
        chosen,
        UserInput.team(in.team),
        pass.isEmpty() ? null : pass,
        errors,
        values);
  }

  public String displayName() {
    return firstName + " " + lastName;
  }
}
