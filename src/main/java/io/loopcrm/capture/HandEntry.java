package io.loopcrm.capture;

import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadFields;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.lead.RoutingNote;
import io.loopcrm.people.Member;
import io.loopcrm.routing.Router;
import io.loopcrm.scoring.LeadScorer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Leads typed in by hand (a call, a walk-in, a business card): deduplicated by e-mail and phone
 * like every capture, then owned by the rep who created them (or the team member a manager picked),
 * or routed by operations' rules when operations created them; scored and counted in the funnel
 * like any other lead (the lead trigger keeps the rollups).
 */
@ApplicationScoped
public class HandEntry {
  @Inject EntityManager em;
  @Inject Router router;
  @Inject LeadScorer scorer;

  /**
   * The new lead, or the lead it duplicates (nothing saved then) and the field that matched ({@code
   * email} or {@code phone}).
   */
  public record Result(Lead created, Lead duplicate, String matchedField) {}

  /**
   * Creates the lead unless its e-mail or phone is already known. {@code owner} null means routing
   * by the rules; submissions with the same address are serialised, so two reps typing the same
   * card at once make one lead.
   */
  @Transactional
  public Result create(LeadFields fields, String source, Member owner, Member by, Instant now) {
    String email = Lead.normalizeEmail(fields.email());
    String phone = Lead.normalizePhone(fields.phone());
    LeadCapture.lockAddresses(em, email, phone);
    Optional<io.loopcrm.lead.LeadDuplicate> duplicate =
        io.loopcrm.lead.LeadDuplicate.find(email, phone, null);
    if (duplicate.isPresent()) {
      return new Result(null, duplicate.get().lead(), duplicate.get().field());
    }
    Lead lead = new Lead();
    fields.applyTo(lead);
    lead.source = source;
    lead.createdAt = now;
    lead.updatedAt = now;
    if (owner == null) {
      lead.status = LeadStatus.NEW;
      router.route(lead, now);
      lead.routingNote = lead.routingNote.typedBy(by.displayName);
    } else {
      lead.owner = owner;
      lead.assignedAt = now;
      lead.status = LeadStatus.ASSIGNED;
      lead.routingNote = RoutingNote.byHand(by.displayName);
    }
    lead.persist();
    em.flush();
    scorer.rescore(lead, now);
    return new Result(lead, null, null);
  }
}
