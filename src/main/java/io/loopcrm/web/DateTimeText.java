package io.loopcrm.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDateTime;

/** A date and time as a datetime-local input posts it ("2026-12-31T09:30"), or blank. */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = DateTimeText.Check.class)
public @interface DateTimeText {
  String message() default "error_date_time";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Blank passes (the field is optional unless it also says {@code @NotBlank}). */
  class Check implements ConstraintValidator<DateTimeText, String> {
    /** The moment a valid text means on the wall clock, or null when it is blank or not one. */
    public static LocalDateTime parse(String text) {
      return io.loopcrm.common.Params.parseDateTime(text);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || parse(value) != null;
    }
  }
}
