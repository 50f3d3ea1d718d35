package io.loopcrm.sales;

import io.loopcrm.settings.KnownCurrency;
import io.loopcrm.web.Amount;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.IsoDate;
import io.loopcrm.web.Percent;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The sales-owned fields of a deal as posted by the new-deal form, the deal page and a lead's
 * conversion (the last two fields only on the deal page); lengths follow the columns.
 */
public class DealInput {
  @RestForm
  @NotBlank(message = "error_required")
  @Size(max = 200, message = "error_too_long_200")
  public String dealName;

  @RestForm @Amount public String amount;

  @RestForm @KnownCurrency public String currency;

  @RestForm @IsoDate public String expectedClose;

  @RestForm @Percent public String probability;

  @RestForm
  @Size(max = 300, message = "error_too_long_300")
  public String nextStep;

  /** What the form means, with what is wrong with it next to each field. */
  public DealForm form(Validator validator) {
    return new DealForm(
        dealName == null ? "" : dealName.trim(),
        Amount.Check.parse(amount),
        currency == null ? "" : currency.trim(),
        IsoDate.Check.parse(expectedClose),
        Percent.Check.parse(probability),
        nextStep == null || nextStep.isBlank() ? null : nextStep.trim(),
        FormErrors.of(validator.validate(this)),
        values());
  }

  private Map<String, String> values() {
    Map<String, String> values = new HashMap<>();
    values.put("dealName", dealName == null ? "" : dealName);
    values.put("amount", amount == null ? "" : amount);
    values.put("currency", currency == null ? "" : currency);
    values.put("expectedClose", expectedClose == null ? "" : expectedClose);
    values.put("probability", probability == null ? "" : probability);
    values.put("nextStep", nextStep == null ? "" : nextStep);
    return values;
  }
}
