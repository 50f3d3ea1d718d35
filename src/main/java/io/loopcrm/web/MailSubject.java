package io.loopcrm.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An e-mail's subject, written by a rep or in a template: at most 200 characters (the timeline's
 * subject) on one line (a line break in a header would let the writer add headers of their own).
 * Blank passes: say {@code @NotBlank} where it is required.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = {})
@Size(max = 200, message = "error_too_long_200")
@Pattern(regexp = "[^\\r\\n]*", message = "mail_error_one_line")
public @interface MailSubject {
  String message() default "mail_error_one_line";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
