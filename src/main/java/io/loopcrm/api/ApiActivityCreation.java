package io.loopcrm.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopcrm.activity.Activity;
import io.loopcrm.common.NotFound;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.sales.ActivityForm;
import io.loopcrm.sales.ActivityInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An activity logged through the API as a record's page logs one: the same form and checks, on
 * exactly one lead, deal or contact; a call, e-mail, meeting or note on a lead waiting for its
 * first response counts as that response. Owned by the member {@code ownerId} names, else the
 * record's owner, else the client itself.
 */
@RequestScoped
class ApiActivityCreation {
  static final Map<String, String> FIELDS =
      Map.of("kind", "kind", "subject", "subject", "notes", "notes");
  static final Set<String> IDS = Set.of("dueAt", "leadId", "dealId", "contactId", "ownerId");
  private static final DateTimeFormatter FORM_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @Inject ApiMessages messages;
  @Inject Validator validator;
  @Inject CurrentMember me;
  @Inject Clock clock;

  long create(JsonNode body) {
    Map<String, String> errors = new LinkedHashMap<>();
    ActivityInput in = new ActivityInput();
    ApiBody.bind(body, in, FIELDS, IDS, errors);
    JsonNode due = body.get("dueAt");
    if (due != null && !due.isNull()) {
      try {
        // the form takes the time on the company's clock
        in.due =
            OffsetDateTime.parse(due.asText()).atZoneSameInstant(clock.getZone()).format(FORM_TIME);
      } catch (DateTimeParseException e) {
        errors.put("dueAt", "a date-time with its offset, like 2026-12-10T09:00:00Z");
      }
    }
    ActivityForm form = ActivityForm.of(in, clock.getZone(), validator);
    messages.of(form.errors(), Map.of("due", "dueAt")).forEach(errors::putIfAbsent);
    if (form.kind() == null) {
      errors.putIfAbsent("kind", messages.text("activity_error_kind"));
    }
    Long leadId = ApiBody.id(body, "leadId", null, errors);
    Long dealId = ApiBody.id(body, "dealId", null, errors);
    Long contactId = ApiBody.id(body, "contactId", null, errors);
    int on = (leadId == null ? 0 : 1) + (dealId == null ? 0 : 1) + (contactId == null ? 0 : 1);
    if (on != 1) {
      errors.putIfAbsent("leadId", "exactly one of leadId, dealId and contactId");
    }
    Lead lead = find(() -> Lead.findVisible(leadId, me.viewer()), leadId, "leadId", errors);
    Deal deal = find(() -> Deal.findVisible(dealId, me.viewer()), dealId, "dealId", errors);
    Contact contact =
        find(() -> Contact.findVisible(contactId, me.viewer()), contactId, "contactId", errors);
    Member owner = ApiBody.owner(ApiBody.id(body, "ownerId", null, errors), "ownerId", errors);
    ApiBody.refuseIfAny("activity", errors);
    if (owner == null) {
      Member recordOwner = lead != null ? lead.owner : deal != null ? deal.owner : contact.owner;
      owner = recordOwner != null && recordOwner.isAssignable() ? recordOwner : me.get();
    }
    Activity a =
        form.save(
                owner,
                x -> {
                  x.lead = lead;
                  x.deal = deal;
                  x.contact = deal != null ? deal.contact : contact;
                })
            .orElseThrow();
    if (lead != null) {
      lead.contacted(a.isTask(), clock.instant());
    }
    return a.id;
  }

  /** The record an id names, if the client may see it; null and named in the errors if not. */
  private static <R> R find(
      java.util.function.Supplier<R> lookup, Long id, String field, Map<String, String> errors) {
    if (id == null || errors.containsKey(field)) {
      return null;
    }
    try {
      return lookup.get();
    } catch (NotFound e) {
      errors.put(field, "no such record");
      return null;
    }
  }
}
