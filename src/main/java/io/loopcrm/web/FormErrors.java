package io.loopcrm.web;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Field → message key of what is wrong with a submitted form; templates print them next to the
 * field.
 */
public class FormErrors {
  private final Map<String, String> errors = new LinkedHashMap<>();

  public static FormErrors none() {
    return new FormErrors();
  }

  public static <T> FormErrors of(Set<ConstraintViolation<T>> violations) {
    FormErrors e = new FormErrors();
    for (ConstraintViolation<T> v : violations) {
      String field = v.getPropertyPath().toString();
      e.errors.putIfAbsent(field.substring(field.lastIndexOf('.') + 1), v.getMessage());
    }
    return e;
  }

  public FormErrors add(String field, String messageKey) {
    errors.putIfAbsent(field, messageKey);
    return this;
  }

  /** Adds the other's errors, each on a field that has none yet. */
  public FormErrors addAll(FormErrors other) {
    other.errors.forEach(errors::putIfAbsent);
    return this;
  }

  /** Field → message key, in the order the errors were found. */
  public Map<String, String> asMap() {
    return java.util.Collections.unmodifiableMap(errors);
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public String get(String field) {
    return errors.get(field);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public boolean isPresent() {
    return !errors.isEmpty();
  }
}
