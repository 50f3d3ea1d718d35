package io.loopcrm.capture;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.customer.Contact;
import io.loopcrm.funnel.Touch;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.routing.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Creates or updates a lead from a public submission (web form, API, referral link): deduplicated
 * by normalised e-mail and phone, attributed to the first and last touch of the visitor, routed
 * when new. Submissions for the same address are serialised, so twenty identical submissions in
 * parallel make one lead. Runs in the transaction of the capture writer ({@link CaptureGate}),
 * which may hold other captures too.
 */
@ApplicationScoped
public class LeadCapture {
  @Inject EntityManager em;
  @Inject Router router;
  @Inject io.loopcrm.scoring.LeadScorer scorer;
  @Inject PendingLeads pending;
  @Inject Journey journey;

  /** What a person submitted; {@code source} says through what (web_form, api, referral). */
  public record Submission(
      String firstName,
      String lastName,
      String email,
      String phone,
      String company,
      String title,
      String region,
      String segment,
      String industry,
      String companySize,
      String source,
      String utmSource,
      String utmMedium,
      String utmCampaign,
      String utmContent,
      String utmTerm) {}

  /** The lead and whether this submission created it. */
  public record Result(long leadId, boolean created) {}

  /**
   * Captures a submission; the answer is known once the capture group's new leads are written
   * ({@link PendingLeads}): in a group, a new person's lead is routed and inserted with the group's
   * other new leads; outside one, at once. {@code newVisitor} says the visitor id was made up for
   * this submission, so no click can carry it yet and the click lookups are skipped (index probes
   * into the largest table).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public PendingLeads.Deferred<Result> capture(
      Submission s,
      Long variantId,
      UUID visitor,
      boolean newVisitor,
      Long referrerContactId,
      Instant now) {
    UUID clicked = newVisitor ? null : visitor;
    String email = Lead.normalizeEmail(s.email());
    String phone = Lead.normalizePhone(s.phone());
    // in a group, its addresses were locked and looked up at its start (PendingLeads.prepare)
    boolean prepared = pending.prepared(email, phone);
    if (!prepared) {
      lockAddresses(em, email, phone);
    }

    CampaignVariant variant = variantId == null ? null : em.find(CampaignVariant.class, variantId);
    Campaign campaign = variant == null ? null : variant.campaign;
    Touch touch =
        new Touch(
            campaign == null ? null : campaign.id,
            variant == null ? null : variant.id,
            s.utmSource(),
            s.utmMedium(),
            s.utmCampaign(),
            now);

    if (pending.has(email, phone)) {
      // the same person twice in one group: the first one's lead is written, then found
      pending.write();
    }
    Lead lead = prepared ? known(email, phone) : existing(email, phone);
    if (lead != null) {
      fillBlanks(lead, s, email, phone);
      pending.knows(lead);
      List<Touch> clicks = journey.clicks(clicked);
      Journey.add(lead, clicks, touch);
      lead.lastTouch = touch;
      if (lead.firstTouch == null || lead.firstTouch.isEmpty()) {
        lead.firstTouch = clicks.isEmpty() ? touch.copy() : clicks.get(0);
      }
      if (lead.visitorId == null) {
        lead.visitorId = visitor;
      }
      if (lead.status == LeadStatus.RECYCLED && lead.owner == null) {
        lead.status = LeadStatus.NEW;
        // routed by the counters with the group's new leads in them
        pending.write();
        router.route(lead, now);
      }
      lead.updatedAt = now;
      event(lead, s.source(), now);
      return PendingLeads.Deferred.of(new Result(lead.id, false));
    }

    lead = new Lead();
    fillBlanks(lead, s, email, phone);
    lead.lastName = s.lastName() == null || s.lastName().isBlank() ? "—" : s.lastName();
    lead.source = s.source();
    lead.utmSource = s.utmSource();
    lead.utmMedium = s.utmMedium();
    lead.utmCampaign = s.utmCampaign();
    lead.utmContent = s.utmContent();
    lead.utmTerm = s.utmTerm();
    lead.campaign = campaign;
    lead.variant = variant;
    lead.visitorId = visitor;
    if (referrerContactId != null) {
      lead.referrerContact = em.find(Contact.class, referrerContactId);
    }
    List<Touch> clicks = journey.clicks(clicked);
    lead.firstTouch = clicks.isEmpty() ? touch.copy() : clicks.get(0);
    Journey.add(lead, clicks, touch);
    lead.lastTouch = touch;
    lead.status = LeadStatus.NEW;
    lead.createdAt = now;
    lead.updatedAt = now;
    // scored (and routed, by PendingLeads) before the insert, so the new lead is written once
    scorer.scoreNew(lead, kind(s.source()), clicked != null, now);
    return pending.add(lead, kind(s.source()), now, l -> new Result(l.id, true));
  }

  /** Records what the person did and scores the lead again with it. */
  private void event(Lead lead, String source, Instant now) {
    recordEvent(lead, source, now);
    scorer.rescore(lead, now);
  }

