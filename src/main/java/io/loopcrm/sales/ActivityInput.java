package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.web.DateTimeText;
import io.loopcrm.web.EnumName;
import io.loopcrm.web.FieldViolation;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The activity form's fields as posted, on the lead page and the deal page alike (and a task's own
 * page, which posts no kind); a task needs a due date ({@link TaskDue}).
 */
@ActivityInput.TaskDue
public class ActivityInput {
  @RestForm
  @EnumName(value = Activity.Kind.class, message = "activity_error_kind")
  public String kind;

  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 200, message = "error_too_long_200")
  public String subject;

  @RestForm
  @Size(max = 10_000, message = "error_too_long_10000")
  public String notes;

  @RestForm @DateTimeText public String due;

  @RestForm public String formKey;

  /** A task without a (valid) due date is refused at the due field. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = TaskDue.Check.class)
  @interface TaskDue {
    String message() default "activity_error_task_needs_due";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<TaskDue, ActivityInput> {
      @Override
      public boolean isValid(ActivityInput in, ConstraintValidatorContext context) {
        boolean task = EnumName.Check.parse(Activity.Kind.class, in.kind) == Activity.Kind.TASK;
        boolean noDue = in.due == null || in.due.isBlank();
        if (!task || !noDue) {
          return true;
        }
        return FieldViolation.refuse(context, "due", "activity_error_task_needs_due");
      }
    }
  }
}
