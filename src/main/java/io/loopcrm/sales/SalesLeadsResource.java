package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.campaign.CampaignDirectory;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadFilter;
import io.loopcrm.lead.LeadSearch;
import io.loopcrm.lead.LeadSort;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.settings.Choices;
import io.loopcrm.web.Flash;
import io.loopcrm.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A rep's leads: the list, the lead page, a status move and a manager's handover. The first
 * response (accept or reject) is {@link SalesLeadAnswerResource}'s.
 */
@Path("/sales/leads")
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class SalesLeadsResource {
  @Inject CurrentMember me;
  @Inject LeadSearch search;
  @Inject LeadPage leadPage;
  @Inject Clock clock;
  @Inject CampaignDirectory campaigns;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        LeadFilter filter,
        LeadSearch.Page page,
        List<CampaignDirectory.Option> campaigns,
        List<LeadStatus> statuses,
        List<LeadSort> sorts,
        List<io.loopcrm.people.Member> members);

    static native TemplateInstance list$rows(
        LeadFilter filter, LeadSearch.Page page, List<io.loopcrm.people.Member> members);

    static native TemplateInstance show(
        Lead lead,
        LeadPage.TouchView firstTouch,
        LeadPage.TouchView lastTouch,
        List<Activity> timeline,
        List<Choices.Option> rejectReasons,
        Choices.Option rejectReason,
        List<Activity.Kind> activityKinds,
        List<LeadStatus> moves,
        boolean editable,
        boolean segmentEditable,
        List<io.loopcrm.people.Member> teamMembers,
        FormErrors errors,
        Map<String, String> values,
        String formKey,
        Instant now,
        List<String> journey,
        List<LeadPage.Edit> history,
        Lead samePhone);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @jakarta.ws.rs.BeanParam io.loopcrm.web.LeadQuery query,
      @HeaderParam("HX-Request") boolean htmx) {
    LeadFilter filter = query.toFilter();
    Viewer viewer = me.viewer();
    LeadSearch.Page page = search.search(filter, viewer, clock.getZone());
    // a manager may hand the selected leads to a member of the team
    List<io.loopcrm.people.Member> members =
        viewer.isManager()
            ? io.loopcrm.people.Member.listSellersOfTeam(viewer.teamId())
            : List.of();
    if (htmx) {
      return Templates.list$rows(filter, page, members);
    }
    return Templates.list(
        filter,
        page,
        campaigns.options(),
        List.of(LeadStatus.values()),
        List.of(LeadSort.values()),
        members);
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_HTML)
  // operations and admin read every lead (forms stay hidden: Viewer.edits is false for them)
  @RolesAllowed({Roles.SALES, Roles.SALES_MANAGER, Roles.OPERATIONS, Roles.ADMIN})
  public TemplateInstance show(@PathParam("id") long id) {
    Viewer viewer = me.viewer();
    return leadPage.render(Lead.findVisible(id, viewer), viewer, FormErrors.none(), Map.of());
  }

  @POST
  @Path("{id}/status")
  @Transactional
  public Response move(@PathParam("id") long id, @RestForm String to) {
    Viewer viewer = me.viewer();
    Lead lead = Lead.findEditable(id, viewer);
    LeadStatus next = parseStatus(to);
    // accepting and rejecting need their rating and reason: only /accept and /reject do them
    if (next == null
        || next == LeadStatus.CONVERTED
        || next == LeadStatus.ACCEPTED
        || next == LeadStatus.REJECTED
        || !lead.status.canMoveTo(next)) {
      return leadPage.invalid(
          lead, viewer, new FormErrors().add("to", "lead_error_move"), Map.of());
    }
    lead.moveTo(next);
    return Flash.redirect(URI.create(SalesPaths.leadPath(id)), "success", "lead_flash_moved");
  }

  /** A manager hands a lead to another member of the team. */
  @POST
  @Path("{id}/owner")
  @Transactional
  public Response reassign(@PathParam("id") long id, @RestForm Long owner) {
    Viewer viewer = me.viewer();
    Lead lead = Lead.findEditable(id, viewer);
    io.loopcrm.people.Member target =
        owner == null ? null : io.loopcrm.people.Member.findById(owner);
    if (!viewer.isManager()) {
      // handing records over is the manager's (the page offers it to no one else)
      throw new io.quarkus.security.ForbiddenException();
    }
    if (!viewer.managesMember(target)) {
      return leadPage.invalid(
          lead, viewer, new FormErrors().add("owner", "reassign_error_owner"), Map.of());
    }
    if (lead.handOver(target, me.get().displayName, Instant.now(clock))) {
      Activity.moveOpenTasks("lead", lead, target);
    }
    return Flash.redirect(URI.create(SalesPaths.leadPath(id)), "success", "reassign_flash_done");
  }

  private static LeadStatus parseStatus(String to) {
    try {
      return to == null ? null : LeadStatus.valueOf(to.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
