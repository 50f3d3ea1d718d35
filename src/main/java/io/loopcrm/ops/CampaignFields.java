package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.people.Member;
import io.loopcrm.settings.KnownCurrency;
import io.loopcrm.web.Amount;
import io.loopcrm.web.EnumName;
import io.loopcrm.web.FieldViolation;
import io.loopcrm.web.IsoDate;
import io.loopcrm.web.WholeNumber;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The campaign form's fields as posted, with their rules: each field's own, and {@link Rules} for
 * the ones that look at lists or other fields (channel, company size, the end after the start, the
 * owner and the parent campaign existing).
 */
@CampaignFields.Rules
public class CampaignFields {
  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 200, message = "error_too_long_200")
  public String name;

  @RestForm
  @EnumName(value = Campaign.Objective.class, message = "campaign_error_objective")
  public String objective;

  @RestForm public String channel;
  @RestForm @IsoDate public String startsOn;
  @RestForm @IsoDate public String endsOn;
  @RestForm @Amount public String budget;
  @RestForm @KnownCurrency public String currency;

  @RestForm
  @Size(max = 60, message = "form_error_too_long")
  public String targetRegion;

  @RestForm
  @Size(max = 80, message = "form_error_too_long")
  public String targetIndustry;

  @RestForm public String targetCompanySize;
  @RestForm @WholeNumber public String goalLeads;
  @RestForm @WholeNumber public String goalActivated;
  @RestForm @WholeNumber public String goalRetained;
  @RestForm @Amount public String goalRevenue;
  @RestForm @WholeNumber public String goalReferrals;

  @RestForm
  @Pattern(regexp = "\\s*\\d{0,18}\\s*", message = "campaign_error_owner")
  public String owner;

  @RestForm
  @Pattern(regexp = "\\s*\\d{0,18}\\s*", message = "campaign_error_parent")
  public String parent;

  /** The audience it reaches, by id. */
  @RestForm
  @Pattern(regexp = "\\s*\\d{0,18}\\s*", message = "error_choice")
  public String audience;

  /** A field as the form shows it again: as typed, "" for none. */
  Map<String, String> values() {
    Map<String, String> m = new HashMap<>();
    m.put("name", name);
    m.put("objective", objective);
    m.put("channel", channel);
    m.put("startsOn", startsOn);
    m.put("endsOn", endsOn);
    m.put("budget", budget);
    m.put("currency", currency);
    m.put("targetRegion", targetRegion);
    m.put("targetIndustry", targetIndustry);
    m.put("targetCompanySize", targetCompanySize);
    m.put("goalLeads", goalLeads);
    m.put("goalActivated", goalActivated);
    m.put("goalRetained", goalRetained);
    m.put("goalRevenue", goalRevenue);
    m.put("goalReferrals", goalReferrals);
    m.put("owner", owner);
    m.put("parent", parent);
    m.put("audience", audience);
    m.replaceAll((k, v) -> v == null ? "" : v);
    return m;
  }

  static String trimmed(String v) {
    return v == null ? "" : v.trim();
  }

  static Long id(String v) {
    return trimmed(v).isEmpty() ? null : Long.valueOf(trimmed(v));
  }

  /** The rules that look at a list or at more than one field, each reported on its field. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = Rules.Check.class)
  @interface Rules {
    String message() default "campaign_error_channel";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Rules, CampaignFields> {
      @Override
      public boolean isValid(CampaignFields f, ConstraintValidatorContext context) {
        boolean ok = true;
        if (!Campaign.CHANNELS.contains(trimmed(f.channel))) {
          ok = FieldViolation.refuse(context, "channel", "campaign_error_channel");
        }
        String size = trimmed(f.targetCompanySize);
        if (!size.isEmpty() && !CampaignForm.COMPANY_SIZES.contains(size)) {
          ok = FieldViolation.refuse(context, "targetCompanySize", "form_error_company_size");
        }
        LocalDate starts = IsoDate.Check.parse(f.startsOn);
        LocalDate ends = IsoDate.Check.parse(f.endsOn);
        if (starts != null && ends != null && ends.isBefore(starts)) {
          ok = FieldViolation.refuse(context, "endsOn", "campaign_error_end_before_start");
        }
        if (trimmed(f.owner).matches("\\d{1,18}") && Member.findById(id(f.owner)) == null) {
          ok = FieldViolation.refuse(context, "owner", "campaign_error_owner");
        }
        if (trimmed(f.parent).matches("\\d{1,18}") && Campaign.findById(id(f.parent)) == null) {
          ok = FieldViolation.refuse(context, "parent", "campaign_error_parent");
        }
        if (trimmed(f.audience).matches("\\d{1,18}")
            && io.loopcrm.lead.Audience.findById(id(f.audience)) == null) {
          ok = FieldViolation.refuse(context, "audience", "error_choice");
        }
        return ok;
      }
    }
  }
}
