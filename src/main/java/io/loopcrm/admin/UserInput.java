package io.loopcrm.admin;

import io.loopcrm.people.Roles;
import io.loopcrm.people.Team;
import io.loopcrm.web.EmailAddress;
import io.loopcrm.web.FieldViolation;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A user as the admin's create or edit form posts it, with its rules; the {@link Creating} group
 * adds what only a new user needs (a username, a temporary password). Keycloak's user profile asks
 * every user for a last name at sign-in when it is missing, so it is required here.
 */
@UserInput.Rules
public class UserInput {
  /** The rules of a new user's form on top of the default ones. */
  public interface Creating {}

  @RestForm
  @NotBlank(groups = Creating.class, message = "users_error_username")
  @Pattern(
      regexp = "\\s*[A-Za-z0-9][A-Za-z0-9._-]{1,49}\\s*",
      groups = Creating.class,
      message = "users_error_username")
  public String username;

  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 100, message = "error_too_long_100")
  public String firstName;

  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 100, message = "error_too_long_100")
  public String lastName;

  @RestForm
  @NotBlank(message = "error_required")
  @EmailAddress
  public String email;

  @RestForm public String enabled;

  @RestForm public List<String> roles;

  @RestForm public String team;

  /** Left empty on the edit form, the password stays as it is. */
  @RestForm
  @NotEmpty(groups = Creating.class, message = "users_error_password")
  @Pattern(regexp = "|.{8,128}", flags = Pattern.Flag.DOTALL, message = "users_error_password")
  public String password;

  /** Roles that exist, at least one; a team that exists. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = Rules.Check.class)
  @interface Rules {
    String message() default "users_error_role_required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Rules, UserInput> {
      @Override
      public boolean isValid(UserInput in, ConstraintValidatorContext context) {
        boolean ok = true;
        List<String> roles = in.roles == null ? List.of() : in.roles;
        if (roles.stream().anyMatch(r -> !Roles.ALL.contains(r))) {
          ok = FieldViolation.refuse(context, "roles", "users_error_role_unknown");
        } else if (roles.isEmpty()) {
          ok = FieldViolation.refuse(context, "roles", "users_error_role_required");
        }
        if (in.team != null && !in.team.isBlank() && team(in.team) == null) {
          ok = FieldViolation.refuse(context, "team", "users_error_team");
        }
        return ok;
      }
    }
  }

  /** The team a form's value names, or null. */
  static Team team(String value) {
    try {
      return value == null || value.isBlank() ? null : Team.findById(Long.valueOf(value.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
