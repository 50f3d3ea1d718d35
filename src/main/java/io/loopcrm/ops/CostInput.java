package io.loopcrm.ops;

import static io.loopcrm.web.FormText.blank;
import static io.loopcrm.web.FormText.orEmpty;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.Channel;
import io.loopcrm.campaign.CostEntry;
import io.loopcrm.web.Amount;
import io.loopcrm.web.EnumName;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.IsoDate;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A cost entry as posted: the day, an amount of at most 12 digits and 2 decimals in a known
 * currency, optionally one of the campaign's variants and a channel, and a note.
 */
public class CostInput {
  @RestForm
  @NotBlank(message = "error_date")
  @IsoDate
  public String incurredOn;

  @RestForm
  @NotBlank(message = "error_amount")
  @Amount
  public String amount;

  @RestForm public String currency;
  @RestForm public String variant;

  @RestForm
  @EnumName(value = Channel.class, optional = true, message = "campaign_error_channel")
  public String channel;

  @RestForm
  @Size(max = 300, message = "error_too_long_300")
  public String note;

  /** What is wrong with the fields; nothing means {@link #entry} may run. */
  FormErrors errors(Validator validator, Collection<String> currencies, long campaignId) {
    FormErrors errors = FormErrors.of(validator.validate(this));
    if (!currencies.contains(orEmpty(currency))) {
      errors.add("currency", "error_currency");
    }
    if (!blank(variant)) {
      try {
        CampaignPage.variant(campaignId, Long.parseLong(variant.trim()));
      } catch (NumberFormatException | NotFoundException e) {
        errors.add("variant", "cost_error_variant");
      }
    }
    return errors;
  }

  /** The entry for the campaign; call after {@link #errors} found nothing. */
  CostEntry entry(Campaign c) {
    CostEntry e = new CostEntry();
    e.campaign = c;
    applyTo(e);
    return e;
  }

  /** Writes the fields into an entry of campaign {@code c}; after {@link #errors} found nothing. */
  void applyTo(CostEntry e) {
    Campaign c = e.campaign;
    e.incurredOn = day();
    e.amount = amountValue();
    e.currency = currency;
    e.variant = blank(variant) ? null : CampaignPage.variant(c.id, Long.parseLong(variant.trim()));
    e.channel = EnumName.Check.parse(Channel.class, channel);
    e.note = blank(note) ? null : note.trim();
  }

  /** An entry's fields as the form shows them. */
  static Map<String, String> valuesOf(CostEntry e) {
    Map<String, String> m = new HashMap<>();
    m.put("incurredOn", e.incurredOn.toString());
    m.put("amount", e.amount.toPlainString());
    m.put("currency", e.currency);
    m.put("variant", e.variant == null ? "" : e.variant.id.toString());
    m.put("channel", e.channel == null ? "" : e.channel.code());
    m.put("note", e.note == null ? "" : e.note);
    return m;
  }

  /** What the user typed, to show the form again. */
  Map<String, String> values() {
    Map<String, String> m = new HashMap<>();
    m.put("incurredOn", orEmpty(incurredOn));
    m.put("amount", orEmpty(amount));
    m.put("currency", orEmpty(currency));
    m.put("variant", orEmpty(variant));
    m.put("channel", orEmpty(channel));
    m.put("note", orEmpty(note));
    return m;
  }

  private LocalDate day() {
    return IsoDate.Check.parse(incurredOn);
  }

  private BigDecimal amountValue() {
    return Amount.Check.parse(amount);
  }
}
