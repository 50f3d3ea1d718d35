package io.loopcrm.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadDuplicate;
import io.loopcrm.lead.LeadFields;
import io.loopcrm.sales.LeadInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A lead's person and contact fields changed through the API as the lead's edit page changes them:
 * the same form, the same checks, an e-mail or phone another lead has refused (naming that lead);
 * attribution, status and owner are not changed here.
 */
@RequestScoped
class ApiLeadChange {
  /** The fields a patch may carry: the edit form's. */
  static final Set<String> FIELDS = Set.copyOf(LeadFields.NAMES);

  @Inject ApiMessages messages;
  @Inject Validator validator;

  /** Applies {@code body} to {@code lead}; a 422 problem names each bad field. */
  void apply(Lead lead, JsonNode body) {
    Map<String, String> errors = new LinkedHashMap<>();
    LeadInput in = LeadInput.of(lead);
    Map<String, String> names = new LinkedHashMap<>();
    FIELDS.forEach(f -> names.put(f, f));
    ApiBody.bind(body, in, names, Set.of(), errors);
    messages.of(in.errors(validator, false), Map.of()).forEach(errors::putIfAbsent);
    ApiBody.refuseIfAny("lead", errors);
    LeadFields yours = in.fields();
    LeadDuplicate.afterEdit(lead, yours.email(), yours.phone())
        .ifPresent(
            d ->
                errors.put(
                    d.field(),
                    messages.text("lead_error_duplicate") + " (lead " + d.lead().id + ")"));
    ApiBody.refuseIfAny("lead", errors);
    yours.applyTo(lead);
  }
}
