package io.loopcrm.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.loopcrm.lead.Lead;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A phone number that has digits to dial ({@link Lead#normalizePhone}), or blank. */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = PhoneNumber.Check.class)
public @interface PhoneNumber {
  String message() default "error_phone";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Blank passes (the field is optional unless it also says {@code @NotBlank}). */
  class Check implements ConstraintValidator<PhoneNumber, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || Lead.normalizePhone(value) != null;
    }
  }
}