  private void recordEvent(Lead lead, String source, Instant now) {
    em.flush();
    em.createNativeQuery("insert into lead_event (lead_id, kind, at) values (?1, ?2, ?3)")
        .setParameter(1, lead.id)
        .setParameter(2, kind(source))
        .setParameter(3, java.sql.Timestamp.from(now))
        .executeUpdate();
  }

  /** The engagement a submission through {@code source} counts as. */
  private static String kind(String source) {
    return switch (source == null ? "" : source) {
      case "api" -> "api";
      case "referral" -> "referral";
      default -> "form";
    };
  }

  /**
   * Serialises submissions for one e-mail or phone until the transaction ends, so two at once make
   * one lead (the form, the API, referral links and leads typed in by hand all take them): both
   * locks in one statement, e-mail first, as everywhere.
   */
  static void lockAddresses(jakarta.persistence.EntityManager em, String email, String phone) {
    io.loopcrm.common.XactLocks.take(
        em, email == null ? null : EMAIL + email, phone == null ? null : PHONE + phone);
  }

  /** The names of the address locks: an e-mail's and a phone's. */
  static final String EMAIL = "email:";

  static final String PHONE = "phone:";

  private Lead known(String email, String phone) {
    Long id = pending.newest(email, phone);
    return id == null ? null : em.find(Lead.class, id);
  }

  /**
   * The newest lead with this e-mail, else with this phone when it is the same person ({@link
   * io.loopcrm.lead.SamePerson}): one query.
   */
  private Lead existing(String email, String phone) {
    if (email == null && phone == null) {
      return null;
    }
    List<Lead> found;
    if (email != null && phone != null) {
      found =
          Lead.list(
              "(emailNormalized = ?1 or phoneNormalized = ?2) order by case when emailNormalized"
                  + " = ?1 then 0 else 1 end, createdAt desc",
              email,
              phone);
    } else if (email != null) {
      found = Lead.list("emailNormalized = ?1 order by createdAt desc", email);
    } else {
      found = Lead.list("phoneNormalized = ?1 order by createdAt desc", phone);
    }
    return found.stream()
        .filter(
            l ->
                email != null && email.equals(l.emailNormalized)
                    || io.loopcrm.lead.SamePerson.byPhone(l.emailNormalized, email))
        .findFirst()
        .orElse(null);
  }

  private static void fillBlanks(Lead lead, Submission s, String email, String phone) {
    lead.firstName = keep(lead.firstName, s.firstName());
    if (lead.lastName == null || lead.lastName.isBlank() || lead.lastName.equals("—")) {
      lead.lastName = keep(null, s.lastName());
    }
    lead.email = keep(lead.email, s.email());
    lead.emailNormalized = lead.emailNormalized == null ? email : lead.emailNormalized;
    lead.phone = keep(lead.phone, s.phone());
    lead.phoneNormalized = lead.phoneNormalized == null ? phone : lead.phoneNormalized;
    lead.company = keep(lead.company, s.company());
    lead.title = keep(lead.title, s.title());
    lead.region = keep(lead.region, s.region());
    lead.segment = keep(lead.segment, s.segment());
    lead.industry = keep(lead.industry, s.industry());
    lead.companySize = keep(lead.companySize, s.companySize());
  }

  private static String keep(String current, String submitted) {
    if (current != null && !current.isBlank()) {
      return current;
    }
    return submitted == null || submitted.isBlank() ? current : submitted.trim();
  }
}
