package io.loopcrm.sales;

import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.FormErrors;
import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sales-owned fields of a deal as submitted: name, amount, currency, close date, probability,
 * next step.
 */
record DealForm(
    String name,
    BigDecimal amount,
    String currency,
    LocalDate expectedClose,
    Integer probability,
    String nextStep,
    FormErrors errors,
    Map<String, String> values) {

  /** The currencies forms offer: the admin's list, without the archived ones. */
  static List<String> currencies() {
    return choices().activeCodes(ChoiceList.CURRENCY);
  }

  private static Choices choices() {
    return Arc.container().instance(Choices.class).get();
  }

  static DealForm parse(
      String name,
      String amount,
      String currency,
      String expectedClose,
      String probability,
      String nextStep) {
    FormErrors errors = new FormErrors();
    Map<String, String> values = new HashMap<>();
    values.put("dealName", name == null ? "" : name);
    values.put("amount", amount == null ? "" : amount);
    values.put("currency", currency == null ? "" : currency);
    values.put("expectedClose", expectedClose == null ? "" : expectedClose);
    values.put("probability", probability == null ? "" : probability);
    values.put("nextStep", nextStep == null ? "" : nextStep);

    String n = name == null ? "" : name.trim();
    if (n.isEmpty()) {
      errors.add("dealName", "error_required");
    } else if (n.length() > 200) {
      errors.add("dealName", "error_too_long_200");
    }
    BigDecimal a = null;
    if (amount != null && !amount.isBlank()) {
      try {
        a = new BigDecimal(amount.trim().replace(",", ""));
        if (a.signum() < 0 || a.scale() > 2 || a.precision() - a.scale() > 12) {
          errors.add("amount", "error_amount");
          a = null;
        }
      } catch (NumberFormatException e) {
        errors.add("amount", "error_amount");
      }
    }
    String c = currency == null ? "" : currency.trim();
    // an archived currency stays valid for the records that already use it
    if (choices().all(ChoiceList.CURRENCY).stream().noneMatch(o -> o.code().equals(c))) {
      errors.add("currency", "error_currency");
    }
    LocalDate d = null;
    if (expectedClose != null && !expectedClose.isBlank()) {
      try {
        d = LocalDate.parse(expectedClose.trim());
      } catch (DateTimeParseException e) {
        errors.add("expectedClose", "error_date");
      }
    }
    Integer p = null;
    if (probability != null && !probability.isBlank()) {
      try {
        p = Integer.valueOf(probability.trim());
        if (p < 0 || p > 100) {
          errors.add("probability", "error_probability");
          p = null;
        }
      } catch (NumberFormatException e) {
        errors.add("probability", "error_probability");
      }
    }
    String s = nextStep == null || nextStep.isBlank() ? null : nextStep.trim();
    if (s != null && s.length() > 300) {
      errors.add("nextStep", "error_too_long_300");
    }
    return new DealForm(n, a, c, d, p, s, errors, values);
  }
}
