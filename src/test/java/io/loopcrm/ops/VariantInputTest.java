package io.loopcrm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The variant form's rules on their own: what is refused, and what a variant keeps. */
class VariantInputTest {
  static Validator validator;

  @BeforeAll
  static void validator() {
    validator =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
  }

  static VariantInput input(String name, String weight) {
    VariantInput in = new VariantInput();
    in.name = name;
    in.weight = weight;
    return in;
  }

  @Test
  void aNameIsNeededAndTheWeightIsAWholeNumberUpTo1000() {
    FormErrors errors = input(" ", "1001").errors(validator);
    assertThat(errors.get("name")).isEqualTo("error_required");
    assertThat(errors.get("weight")).isEqualTo("variant_error_weight");
    assertThat(input("B", "-1").errors(validator).get("weight")).isEqualTo("variant_error_weight");
    // a weight of 0 would leave the variant out of the split link for good: weights are positive
    assertThat(input("B", "0").errors(validator).get("weight")).isEqualTo("variant_error_weight");
    assertThat(input("B", "1").errors(validator).isEmpty()).isTrue();
    assertThat(input("B", "two").errors(validator).get("weight")).isEqualTo("variant_error_weight");
    assertThat(input("B", "1000").errors(validator).isEmpty()).isTrue();
    assertThat(input("B".repeat(101), "1").errors(validator).get("name"))
        .isEqualTo("error_too_long_100");
  }

  @Test
  void pagesMustBeWebAddresses() {
    VariantInput in = input("B", "1");
    in.landingUrl = "javascript:alert(1)";
    in.thankYouUrl = "ftp://example.com/thanks";
    FormErrors errors = in.errors(validator);
    assertThat(errors.get("landingUrl")).isEqualTo("variant_error_url");
    assertThat(errors.get("thankYouUrl")).isEqualTo("variant_error_url");
  }

  @Test
  void aVariantKeepsTrimmedTextBlanksAsNothingAndTheDefaultWeightWhenNoneWasSent() {
    VariantInput in = input("  B  ", null);
    in.headline = "  Save 5 hours  ";
    in.body = " ";
    in.landingUrl = " https://example.com/b ";
    assertThat(in.errors(validator).isEmpty()).isTrue();
    CampaignVariant v = new CampaignVariant();
    in.applyTo(v);
    assertThat(v.name).isEqualTo("B");
    assertThat(v.headline).isEqualTo("Save 5 hours");
    assertThat(v.body).isNull();
    assertThat(v.landingUrl).isEqualTo("https://example.com/b");
    assertThat(v.weight).isEqualTo(50);
    assertThat(in.values()).containsEntry("weight", "50").containsEntry("body", " ");
  }
}
