package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.people.Member;
import io.loopcrm.web.DateTimeText;
import io.loopcrm.web.EnumName;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A logged call, e-mail, meeting or note, or a scheduled task, as submitted; checked on the server.
 */
public record ActivityForm(
    Activity.Kind kind,
    String subject,
    String notes,
    Instant due,
    UUID formKey,
    FormErrors errors,
    Map<String, String> values) {

  /** The posted fields checked by their constraints; the due time is on {@code zone}'s clock. */
  public static ActivityForm of(ActivityInput in, ZoneId zone, Validator validator) {
    Map<String, String> values = new HashMap<>();
    values.put("kind", in.kind == null ? "" : in.kind);
    values.put("subject", in.subject == null ? "" : in.subject);
    values.put("notes", in.notes == null ? "" : in.notes);
    values.put("due", in.due == null ? "" : in.due);
    LocalDateTime due = DateTimeText.Check.parse(in.due);
    // a missing or malformed key only loses the double-submit guard
    UUID key = io.loopcrm.common.Params.parseUuid(in.formKey);
    return new ActivityForm(
        EnumName.Check.parse(Activity.Kind.class, in.kind),
        in.subject == null ? "" : in.subject.trim(),
        in.notes == null || in.notes.isBlank() ? null : in.notes.trim(),
        due == null ? null : due.atZone(zone).toInstant(),
        key,
        FormErrors.of(validator.validate(in)),
        values);
  }

  /**
   * Saves the activity for {@code owner}, attached by {@code attach}; nothing when this very form
   * was saved before (a double click or a resubmit).
   */
  public java.util.Optional<Activity> save(
      Member owner, java.util.function.Consumer<Activity> attach) {
    if (!isNew()) {
      return java.util.Optional.empty();
    }
    Activity activity = toActivity(owner);
    attach.accept(activity);
    activity.persist();
    return java.util.Optional.of(activity);
  }

  /** False when this very form was already saved (a double click or a resubmit). */
  boolean isNew() {
    return formKey == null || Activity.count("formKey", formKey) == 0;
  }

  Activity toActivity(Member owner) {
    Activity a = new Activity();
    a.kind = kind;
    a.subject = subject;
    a.notes = notes;
    a.dueAt = due;
    a.owner = owner;
    a.formKey = formKey;
    if (kind != Activity.Kind.TASK) {
      a.doneAt = Instant.now();
    }
    return a;
  }
}
