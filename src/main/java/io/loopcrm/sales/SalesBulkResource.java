package io.loopcrm.sales;

import io.loopcrm.activity.Activity;
import io.loopcrm.deal.Deal;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.CurrentMember;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.web.Flash;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A manager hands several leads or deals at once to a member of the team (a leaver's handover):
 * each record changes on its own, so the audit trail and the deal history have one entry per
 * record, and their open tasks follow. Records the manager may not change are left as they are.
 */
@Path("/sales/bulk")
@RolesAllowed(Roles.SALES_MANAGER)
public class SalesBulkResource {
  static final int MAX = 500;

  @Inject CurrentMember me;
  @Inject Clock clock;

  @POST
  @Path("leads/owner")
  @Transactional
  public Response leads(@RestForm List<Long> ids, @RestForm Long owner) {
    Viewer viewer = me.viewer();
    Member target = owner == null ? null : Member.findById(owner);
    URI back = URI.create("/sales/leads");
    if (ids == null || ids.isEmpty() || ids.size() > MAX) {
      return Flash.redirect(back, "warning", "bulk_error_none");
    }
    if (!viewer.managesMember(target)) {
      return Flash.redirect(back, "danger", "reassign_error_owner");
    }
    Instant now = Instant.now(clock);
    String by = me.get().displayName;
    List<Long> moved = new java.util.ArrayList<>();
    for (Lead lead : Lead.<Lead>list("from Lead l join fetch l.owner where l.id in ?1", ids)) {
      if (viewer.edits(lead.owner) && lead.handOver(target, by, now)) {
        moved.add(lead.id);
      }
    }
    if (!moved.isEmpty()) {
      Activity.moveOpenTasksOfLeads(moved, target);
    }
    return Flash.redirect(back, "success", "bulk_flash_reassigned");
  }

  @POST
  @Path("deals/owner")
  @Transactional
  public Response deals(@RestForm List<Long> ids, @RestForm Long owner) {
    Viewer viewer = me.viewer();
    Member target = owner == null ? null : Member.findById(owner);
    URI back = URI.create("/sales/deals");
    if (ids == null || ids.isEmpty() || ids.size() > MAX) {
      return Flash.redirect(back, "warning", "bulk_error_none");
    }
    if (!viewer.managesMember(target)) {
      return Flash.redirect(back, "danger", "reassign_error_owner");
    }
    Instant now = Instant.now(clock);
    Member by = me.get();
    for (Deal deal : Deal.<Deal>list("from Deal d join fetch d.owner where d.id in ?1", ids)) {
      if (viewer.edits(deal.owner) && !deal.owner.id.equals(target.id)) {
        deal.record("owner", deal.owner.displayName, target.displayName, by, now);
        deal.owner = target;
        Activity.moveOpenTasks("deal", deal, target);
      }
    }
    return Flash.redirect(back, "success", "bulk_flash_reassigned");
  }
}
