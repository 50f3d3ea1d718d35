package io.loopcrm.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A count as typed: a whole number of 0 or more, or blank. */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = WholeNumber.Check.class)
public @interface WholeNumber {
  String message() default "campaign_error_count";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Blank passes (the field is optional unless it also says {@code @NotBlank}). */
  class Check implements ConstraintValidator<WholeNumber, String> {
    /** The count a valid text means, or null when it is blank or not one. */
    public static Integer parse(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        int i = Integer.parseInt(text.trim());
        return i < 0 ? null : i;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || parse(value) != null;
    }
  }
}
