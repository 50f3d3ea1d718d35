package io.loopcrm.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change of a deal as the API takes it (JSON merge patch: a field left out stays as it is, null
 * empties an optional one), read field by field so that each wrong one is named: an unknown field,
 * a wrong type, a value the page's form would refuse.
 */
@Schema(hidden = true)
public final class ApiDealPatch {
  static final Set<String> FIELDS =
      Set.of(
          "name",
          "amount",
          "currency",
          "expectedClose",
          "probability",
          "nextStep",
          "stageId",
          "lostReason",
          "competitor");

  String name;
  BigDecimal amount;
  String currency;
  LocalDate expectedClose;
  Integer probability;
  String nextStep;
  PipelineStage stage;
  String lostReason;
  String competitor;
  final Map<String, String> errors = new LinkedHashMap<>();
  private final JsonNode body;

  private ApiDealPatch(JsonNode body) {
    this.body = body;
  }

  /** Reads {@code body} over {@code deal}'s current values; {@link #errors} names what is wrong. */
  static ApiDealPatch read(JsonNode body, Deal deal, Choices choices) {
    ApiDealPatch p = new ApiDealPatch(body);
    if (body == null || !body.isObject()) {
      p.errors.put("body", "a JSON object");
      return p;
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!FIELDS.contains(field)) {
        p.errors.put(field, "unknown field");
      }
    }
    p.name = p.text("name", deal.name, Deal.NAME_MAX, false);
    p.nextStep = p.text("nextStep", deal.nextStep, Deal.NEXT_STEP_MAX, true);
    p.currency = p.text("currency", deal.currency, 10, false);
    if (body.has("currency")
        && p.currency != null
        && !choices.isActive(ChoiceList.CURRENCY, p.currency)) {
      p.errors.put("currency", "not one of the currencies");
    }
    p.amount = deal.amount;
    if (body.has("amount")) {
      JsonNode a = body.get("amount");
      if (a.isNull()) {
        p.amount = null;
      } else if (!a.isNumber()
          || io.loopcrm.web.Amount.Check.parse(a.decimalValue().toPlainString()) == null) {
        p.errors.put("amount", "a number of 0 or more, at most 12 digits and 2 decimals");
      } else {
        p.amount = a.decimalValue();
      }
    }
    p.expectedClose = deal.expectedClose;
    if (body.has("expectedClose")) {
      JsonNode d = body.get("expectedClose");
      try {
        p.expectedClose = d.isNull() ? null : LocalDate.parse(d.textValue());
      } catch (DateTimeParseException | NullPointerException e) {
        p.errors.put("expectedClose", "a date as yyyy-mm-dd");
      }
    }
    p.probability = deal.probabilityManual ? deal.probability : null;
    if (body.has("probability")) {
      JsonNode n = body.get("probability");
      if (n.isNull()) {
        p.probability = null;
      } else if (!n.isIntegralNumber() || n.intValue() < 0 || n.intValue() > 100) {
        p.errors.put("probability", "a whole number from 0 to 100");
      } else {
        p.probability = n.intValue();
      }
    }
    if (body.has("stageId")) {
      JsonNode s = body.get("stageId");
      p.stage = s.isIntegralNumber() ? PipelineStage.findById(s.longValue()) : null;
      if (p.stage == null) {
        p.errors.put("stageId", "not a stage");
      }
    }
    p.lostReason = p.text("lostReason", null, 50, true);
    if (p.lostReason != null && !choices.isActive(ChoiceList.LOST_REASON, p.lostReason)) {
      p.errors.put("lostReason", "not one of the lost reasons");
    }
    p.competitor = p.text("competitor", null, Deal.COMPETITOR_MAX, true);
    return p;
  }

  /** A text field: its trimmed value, {@code current} when left out. */
  private String text(String field, String current, int max, boolean optional) {
    if (!body.has(field)) {
      return current;
    }
    JsonNode v = body.get(field);
    if (v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
      if (!optional) {
        errors.put(field, "required");
      }
      return null;
    }
    if (!v.isTextual()) {
      errors.put(field, "a string");
      return current;
    }
    String t = io.loopcrm.web.PlainText.clean(v.textValue()).trim();
    if (t.length() > max) {
      errors.put(field, "at most " + max + " characters");
    }
    return t;
  }
}
