package io.loopcrm.settings;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * One of the admin's currencies. An archived one stays valid: the records that already use it can
 * still be saved; forms offer only the active ones.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = KnownCurrency.Check.class)
public @interface KnownCurrency {
  String message() default "error_currency";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Blank is not a currency. */
  class Check implements ConstraintValidator<KnownCurrency, String> {
    @Inject Choices choices;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      String code = value == null ? "" : value.trim();
      return choices.all(ChoiceList.CURRENCY).stream().anyMatch(o -> o.code().equals(code));
    }
  }
}
