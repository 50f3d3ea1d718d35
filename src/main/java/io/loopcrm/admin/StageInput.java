package io.loopcrm.admin;

import static io.loopcrm.web.FormText.integer;

import io.loopcrm.deal.PipelineStage;
import io.loopcrm.web.EnumName;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Percent;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A pipeline stage as posted: its name (required for a new stage, blank on a built-in one brings
 * the translated name back), position 1–999, default probability 0–100 and kind.
 */
public class StageInput {
  /** A new stage's rules on top of the default ones: a name. */
  public interface Adding {}

  /** An existing stage's rules on top of the default ones: a position. */
  public interface Editing {}

  @RestForm
  @NotBlank(groups = Adding.class, message = "error_required")
  @Size(max = 100, message = "error_too_long_100")
  public String label;

  @RestForm
  @NotBlank(groups = Editing.class, message = "settings_error_position")
  @Pattern(
      regexp = "\\s*0*[1-9][0-9]{0,2}\\s*",
      groups = Editing.class,
      message = "settings_error_position")
  public String position;

  @RestForm
  @NotBlank(message = "error_probability")
  @Percent
  public String probability;

  @RestForm
  @EnumName(value = PipelineStage.Kind.class, message = "settings_error_kind")
  public String kind;

  /** What is wrong with the fields; {@code isNew} forms have no position. */
  FormErrors errors(Validator validator, boolean isNew) {
    return FormErrors.of(
        validator.validate(this, Default.class, isNew ? Adding.class : Editing.class));
  }

  String cleanLabel() {
    return SettingsPage.trim(label);
  }

  int positionValue() {
    return integer(position);
  }

  int probabilityValue() {
    return integer(probability);
  }

  PipelineStage.Kind kindValue() {
    return EnumName.Check.parse(PipelineStage.Kind.class, kind);
  }

  /** What the user typed, to show the form again. */
  Map<String, String> values() {
    return SettingsPage.values(
        "label", label, "position", position, "probability", probability, "kind", kind);
  }
}
