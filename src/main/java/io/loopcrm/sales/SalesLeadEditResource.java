package io.loopcrm.sales;

import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadFields;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.loopcrm.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Correcting a lead's person and contact fields (sales owns them; attribution stays as captured).
 * Guarded by the lead's version: a save over someone else's newer save shows both and saves
 * nothing. The audit trail records the change; the lead page shows it.
 */
@Path("/sales/leads/{id}/edit")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesLeadEditResource {
  @Inject CurrentMember me;
  @Inject Validator validator;
  @Inject Pages pages;

  /** One field of an edit conflict: what is saved now and what the user tried to save. */
  public record Difference(String fieldKey, String saved, String yours) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(
        Lead lead,
        Map<String, String> values,
        FormErrors errors,
        List<String> sizes,
        Long duplicate);

    static native TemplateInstance conflict(Lead lead, List<Difference> differences);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form(@PathParam("id") long id) {
    Lead lead = Lead.findEditable(id, me.viewer());
    return Templates.form(
        lead, LeadInput.of(lead).values(), FormErrors.none(), Lead.COMPANY_SIZES, null);
  }

  @POST
  @Transactional
  public Response save(@PathParam("id") long id, @BeanParam LeadInput input) {
    Viewer viewer = me.viewer();
    Lead lead = Lead.findEditable(id, viewer);
    FormErrors errors = input.errors(validator, false);
    if (errors.isPresent()) {
      return invalid(lead, input, errors, null);
    }
    LeadFields saved = LeadFields.of(lead);
    LeadFields yours = input.fields();
    if (!Long.toString(lead.version).equals(input.version)) {
      return pages.withStatus(409, Templates.conflict(lead, differences(saved, yours)));
    }
    var duplicate = io.loopcrm.lead.LeadDuplicate.afterEdit(lead, yours.email(), yours.phone());
    if (duplicate.isPresent()) {
      Lead dup = duplicate.get().lead();
      boolean visible = viewer.sees(dup.owner);
      return invalid(
          lead,
          input,
          new FormErrors()
              .add(
                  duplicate.get().field(),
                  visible ? "lead_error_duplicate" : "lead_error_duplicate_hidden"),
          visible ? dup.id : null);
    }
    yours.applyTo(lead);
    return Flash.redirect(URI.create(SalesPaths.leadPath(id)), "success", "lead_flash_saved");
  }

  private Response invalid(Lead lead, LeadInput input, FormErrors errors, Long duplicate) {
    return pages.withStatus(
        422, Templates.form(lead, input.values(), errors, Lead.COMPANY_SIZES, duplicate));
  }

  private static List<Difference> differences(LeadFields saved, LeadFields yours) {
    return saved.differencesFrom(yours).stream()
        .map(
            f ->
                new Difference(
                    "lead_field_" + f,
                    Objects.toString(saved.get(f), "—"),
                    Objects.toString(yours.get(f), "—")))
        .toList();
  }
}
