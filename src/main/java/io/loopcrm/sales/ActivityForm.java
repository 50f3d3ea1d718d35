package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.people.Member;
import io.loopcrm.web.FormErrors;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A logged call, e-mail, meeting or note, or a scheduled task, as submitted; checked on the server.
 */
record ActivityForm(
    Activity.Kind kind,
    String subject,
    String notes,
    Instant due,
    UUID formKey,
    FormErrors errors,
    Map<String, String> values) {

  static ActivityForm parse(
      String kind, String subject, String notes, String due, String formKey, ZoneId zone) {
    FormErrors errors = new FormErrors();
    Map<String, String> values = new HashMap<>();
    values.put("kind", kind == null ? "" : kind);
    values.put("subject", subject == null ? "" : subject);
    values.put("notes", notes == null ? "" : notes);
    values.put("due", due == null ? "" : due);

    Activity.Kind k = null;
    try {
      k = kind == null ? null : Activity.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (k == null) {
      errors.add("kind", "activity_error_kind");
    }
    String s = subject == null ? "" : subject.trim();
    if (s.isEmpty()) {
      errors.add("subject", "error_required");
    } else if (s.length() > 200) {
      errors.add("subject", "error_too_long_200");
    }
    String n = notes == null || notes.isBlank() ? null : notes.trim();
    if (n != null && n.length() > 10_000) {
      errors.add("notes", "error_too_long_10000");
    }
    Instant d = null;
    if (due != null && !due.isBlank()) {
      try {
        d = LocalDateTime.parse(due.trim()).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        errors.add("due", "error_date_time");
      }
    }
    if (k == Activity.Kind.TASK && d == null && !errors.has("due")) {
      errors.add("due", "activity_error_task_needs_due");
    }
    UUID key = null;
    try {
      key = formKey == null ? null : UUID.fromString(formKey);
    } catch (IllegalArgumentException e) {
      // a missing key only loses the double-submit guard
    }
    return new ActivityForm(k, s, n, d, key, errors, values);
  }

  static ActivityForm parse(ActivityInput in, ZoneId zone) {
    return parse(in.kind, in.subject, in.notes, in.due, in.formKey, zone);
  }

  /**
   * Saves the activity for {@code owner}, attached by {@code attach}; nothing when this very form
   * was saved before (a double click or a resubmit).
   */
  java.util.Optional<Activity> save(Member owner, java.util.function.Consumer<Activity> attach) {
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
