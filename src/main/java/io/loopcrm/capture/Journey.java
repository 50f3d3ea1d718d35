package io.loopcrm.capture;

import io.loopcrm.funnel.Touch;
import io.loopcrm.lead.Lead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead's journey as captures keep it: the distinct campaigns and variants that touched the
 * person, first touch first, from the visitor's tracked clicks and each submission (the funnel's
 * linear credit is shared over it, R__funnel.sql).
 */
@ApplicationScoped
class Journey {
  @Inject EntityManager em;

  /** Most touches a journey keeps (the first ones, and always the latest as the last). */
  static final int JOURNEY_MAX = 20;

  /** A campaign and variant touched (the journey's unit). */
  private record Step(Long campaignId, Long variantId) {}

  /**
   * Adds to the lead's journey what is new: for a lead without one its first and last touch so far,
   * then the visitor's tracked clicks in the order they first happened, then this submission; each
   * campaign and variant once.
   */
  static void add(Lead lead, List<Touch> clicks, Touch submission) {
    java.util.LinkedHashSet<Step> steps = new java.util.LinkedHashSet<>();
    if (lead.journeyCampaignIds != null && !lead.journeyCampaignIds.isEmpty()) {
      for (int i = 0; i < lead.journeyCampaignIds.size(); i++) {
        steps.add(new Step(lead.journeyCampaignIds.get(i), lead.journeyVariantIds.get(i)));
      }
    } else {
      for (Touch t : new Touch[] {lead.firstTouch, lead.lastTouch}) {
        if (t != null) {
          steps.add(new Step(t.campaignId, t.variantId));
        }
      }
    }
    clicks.forEach(t -> steps.add(new Step(t.campaignId, t.variantId)));
    steps.removeIf(step -> step.campaignId() == null);
    List<Step> kept = new java.util.ArrayList<>(steps);
    if (kept.size() >= JOURNEY_MAX) {
      kept = kept.subList(0, JOURNEY_MAX - 1);
    }
    Step last = new Step(submission.campaignId, submission.variantId);
    if (last.campaignId() != null && !kept.contains(last)) {
      kept.add(last);
    }
    if (kept.isEmpty()) {
      return;
    }
    lead.journeyCampaignIds = kept.stream().map(Step::campaignId).toList();
    lead.journeyVariantIds = kept.stream().map(Step::variantId).toList();
  }

  /**
   * The visitor's tracked clicks, one per campaign and variant in the order they first happened,
   * each with the UTM values and time of its first click (so the first is the first touch): one
   * query for both the first touch and the journey.
   */
  @SuppressWarnings("unchecked")
  List<Touch> clicks(UUID visitor) {
    if (visitor == null) {
      return List.of();
    }
    List<Touch> out = new java.util.ArrayList<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "select campaign_id, variant_id,"
                        + " (array_agg(utm_source order by clicked_at, id))[1],"
                        + " (array_agg(utm_medium order by clicked_at, id))[1],"
                        + " (array_agg(utm_campaign order by clicked_at, id))[1], min(clicked_at)"
                        + " from click where visitor_id = ?1 group by 1, 2"
                        + " order by min(clicked_at), min(id) limit "
                        + JOURNEY_MAX)
                .setParameter(1, visitor)
                .getResultList()) {
      out.add(
          new Touch(
              ((Number) r[0]).longValue(),
              r[1] == null ? null : ((Number) r[1]).longValue(),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              r[5] instanceof java.time.OffsetDateTime t
                  ? t.toInstant()
                  : r[5] instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) r[5]));
    }
    return out;
  }
}
