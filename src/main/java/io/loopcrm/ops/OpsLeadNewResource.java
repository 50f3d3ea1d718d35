package io.loopcrm.ops;

import io.loopcrm.capture.HandEntry;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadFields;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.sales.LeadInput;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead typed in by operations (a list from an event, a partner's referral): routed by the rules
 * like any captured lead. Duplicates by e-mail or phone are refused before saving.
 */
@Path("/ops/leads/new")
@RolesAllowed(Roles.OPERATIONS)
public class OpsLeadNewResource {
  @Inject CurrentMember me;
  @Inject HandEntry entry;
  @Inject Validator validator;
  @Inject Pages pages;
  @Inject Clock clock;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form() {
    LeadInput blank = new LeadInput();
    blank.source = LeadFields.HAND_SOURCES.get(0);
    return page(blank.values(), FormErrors.none(), null);
  }

  @POST
  @Transactional
  public Response create(@BeanParam LeadInput input) {
    FormErrors errors = input.errors(validator, true);
    if (errors.isPresent()) {
      return pages.withStatus(422, page(input.values(), errors, null));
    }
    HandEntry.Result result =
        entry.create(input.fields(), input.source, null, me.get(), Instant.now(clock));
    if (result.duplicate() != null) {
      Lead dup = result.duplicate();
      return pages.withStatus(
          422,
          page(
              input.values(),
              new FormErrors().add(result.matchedField(), "lead_error_duplicate"),
              dup.id));
    }
    return Flash.redirect(
        URI.create(io.loopcrm.sales.SalesPaths.leadPath(result.created().id)),
        "success",
        "lead_flash_created");
  }

  private TemplateInstance page(Map<String, String> values, FormErrors errors, Long duplicate) {
    // the sales form; only where it posts and what its intro says differ
    return io.loopcrm.sales.SalesLeadNewResource.Templates.form(
        values,
        errors,
        Lead.COMPANY_SIZES,
        LeadFields.HAND_SOURCES,
        List.of(),
        duplicate,
        "/ops/leads",
        true);
  }
}
