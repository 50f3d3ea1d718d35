package io.loopcrm.sales;

import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.FormErrors;
import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The sales-owned fields of a deal as submitted ({@link DealInput}, checked by its constraints):
 * name, amount, currency, close date, probability, next step; {@code values} as typed, for the form
 * shown again.
 */
public record DealForm(
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
    return Arc.container().instance(Choices.class).get().activeCodes(ChoiceList.CURRENCY);
  }
}
