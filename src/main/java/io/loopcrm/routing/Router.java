package io.loopcrm.routing;

import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.lead.RoutingNote;
import io.loopcrm.people.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends a lead to a rep by the ordered routing rules: the first active rule whose conditions match
 * and that has a rep with room wins; within it, the rep with the fewest open leads (ties: the one
 * who got a lead longest ago) below their capacity. Leads no rule can place wait in the lead queue.
 * Runs at capture, at import and on demand, and writes down why the lead went where it did. The
 * open loads come from counters the lead trigger keeps (V13), so a pick costs one row per rep, and
 * the lock it takes is the picked rep's counter row (V19), not the rule.
 */
@ApplicationScoped
public class Router {
  @Inject EntityManager em;
  @Inject io.loopcrm.lead.SegmentBands segments;

  /** Where a lead went: a rep and a rule, or the queue (both null). */
  public record Decision(Member owner, RoutingRule rule, RoutingNote note) {
    public boolean queued() {
      return owner == null;
    }
  }

  /** Routes one lead (in the caller's transaction) and records the decision on it. */
  public Decision route(Lead lead, Instant now) {
    return route(lead, RoutingRule.listOrdered(), now);
  }

  /** The same with the rules already loaded, for imports that route many leads. */
  public Decision route(Lead lead, List<RoutingRule> rules, Instant now) {
    segments.fill(List.of(lead));
    Long campaignId = lead.campaign == null ? null : lead.campaign.id;
    Long variantId = lead.variant == null ? null : lead.variant.id;
    for (RoutingRule rule : rules) {
      if (!rule.active
          || !rule.matches(lead.region, lead.segment, lead.source, campaignId, variantId)) {
        continue;
      }
      Optional<Pick> pick = pick(rule);
      if (pick.isPresent()) {
        Member owner = em.find(Member.class, pick.get().memberId());
        RoutingNote note = RoutingNote.ofRule(rule.name, owner.displayName, pick.get().open());
        assign(lead, owner, rule, note, now);
        return new Decision(owner, rule, note);
      }
    }
    lead.owner = null;
    lead.routingRuleId = null;
    lead.routingNote = RoutingNote.NO_MATCH;
    if (lead.status == LeadStatus.ASSIGNED) {
      lead.status = LeadStatus.NEW;
    }
    return new Decision(null, null, lead.routingNote);
  }

  /** A rep's load as a batch routing sees it, moved along as it assigns. */
  private static final class Load {
    final long memberId;
    final Integer capacity;
    long open;
    Instant lastAssigned;

    Load(long memberId, long open, Instant lastAssigned, Integer capacity) {
      this.memberId = memberId;
      this.open = open;
      this.lastAssigned = lastAssigned;
      this.capacity = capacity;
    }

    boolean hasRoom() {
      return capacity == null || open < capacity;
    }
  }

  private static final java.util.Comparator<Load> LEAST_LOADED =
      java.util.Comparator.<Load>comparingLong(l -> l.open)
          .thenComparing(l -> l.lastAssigned, java.util.Comparator.nullsFirst(Instant::compareTo))
          .thenComparingLong(l -> l.memberId);

  /**
   * Routes many new leads at once (an import's batch) as one-by-one routing would: each matching
   * rule's reps and their counters are read and locked once per batch (in member order, so two
   * batches cannot deadlock), and the picks are made in memory, each moving the picked rep's load
   * on. The lead trigger then moves the counters themselves as the leads are written. One query per
   * rule instead of one per lead, and no flush of the batch before each lead's pick.
   */
  public void routeAll(List<Lead> leads, List<RoutingRule> rules, Instant now) {
    segments.fill(leads);
    java.util.Map<Long, List<Load>> byRule = new java.util.HashMap<>();
    java.util.Map<Long, Load> byMember = new java.util.HashMap<>();
    for (Lead lead : leads) {
      Long campaignId = lead.campaign == null ? null : lead.campaign.id;
      Long variantId = lead.variant == null ? null : lead.variant.id;
      boolean placed = false;
      for (RoutingRule rule : rules) {
        if (!rule.active
            || !rule.matches(lead.region, lead.segment, lead.source, campaignId, variantId)) {
          continue;
        }
        Optional<Load> best =
            byRule.computeIfAbsent(rule.id, id -> loads(rule, byMember)).stream()
                .filter(Load::hasRoom)
                .min(LEAST_LOADED);
        if (best.isPresent()) {
          Load load = best.get();
          Member owner = em.find(Member.class, load.memberId);
          assign(
              lead, owner, rule, RoutingNote.ofRule(rule.name, owner.displayName, load.open), now);
          load.open++;
          load.lastAssigned = now;
          placed = true;
          break;
        }
      }
      if (!placed) {
        lead.owner = null;
        lead.routingRuleId = null;
        lead.routingNote = RoutingNote.NO_MATCH;
        if (lead.status == LeadStatus.ASSIGNED) {
          lead.status = LeadStatus.NEW;
        }
      }
    }
  }

