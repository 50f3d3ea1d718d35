package io.loopcrm.admin;

import io.loopcrm.people.Team;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A team as posted: its name (unique, case aside), and on the team's page its manager and members.
 * {@link #errors} adds the name's uniqueness to the field rules; the resource checks the people.
 */
public class TeamInput {
  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 100, message = "error_too_long_100")
  public String name;

  @RestForm public String manager;
  @RestForm public List<Long> members;

  /** The name as saved. */
  String name() {
    return name == null ? "" : name.trim();
  }

  /** What is wrong with the name; {@code self} is the team being edited (null for a new one). */
  FormErrors errors(Validator validator, Long self) {
    FormErrors errors = FormErrors.of(validator.validate(this));
    if (!errors.has("name")
        && Team.count(
                "lower(name) = ?1 and id <> ?2", name().toLowerCase(), self == null ? -1L : self)
            > 0) {
      errors.add("name", "teams_error_name_taken");
    }
    return errors;
  }

  /** What the user typed, to show the form again. */
  Map<String, String> values() {
    Map<String, String> m = new HashMap<>();
    m.put("name", name());
    m.put("manager", manager == null ? "" : manager);
    return m;
  }
}
