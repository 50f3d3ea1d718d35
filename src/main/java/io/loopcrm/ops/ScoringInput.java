package io.loopcrm.ops;

import io.loopcrm.scoring.ScoringRule;
import io.loopcrm.web.FieldViolation;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A scoring rule as posted: a fit attribute with the value it must have, or an engagement (a click,
 * a form, a referral), and the points it gives, from -1,000 to 1,000 and not 0 ({@link
 * ValueForFit}: a fit rule needs its value).
 */
@ScoringInput.ValueForFit
public class ScoringInput {
  @RestForm
  @NotBlank(message = "scoring_error_attribute")
  public String attribute;

  @RestForm
  @Size(max = 100, message = "error_too_long_100")
  public String value;

  @RestForm
  @NotBlank(message = "scoring_error_points")
  @Pattern(regexp = "\\s*[-+]?0*([1-9][0-9]{0,2}|1000)\\s*", message = "scoring_error_points")
  public String points;

  boolean isFit() {
    return ScoringRule.FIT.contains(attribute);
  }

  /** The rule; call once the form is valid. */
  ScoringRule toRule() {
    ScoringRule r = new ScoringRule();
    r.kind = isFit() ? "fit" : "engagement";
    r.attribute = attribute;
    r.value = isFit() ? value.trim() : null;
    r.points = Integer.parseInt(points.trim());
    return r;
  }

  /** What the user typed, to show the form again. */
  Map<String, String> values() {
    Map<String, String> m = new HashMap<>();
    m.put("attribute", attribute == null ? "" : attribute);
    m.put("value", value == null ? "" : value);
    m.put("points", points == null ? "" : points);
    return m;
  }

  /** The attribute is one of the lists'; a fit attribute needs the value a lead must have. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = ValueForFit.Check.class)
  @interface ValueForFit {
    String message() default "scoring_error_attribute";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValueForFit, ScoringInput> {
      @Override
      public boolean isValid(ScoringInput in, ConstraintValidatorContext context) {
        if (in.attribute == null || in.attribute.isBlank()) {
          return true; // @NotBlank says it
        }
        if (!in.isFit() && !ScoringRule.ENGAGEMENT.contains(in.attribute)) {
          return FieldViolation.refuse(context, "attribute", "scoring_error_attribute");
        }
        if (in.isFit() && (in.value == null || in.value.isBlank())) {
          return FieldViolation.refuse(context, "value", "error_required");
        }
        return true;
      }
    }
  }
}