  /** The rule's reps with their counters, locked until commit; shared between rules by member. */
  @SuppressWarnings("unchecked")
  private List<Load> loads(RoutingRule rule, java.util.Map<Long, Load> byMember) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select ml.member_id, ml.open_leads, ml.last_assigned_at, m.lead_capacity"
                    + " from member_load ml join member m on m.id = ml.member_id"
                    + " where m.enabled and m.roles like '%sales%'"
                    + "   and ((cast(?1 as bigint) is not null and m.team_id = ?1)"
                    + "        or m.id = any(cast(?2 as bigint[])))"
                    + " order by ml.member_id for update of ml")
            .setParameter(1, rule.team == null ? null : rule.team.id)
            .setParameter(2, rule.memberIdList().toArray(new Long[0]))
            .getResultList();
    List<Load> loads = new java.util.ArrayList<>();
    for (Object[] r : rows) {
      long id = ((Number) r[0]).longValue();
      loads.add(
          byMember.computeIfAbsent(
              id,
              k ->
                  new Load(
                      k,
                      ((Number) r[1]).longValue(),
                      r[2] == null ? null : toInstant(r[2]),
                      r[3] == null ? null : ((Number) r[3]).intValue())));
    }
    return loads;
  }

  private static Instant toInstant(Object o) {
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof java.time.OffsetDateTime d) {
      return d.toInstant();
    }
    return ((java.sql.Timestamp) o).toInstant();
  }

  private static void assign(
      Lead lead, Member owner, RoutingRule rule, RoutingNote note, Instant now) {
    lead.owner = owner;
    lead.assignedAt = now;
    lead.routingRuleId = rule.id;
    lead.routingNote = note;
    if (lead.status == LeadStatus.NEW) {
      lead.status = LeadStatus.ASSIGNED;
    }
  }

  record Pick(long memberId, long open) {}

  private static final String PICK =
      "select ml.member_id, ml.open_leads from member_load ml join member m on m.id = ml.member_id"
          + " where m.enabled and m.roles like '%sales%'"
          + "   and ((cast(?1 as bigint) is not null and m.team_id = ?1)"
          + "        or m.id = any(cast(?2 as bigint[])))"
          + "   and (m.lead_capacity is null or ml.open_leads < m.lead_capacity)"
          + " order by ml.open_leads, ml.last_assigned_at nulls first, ml.member_id"
          + " limit 1 for update of ml";

  /**
   * The rule's least loaded rep with room, read from the counters the lead trigger keeps ({@code
   * member_load}, V13): one row per rep, whatever the number of leads. The pick locks that rep's
   * counter row, which the lead's insert updates anyway in this transaction; a capture at the same
   * time skips locked rows and takes the next rep, so captures spread over the team instead of
   * queueing on one lock. Only when every rep with room is taken does it wait for the least loaded.
   */
  private Optional<Pick> pick(RoutingRule rule) {
    Optional<Pick> free = pick(rule, PICK + " skip locked");
    return free.isPresent() ? free : pick(rule, PICK);
  }

  @SuppressWarnings("unchecked")
  private Optional<Pick> pick(RoutingRule rule, String sql) {
    List<Object[]> rows =
        em.createNativeQuery(sql)
            .setParameter(1, rule.team == null ? null : rule.team.id)
            .setParameter(2, rule.memberIdList().toArray(new Long[0]))
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new Pick(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
  }
}
