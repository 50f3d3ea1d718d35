package io.loopcrm.web;

import jakarta.validation.ConstraintValidatorContext;

/**
 * For class-level constraints that check several fields: reports a message key on one field, so
 * that {@link FormErrors} shows it next to that field, instead of the constraint's own message.
 */
public final class FieldViolation {
  private FieldViolation() {}

  /** Reports {@code key} on {@code field}; returns false, the constraint's answer. */
  public static boolean refuse(ConstraintValidatorContext context, String field, String key) {
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(key)
        .addPropertyNode(field)
        .addConstraintViolation();
    return false;
  }
}
