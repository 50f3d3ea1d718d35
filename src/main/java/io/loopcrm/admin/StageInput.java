package io.loopcrm.admin;

import static io.loopcrm.web.FormText.integer;

import io.loopcrm.deal.PipelineStage;
import io.loopcrm.web.FormErrors;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A pipeline stage as posted: its name (required for a new stage, blank on a built-in one brings
 * the translated name back), position 1–999, default probability 0–100 and kind.
 */
public class StageInput {
  @RestForm public String label;
  @RestForm public String position;
  @RestForm public String probability;
  @RestForm public String kind;

  /** What is wrong with the fields; {@code isNew} forms have no position. */
  FormErrors errors(boolean isNew) {
    FormErrors errors = new FormErrors();
    String name = cleanLabel();
    if (isNew && name.isEmpty()) {
      errors.add("label", "error_required");
    } else if (name.length() > 100) {
      errors.add("label", "error_too_long_100");
    }
    if (!isNew) {
      Integer pos = integer(position);
      if (pos == null || pos < 1 || pos > 999) {
        errors.add("position", "settings_error_position");
      }
    }
    Integer p = integer(probability);
    if (p == null || p < 0 || p > 100) {
      errors.add("probability", "error_probability");
    }
    if (kindValue() == null) {
      errors.add("kind", "settings_error_kind");
    }
    return errors;
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
    for (PipelineStage.Kind k : PipelineStage.Kind.values()) {
      if (k.name().equalsIgnoreCase(SettingsPage.trim(kind))) {
        return k;
      }
    }
    return null;
  }

  /** What the user typed, to show the form again. */
  Map<String, String> values() {
    return SettingsPage.values(
        "label", label, "position", position, "probability", probability, "kind", kind);
  }
}
