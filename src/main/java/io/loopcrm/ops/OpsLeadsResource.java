package io.loopcrm.ops;

import io.loopcrm.campaign.CampaignDirectory;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadCsv;
import io.loopcrm.lead.LeadFilter;
import io.loopcrm.lead.LeadSearch;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.routing.Router;
import io.loopcrm.routing.RoutingRule;
import io.loopcrm.web.Flash;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * All leads for operations, with the lead queue (leads no rule could place) as a filter: bulk
 * assignment, re-routing by the rules, and CSV export of any filtered list.
 */
@Path("/ops/leads")
@RolesAllowed(Roles.OPERATIONS)
public class OpsLeadsResource {
  static final int EXPORT_PAGE = 1000;

  @Inject LeadSearch search;
  @Inject CampaignDirectory campaigns;
  @Inject CurrentMember me;
  @Inject Router router;
  @Inject Clock clock;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        LeadFilter filter,
        LeadSearch.Page page,
        List<CampaignDirectory.Option> campaigns,
        List<LeadStatus> statuses,
        List<io.loopcrm.lead.LeadSort> sorts,
        List<Member> reps,
        String query);
  }

  @GET
  @Produces("text/html")
  public TemplateInstance list(@jakarta.ws.rs.BeanParam io.loopcrm.web.LeadQuery query) {
    LeadFilter filter = query.toFilter();
    return Templates.list(
        filter,
        search.search(filter, viewer(), clock.getZone()),
        campaigns.options(),
        List.of(LeadStatus.values()),
        List.of(io.loopcrm.lead.LeadSort.values()),
        Member.list("enabled = true and roles like ?1 order by displayName", "%sales%"),
        filter.queryWithout("after"));
  }

  /** The filtered list as CSV, streamed page by page (keyset), whatever its size. */
  @GET
  @Path("export.csv")
  @Produces("text/csv")
  public Response export(@jakarta.ws.rs.BeanParam io.loopcrm.web.LeadQuery query) {
    LeadFilter filter = query.toFilter();
    Viewer viewer = viewer();
    StreamingOutput body =
        out -> {
          LeadCsv csv = new LeadCsv(out);
          String cursor = null;
          do {
            LeadFilter pageFilter = filter.withSize(EXPORT_PAGE, cursor);
            LeadSearch.Page page =
                QuarkusTransaction.requiringNew()
                    .call(() -> search.search(pageFilter, viewer, clock.getZone()));
            for (LeadSearch.Row row : page.rows()) {
              csv.write(row);
            }
            csv.flush();
            cursor = page.nextCursor();
          } while (cursor != null);
        };
    return Response.ok(body)
        .header(
            "Content-Disposition",
            "attachment; filename=\"leads-" + LocalDate.now(clock) + ".csv\"")
        .header("Content-Type", "text/csv; charset=UTF-8")
        .build();
  }

  /**
   * Gives the chosen queue leads to one rep (operations edits routing, not the rep's work). A lead
   * a rep already works moves only with {@code takeOver}, an explicit "take over from their reps"
   * whose note names both; converted and rejected leads never move.
   */
  @POST
  @Path("assign")
  @Transactional
  public Response assign(
      @RestForm List<Long> ids,
      @RestForm Long rep,
      @RestForm boolean takeOver,
      @RestForm("back") String back) {
    Member owner = rep == null ? null : Member.findById(rep);
    if (ids == null || ids.isEmpty()) {
      return Flash.redirect(backTo(back), "warning", "queue_error_none_selected");
    }
    if (owner == null || !owner.isAssignable()) {
      return Flash.redirect(backTo(back), "danger", "queue_error_rep");
    }
    Instant now = Instant.now(clock);
    String by = me.get().displayName;
    List<Long> moved = new ArrayList<>();
    int left = 0;
    for (Lead l : Lead.<Lead>list("from Lead l left join fetch l.owner where l.id in ?1", ids)) {
      if (!l.movableByOperations(takeOver) || !l.handOver(owner, by, now)) {
        left++;
        continue;
      }
      moved.add(l.id);
    }
    if (!moved.isEmpty()) {
      io.loopcrm.activity.Activity.moveOpenTasksOfLeads(moved, owner);
    }
    String done = takeOver ? "queue_flash_taken_over" : "queue_flash_assigned";
    return Flash.redirect(
        backTo(back), "success", left > 0 && !takeOver ? "queue_flash_skipped" : done);
  }

  /**
   * Runs the routing rules again for the chosen queue leads; a lead a rep works, or a closed one,
   * stays as it is.
   */
  @POST
  @Path("reroute")
  @Transactional
  public Response reroute(@RestForm List<Long> ids, @RestForm("back") String back) {
    if (ids == null || ids.isEmpty()) {
      return Flash.redirect(backTo(back), "warning", "queue_error_none_selected");
    }
    List<RoutingRule> rules = RoutingRule.listOrdered();
    Instant now = Instant.now(clock);
    int left = 0;
    for (Lead l :
        Lead.<Lead>list(
            "from Lead l left join fetch l.campaign left join fetch l.variant where l.id in ?1",
            ids)) {
      if (!l.movableByOperations(false)) {
        left++;
        continue;
      }
      router.route(l, rules, now);
    }
    return Flash.redirect(
        backTo(back), "success", left > 0 ? "queue_flash_skipped" : "queue_flash_rerouted");
  }

  private Viewer viewer() {
    return me.viewer();
  }

  /** Back to the list the user came from; only this list, never another address. */
  private static URI backTo(String back) {
    // a percent sign only as a well-formed escape: "%ZZ" made URI.create throw (a 500)
    if (back != null
        && back.length() < 1000
        && back.matches("([A-Za-z0-9=&._\\-+]|%[0-9A-Fa-f]{2})*")) {
      return URI.create("/ops/leads" + (back.isEmpty() ? "" : "?" + back));
    }
    return URI.create("/ops/leads");
  }
}
