package io.loopcrm.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An e-mail's text, written by a rep or in a template: at most 10,000 characters (what the
 * timeline's notes hold). Blank passes: say {@code @NotBlank} where it is required.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = {})
@Size(max = 10_000, message = "error_too_long_10000")
public @interface MailBody {
  String message() default "error_too_long_10000";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
