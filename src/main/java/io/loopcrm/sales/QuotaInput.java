package io.loopcrm.sales;

import io.loopcrm.settings.KnownCurrency;
import io.loopcrm.web.Amount;
import io.loopcrm.web.FormErrors;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import org.jboss.resteasy.reactive.RestForm;

/** A member's quota for this month as a manager posts it on the team page. */
public class QuotaInput {
  @RestForm public Long member;

  @RestForm
  @NotBlank(message = "error_amount")
  @Amount
  public String amount;

  @RestForm @KnownCurrency public String currency;

  FormErrors errors(Validator validator) {
    return FormErrors.of(validator.validate(this));
  }

  BigDecimal parsedAmount() {
    return Amount.Check.parse(amount);
  }

  /** Whether this is what was typed in {@code memberId}'s quota form. */
  public boolean isFor(long memberId) {
    return member != null && member == memberId;
  }
}
