package io.loopcrm.sales;

import io.loopcrm.capture.HandEntry;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadFields;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead typed in by a rep (a call, a walk-in, a business card): the rep owns it; a manager may
 * give it to a member of the team. Duplicates by e-mail or phone are refused before saving.
 */
@Path("/sales/leads/new")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesLeadNewResource {
  @Inject CurrentMember me;
  @Inject HandEntry entry;
  @Inject Validator validator;
  @Inject Pages pages;
  @Inject Clock clock;

  /** The new-lead form, shared with operations' {@code /ops/leads/new}. */
  @CheckedTemplate
  public static class Templates {
    public static native TemplateInstance form(
        Map<String, String> values,
        FormErrors errors,
        List<String> sizes,
        List<String> sources,
        List<Member> members,
        Long duplicate,
        String home,
        boolean routed);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form() {
    LeadInput blank = new LeadInput();
    blank.source = LeadFields.HAND_SOURCES.get(0);
    blank.owner = me.get().id.toString();
    return page(blank.values(), FormErrors.none(), null);
  }

  @POST
  @Transactional
  public Response create(@BeanParam LeadInput input) {
    Viewer viewer = me.viewer();
    FormErrors errors = input.errors(validator, true);
    Member owner = me.get();
    Long picked = input.ownerId();
    if (picked != null && !picked.equals(owner.id)) {
      Member target = Member.findById(picked);
      if (viewer.managesMember(target)) {
        owner = target;
      } else {
        errors.add("owner", "reassign_error_owner");
      }
    }
    if (errors.isPresent()) {
      return pages.withStatus(422, page(input.values(), errors, null));
    }
    HandEntry.Result result =
        entry.create(input.fields(), input.source, owner, me.get(), Instant.now(clock));
    if (result.duplicate() != null) {
      Lead dup = result.duplicate();
      boolean visible = viewer.sees(dup.owner);
      return pages.withStatus(
          422,
          page(
              input.values(),
              new FormErrors()
                  .add(
                      result.matchedField(),
                      visible ? "lead_error_duplicate" : "lead_error_duplicate_hidden"),
              visible ? dup.id : null));
    }
    return Flash.redirect(
        URI.create(SalesPaths.leadPath(result.created().id)), "success", "lead_flash_created");
  }

  private TemplateInstance page(Map<String, String> values, FormErrors errors, Long duplicate) {
    Viewer viewer = me.viewer();
    List<Member> members =
        viewer.isManager() ? Member.listSellersOfTeam(viewer.teamId()) : List.of();
    return Templates.form(
        values,
        errors,
        Lead.COMPANY_SIZES,
        LeadFields.HAND_SOURCES,
        members,
        duplicate,
        "/sales/leads",
        false);
  }
}
