package io.loopcrm.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.DealOpening;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.sales.DealForm;
import io.loopcrm.sales.DealInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A deal created through the API as the new-deal page creates one: on an account, with the page's
 * fields checked by its form, in an open stage (the first one unless {@code stageId} names
 * another), for a contact of that account if one is named, owned by a member in sales (the
 * account's owner unless {@code ownerId} names another).
 */
@RequestScoped
class ApiDealCreation {
  /** The deal's fields as the API names them → the new-deal form's names. */
  static final Map<String, String> FIELDS =
      Map.of(
          "name", "dealName",
          "amount", "amount",
          "currency", "currency",
          "expectedClose", "expectedClose");

  static final Set<String> IDS = Set.of("accountId", "contactId", "stageId", "ownerId");

  @Inject ApiMessages messages;
  @Inject Validator validator;
  @Inject CurrentMember me;
  @Inject Clock clock;
  @Inject io.loopcrm.settings.Choices choices;

  /** Creates the deal the body describes and answers its id; a 422 problem names each bad field. */
  long create(JsonNode body) {
    Map<String, String> errors = new LinkedHashMap<>();
    DealInput in = new DealInput();
    // as on the page: the first of the currencies unless another is named
    in.currency =
        choices.activeCodes(io.loopcrm.settings.ChoiceList.CURRENCY).stream()
            .findFirst()
            .orElse(null);
    ApiBody.bind(body, in, FIELDS, IDS, errors);
    DealForm form = in.form(validator);
    messages.of(form.errors(), Map.of("dealName", "name")).forEach(errors::putIfAbsent);
    Long accountId = ApiBody.id(body, "accountId", null, errors);
    Account account = accountId == null ? null : Account.findById(accountId);
    if (account == null) {
      errors.putIfAbsent("accountId", accountId == null ? "required" : "no such account");
    }
    Long stageId = ApiBody.id(body, "stageId", null, errors);
    PipelineStage stage =
        stageId == null ? PipelineStage.firstStartable() : PipelineStage.findStartable(stageId);
    if (stage == null) {
      errors.putIfAbsent("stageId", messages.text("deal_error_stage") + " (an open stage)");
    }
    Long contactId = ApiBody.id(body, "contactId", null, errors);
    Contact contact = null;
    if (contactId != null && account != null) {
      contact = Contact.findChoosable(account, contactId, me.viewer()).orElse(null);
      if (contact == null) {
        errors.putIfAbsent("contactId", messages.text("deal_error_contact"));
      }
    }
    Member owner = ApiBody.owner(ApiBody.id(body, "ownerId", null, errors), "ownerId", errors);
    if (owner == null && !errors.containsKey("ownerId") && account != null) {
      owner = account.owner != null && account.owner.isAssignable() ? account.owner : null;
      if (owner == null) {
        errors.put("ownerId", "required: the account has no owner in sales");
      }
    }
    ApiBody.refuseIfAny("deal", errors);
    Deal deal = DealOpening.direct(form.name(), account, contact, owner, stage, clock.instant());
    deal.amount = form.amount();
    deal.currency = form.currency();
    deal.expectedClose = form.expectedClose();
    return deal.id;
  }
}
