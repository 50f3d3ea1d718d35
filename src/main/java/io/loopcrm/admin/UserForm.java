package io.loopcrm.admin;

import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.loopcrm.web.FormErrors;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A user as submitted on the admin's create or edit form, checked before Keycloak is called. */
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
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,49}");

  /**
   * Parses and checks the form; {@code creating} asks for a username and a temporary password,
   * {@code self} refuses the admin's own lock-out.
   */
  public static UserForm parse(
      boolean creating,
      boolean self,
      String username,
      String firstName,
      String lastName,
      String email,
      String enabled,
      List<String> roles,
      String team,
      String password) {
    FormErrors errors = new FormErrors();
    Map<String, String> values = new HashMap<>();
    String user = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    String first = firstName == null ? "" : firstName.trim();
    String last = lastName == null ? "" : lastName.trim();
    String mail = email == null ? "" : email.trim();
    String pass = password == null ? "" : password;
    values.put("username", user);
    values.put("firstName", first);
    values.put("lastName", last);
    values.put("email", mail);
    values.put("team", team == null ? "" : team);
    if (creating && !USERNAME.matcher(user).matches()) {
      errors.add("username", "users_error_username");
    }
    if (first.isEmpty()) {
      errors.add("firstName", "error_required");
    } else if (first.length() > 100) {
      errors.add("firstName", "error_too_long_100");
    }
    // Keycloak's user profile asks every user for a last name at sign-in when it is missing
    if (last.isEmpty()) {
      errors.add("lastName", "error_required");
    } else if (last.length() > 100) {
      errors.add("lastName", "error_too_long_100");
    }
    if (mail.isEmpty()) {
      errors.add("email", "error_required");
    } else if (!io.loopcrm.lead.Lead.isEmail(mail)) {
      errors.add("email", "error_email");
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String role : Roles.ALL) {
      if (roles != null && roles.contains(role)) {
        chosen.add(role);
      }
    }
    if (self && !chosen.contains(Roles.ADMIN)) {
      errors.add("roles", "users_error_self_admin");
    }
    if (roles != null && roles.stream().anyMatch(r -> !Roles.ALL.contains(r))) {
      errors.add("roles", "users_error_role_unknown");
    } else if (chosen.isEmpty()) {
      errors.add("roles", "users_error_role_required");
    }
    boolean isEnabled = creating || "on".equals(enabled) || "true".equals(enabled);
    if (self && !isEnabled) {
      errors.add("enabled", "users_error_self_disable");
    }
    Team chosenTeam = null;
    if (team != null && !team.isBlank()) {
      try {
        chosenTeam = Team.findById(Long.valueOf(team.trim()));
      } catch (NumberFormatException e) {
        chosenTeam = null;
      }
      if (chosenTeam == null) {
        errors.add("team", "users_error_team");
      }
    }
    if ((creating || !pass.isEmpty()) && (pass.length() < 8 || pass.length() > 128)) {
      errors.add("password", "users_error_password");
    }
    return new UserForm(
        user,
        first,
        last,
        mail,
        isEnabled,
        chosen,
        chosenTeam,
        pass.isEmpty() ? null : pass,
        errors,
        values);
  }

  public String displayName() {
    return firstName + " " + lastName;
  }
}
