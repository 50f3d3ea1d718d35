package io.loopcrm.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A whole percentage from 0 to 100 as typed, or blank. */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = Percent.Check.class)
public @interface Percent {
  String message() default "error_probability";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Blank passes (the field is optional unless it also says {@code @NotBlank}). */
  class Check implements ConstraintValidator<Percent, String> {
    /** The percentage a valid text means, or null when it is blank or not one. */
    public static Integer parse(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        int p = Integer.parseInt(text.trim());
        return p < 0 || p > 100 ? null : p;
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
