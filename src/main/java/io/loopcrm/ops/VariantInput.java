package io.loopcrm.ops;

import static io.loopcrm.web.FormText.blank;
import static io.loopcrm.web.FormText.clean;
import static io.loopcrm.web.FormText.orEmpty;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.capture.LandingUrls;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A variant form as posted: its copy, the pages it sends visitors to (blank: the hosted form) and
 * its weight, 1–1000 (CampaignVariant.DEFAULT_WEIGHT when not sent). Lengths follow the columns.
 */
public class VariantInput {
  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 100, message = "error_too_long_100")
  public String name;

  @RestForm
  @Size(max = 300, message = "error_too_long_300")
  public String headline;

  @RestForm
  @Size(max = 10000, message = "error_too_long_10000")
  public String body;

  @RestForm
  @Size(max = 120, message = "form_error_too_long")
  public String callToAction;

  @RestForm public String landingUrl;
  @RestForm public String thankYouUrl;
  @RestForm public String weight;

  /** The form filled with what a variant holds now. */
  public static VariantInput of(CampaignVariant v) {
    VariantInput in = new VariantInput();
    in.name = v.name;
    in.headline = v.headline;
    in.body = v.body;
    in.callToAction = v.callToAction;
    in.landingUrl = v.landingUrl;
    in.thankYouUrl = v.thankYouUrl;
    in.weight = Integer.toString(v.weight);
    return in;
  }

  /** What is wrong with the fields; nothing means {@link #applyTo} may run. */
  public FormErrors errors(Validator validator) {
    FormErrors errors = FormErrors.of(validator.validate(this));
    if (!blank(landingUrl) && !LandingUrls.isValid(landingUrl.trim())) {
      errors.add("landingUrl", "variant_error_url");
    }
    if (!blank(thankYouUrl) && !LandingUrls.isValid(thankYouUrl.trim())) {
      errors.add("thankYouUrl", "variant_error_url");
    }
    Integer w = weightValue();
    if (w == null || w < 1 || w > 1000) {
      errors.add("weight", "variant_error_weight");
    }
    return errors;
  }

  /** The name as it will be saved, to compare with the campaign's other variants. */
  public String cleanName() {
    return clean(name);
  }

  /** Writes the fields, trimmed and blanks as null; call after {@link #errors} found nothing. */
  public void applyTo(CampaignVariant v) {
    v.name = clean(name);
    v.headline = clean(headline);
    v.body = clean(body);
    v.callToAction = clean(callToAction);
    v.landingUrl = clean(landingUrl);
    v.thankYouUrl = clean(thankYouUrl);
    v.weight = weightValue();
  }

  /** What the user typed, to show the form again; a new form's weight is the default. */
  Map<String, String> values() {
    Map<String, String> m = new HashMap<>();
    m.put("name", orEmpty(name));
    m.put("headline", orEmpty(headline));
    m.put("body", orEmpty(body));
    m.put("callToAction", orEmpty(callToAction));
    m.put("landingUrl", orEmpty(landingUrl));
    m.put("thankYouUrl", orEmpty(thankYouUrl));
    m.put(
        "weight",
        weight == null
            ? Integer.toString(io.loopcrm.campaign.CampaignVariant.DEFAULT_WEIGHT)
            : weight);
    return m;
  }

  private Integer weightValue() {
    try {
      return weight == null
          ? io.loopcrm.campaign.CampaignVariant.DEFAULT_WEIGHT
          : Integer.valueOf(weight.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
