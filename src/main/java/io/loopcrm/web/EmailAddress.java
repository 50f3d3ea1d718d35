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

/** An e-mail address as leads, contacts and users keep them ({@link Lead#isEmail}), or blank. */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = EmailAddress.Check.class)
public @interface EmailAddress {
  String message() default "error_email";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Blank passes (the field is optional unless it also says {@code @NotBlank}). */
  class Check implements ConstraintValidator<EmailAddress, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || Lead.isEmail(value);
    }
  }
}
