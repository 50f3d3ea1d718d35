package io.loopcrm.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A day as a date input posts it ("2026-12-31"), years 1 to 9999, or blank. */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = IsoDate.Check.class)
public @interface IsoDate {
  String message() default "error_date";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Blank passes (the field is optional unless it also says {@code @NotBlank}). */
  class Check implements ConstraintValidator<IsoDate, String> {
    /** The day a valid text means, or null when it is blank or not a day. */
    public static LocalDate parse(String text) {
      return io.loopcrm.common.Params.parseDate(text);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || parse(value) != null;
    }
  }
}
