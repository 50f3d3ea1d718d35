package io.loopcrm.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * A money amount as typed into a form: blank, or 0 or more with at most two decimals and twelve
 * whole digits ("1250.50", "48,000"); the columns are numeric(14, 2).
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = Amount.Check.class)
public @interface Amount {
  String message() default "error_amount";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Blank passes (the field is optional unless it also says {@code @NotBlank}). */
  class Check implements ConstraintValidator<Amount, String> {
    /** The amount a valid text means, or null when it is blank or not an amount. */
    public static BigDecimal parse(String text) {
      BigDecimal a = io.loopcrm.common.Params.parseDecimal(text, 12, 2);
      return a == null || a.signum() < 0 ? null : a;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || parse(value) != null;
    }
  }
}
