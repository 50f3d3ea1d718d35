package io.loopcrm.sales;

import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.deal.PipelineStages;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.settings.ChoiceList;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The deal page: sales-owned fields, stage moves, the owner; edits are guarded by the deal's
 * version (activities: {@link SalesDealActivitiesResource}).
 */
@Path("/sales/deals/{id}")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesDealsResource {
  @Inject Choices choices;
  @Inject CurrentMember me;
  @Inject DealPage dealPage;
  @Inject PipelineStages stages;
  @Inject Clock clock;
  @Inject jakarta.validation.Validator validator;

  @GET
  @Produces(MediaType.TEXT_HTML)
  // admin reads every deal (forms stay hidden: Viewer.edits is false); operations sees deals only
  // as aggregates
  @RolesAllowed({Roles.SALES, Roles.SALES_MANAGER, Roles.ADMIN})
  public Response show(@PathParam("id") long id, @jakarta.ws.rs.QueryParam("stage") Long stage) {
    Viewer viewer = me.viewer();
    Map<String, String> preset = stage == null ? Map.of() : Map.of("stage", stage.toString());
    return Response.ok(
            dealPage.render(Deal.findVisible(id, viewer), viewer, FormErrors.none(), preset))
        .build();
  }

  @POST
  @Transactional
  public Response edit(
      @PathParam("id") long id,
      @BeanParam DealInput input,
      @RestForm Long contact,
      @RestForm String version) {
    Viewer viewer = me.viewer();
    Deal deal = Deal.findEditable(id, viewer);
    DealForm form = input.form(validator);
    // a contact of the deal's account that the user may see: an id typed into the form is no key
    io.loopcrm.customer.Contact newContact =
        contact == null
            ? null
            : io.loopcrm.customer.Contact.findChoosable(deal.account, contact, viewer).orElse(null);
    if (contact != null && newContact == null) {
      form.errors().add("contact", "deal_error_contact");
    }
    if (form.errors().isPresent()) {
      return dealPage.invalid(deal, viewer, form.errors(), form.values());
    }
    if (!String.valueOf(deal.version).equals(version)) {
      return dealPage.conflict(deal, form);
    }
    Instant now = Instant.now(clock);
    var by = me.get();
    deal.record(
        "contact",
        deal.contact == null ? null : deal.contact.getName(),
        newContact == null ? null : newContact.getName(),
        by,
        now);
    deal.contact = newContact;
    deal.edit(
        form.name(),
        form.amount(),
        form.currency(),
        form.expectedClose(),
        form.probability(),
        form.nextStep(),
        by,
        now);
    deal.flush();
    return Flash.redirect(URI.create(SalesPaths.dealPath(id)), "success", "deal_flash_saved");
  }

  @POST
  @Path("stage")
  @Transactional
  public Response move(
      @PathParam("id") long id,
      @RestForm String stage,
      @RestForm String lostReason,
      @RestForm String competitor,
      @RestForm String version) {
    Viewer viewer = me.viewer();
    Deal deal = Deal.findEditable(id, viewer);
    FormErrors errors = new FormErrors();
    PipelineStage target = parseStage(stage);
    if (target == null) {
      errors.add("stage", "deal_error_stage");
    } else if (version != null && !String.valueOf(deal.version).equals(version)) {
      errors.add("stage", "deal_error_changed_meanwhile");
    } else {
      try {
        deal.moveTo(
            target,
            me.get(),
            Instant.now(clock),
            choices.isActive(ChoiceList.LOST_REASON, lostReason) ? lostReason : null,
            competitor);
        deal.flush();
        return Flash.redirect(URI.create(SalesPaths.dealPath(id)), "success", "deal_flash_moved");
      } catch (io.loopcrm.deal.DealRuleViolation v) {
        // said in the move panel, and next to the deal's field that needs filling in
        errors.add("stage", v.messageKey);
        errors.add(v.field, v.messageKey);
      }
    }
    return dealPage.invalid(
        deal,
        viewer,
        errors,
        Map.of(
            "stage",
            String.valueOf(stage),
            "lostReason",
            String.valueOf(lostReason),
            "competitor",
            competitor == null ? "" : competitor));
  }

  /** A manager hands a deal to another member of the team; the history records it. */
  @POST
  @Path("owner")
  @Transactional
  public Response reassign(@PathParam("id") long id, @RestForm Long owner) {
    Viewer viewer = me.viewer();
    Deal deal = Deal.findEditable(id, viewer);
    io.loopcrm.people.Member target =
        owner == null ? null : io.loopcrm.people.Member.findById(owner);
    if (!viewer.isManager()) {
      // handing records over is the manager's (the page offers it to no one else)
      throw new io.quarkus.security.ForbiddenException();
    }
    if (!viewer.managesMember(target)) {
      return dealPage.invalid(
          deal, viewer, new FormErrors().add("owner", "reassign_error_owner"), Map.of());
    }
    deal.record("owner", deal.owner.displayName, target.displayName, me.get(), Instant.now(clock));
    deal.owner = target;
    io.loopcrm.activity.Activity.moveOpenTasks("deal", deal, target);
    return Flash.redirect(URI.create(SalesPaths.dealPath(id)), "success", "reassign_flash_done");
  }

  private static PipelineStage parseStage(String stage) {
    try {
      return stage == null ? null : PipelineStage.findById(Long.valueOf(stage));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
