package io.loopcrm.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.loopcrm.mail.Addresses;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * E-mail addresses separated by commas or semicolons ({@link Addresses#parse}: each one strictly,
 * at most 20), or blank.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = EmailAddresses.Check.class)
public @interface EmailAddresses {
  String message() default "mail_error_addresses";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Blank passes (the field is optional unless it also says {@code @NotBlank}). */
  class Check implements ConstraintValidator<EmailAddresses, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || Addresses.parse(value) != null;
    }
  }
}
