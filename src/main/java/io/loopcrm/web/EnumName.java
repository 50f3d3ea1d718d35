package io.loopcrm.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;

/**
 * The name of one of an enum's constants in any case ("task" for {@code TASK}), as a form's choice
 * posts it. Blank is not a name.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = EnumName.Check.class)
public @interface EnumName {
  Class<? extends Enum<?>> value();

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Whether a blank value passes (an optional choice); by default one is required. */
  boolean optional() default false;

  class Check implements ConstraintValidator<EnumName, String> {
    private Enum<?>[] constants;
    private boolean optional;

    /** The constant a text names, or null. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    @Override
    public void initialize(EnumName annotation) {
      constants = annotation.value().getEnumConstants();
      optional = annotation.optional();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
      if (name.isEmpty() && optional) {
        return true;
      }
      return Arrays.stream(constants).anyMatch(c -> c.name().equals(name));
    }
  }
}
