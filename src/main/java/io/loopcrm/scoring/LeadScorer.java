package io.loopcrm.scoring;

import io.loopcrm.common.Cached;
import io.loopcrm.common.LoopConfig;
import io.loopcrm.lead.Lead;
import io.quarkus.qute.TemplateExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes a lead's score and the reasons behind it: fit points for matching attributes, and
 * engagement points per click, form submission and referral, each halved every half-life since it
 * happened. The reasons are kept on the lead (one per line: attribute, value, points) for its page.
 */
@ApplicationScoped
public class LeadScorer {
  @Inject EntityManager em;

  @Inject LoopConfig config;

  private final Cached<List<ScoringRule>> rules =
      Cached.of(
          () -> {
            List<ScoringRule> r = ScoringRule.list("active = true order by kind, id");
            r.forEach(em::detach);
            return r;
          });

  public void invalidate() {
    rules.invalidate();
  }

  List<ScoringRule> rules() {
    return rules.get();
  }

  public int halfLifeDays() {
    return config.scoring().halfLifeDays();
  }

  /** Scores the lead (in the caller's transaction) and keeps the reasons on it. */
  public void rescore(Lead lead, Instant now) {
    rescore(lead, now, rules());
  }

  /** Scores the lead by the given active rules. */
  @SuppressWarnings("unchecked")
  void rescore(Lead lead, Instant now, List<ScoringRule> active) {
    if (active.isEmpty()) {
      lead.score = 0;
      lead.scoreReasons = null;
      return;
    }
    List<String> reasons = new ArrayList<>();
    double total = fit(active, lead, reasons);
    boolean wantsEngagement = active.stream().anyMatch(r -> !r.isFit());
    if (wantsEngagement && lead.id != null) {
      List<Object[]> events =
          em.createNativeQuery(
                  "(select 'click', c.clicked_at from click c where c.visitor_id = cast(cast(?2 as text) as uuid)"
                      // a repeated click (30 minutes, V30) is no new engagement
                      + " and c.ignored is null"
                      + " order by c.clicked_at desc limit 100)"
                      + " union all (select e.kind, e.at from lead_event e where e.lead_id = ?1"
                      + " order by e.at desc limit 100)")
              .setParameter(1, lead.id)
              .setParameter(2, lead.visitorId == null ? null : lead.visitorId.toString())
              .getResultList();
      total += engagement(active, events, now, reasons);
    }
    lead.score = (int) Math.round(total);
    lead.scoreReasons = reasons.isEmpty() ? null : String.join("\n", reasons);
  }

  /**
   * Scores a lead that is not saved yet, whose only event is the one creating it ({@code kind} at
   * {@code now}) besides its visitor's clicks: the same score as {@link #rescore} gives it once
   * saved, without reading events back and without a second write of the lead. {@code knownVisitor}
   * false: the visitor id was made up for this capture, no click can carry it yet.
   */
  @SuppressWarnings("unchecked")
  public void scoreNew(Lead lead, String kind, boolean knownVisitor, Instant now) {
    List<ScoringRule> active = rules();
    if (active.isEmpty()) {
      lead.score = 0;
      lead.scoreReasons = null;
      return;
    }
    List<String> reasons = new ArrayList<>();
    double total = fit(active, lead, reasons);
    if (active.stream().anyMatch(r -> !r.isFit())) {
      List<Object[]> events = new ArrayList<>();
      if (lead.visitorId != null && knownVisitor) {
        events.addAll(
            em.createNativeQuery(
                    "select 'click', c.clicked_at from click c where c.visitor_id = ?1"
                        + " and c.ignored is null order by c.clicked_at desc limit 100")
                .setParameter(1, lead.visitorId)
                .getResultList());
      }
      events.add(new Object[] {kind, now});
      total += engagement(active, events, now, reasons);
    }
    lead.score = (int) Math.round(total);
    lead.scoreReasons = reasons.isEmpty() ? null : String.join("\n", reasons);
  }

  private static double fit(List<ScoringRule> active, Lead lead, List<String> reasons) {
    double total = 0;
    for (ScoringRule r : active) {
      if (r.isFit() && fits(r, lead)) {
        total += r.points;
        reasons.add(r.attribute + "\t" + r.value + "\t" + r.points);
      }
    }
    return total;
  }

  /** Engagement points of the events (kind, time), each halved every half-life since. */
  private double engagement(
      List<ScoringRule> active, List<Object[]> events, Instant now, List<String> reasons) {
    double total = 0;
    for (ScoringRule r : active) {
      if (r.isFit()) {
        continue;
      }
      double points = 0;
      int count = 0;
      for (Object[] e : events) {
        if (r.attribute.equals(e[0])) {
          Instant at = at(e[1]);
          double days = Math.max(0, Duration.between(at, now).toHours() / 24.0);
          points += r.points * Math.pow(0.5, days / Math.max(1, halfLifeDays()));
          count++;
        }
      }
      if (count > 0) {
        total += points;
        reasons.add(r.attribute + "\t" + count + "\t" + Math.round(points));
      }
    }
    return total;
  }

  private static boolean fits(ScoringRule r, Lead l) {
    String v = r.value == null ? "" : r.value.trim().toLowerCase(Locale.ROOT);
    String actual =
        switch (r.attribute) {
          case "region" -> l.region;
          case "segment" -> l.segment;
          case "industry" -> l.industry;
          case "company_size" -> l.companySize;
          case "source" -> l.source;
          case "title" -> l.title;
          default -> null;
        };
    if (actual == null || v.isEmpty()) {
      return false;
    }
    String a = actual.trim().toLowerCase(Locale.ROOT);
    return r.attribute.equals("title") ? a.contains(v) : a.equals(v);
  }

  private static Instant at(Object o) {
    Instant at = io.loopcrm.common.SqlTimes.instant(o);
    return at == null ? Instant.now() : at;
  }

  /** A reason as the lead page shows it. */
  public record Reason(String attribute, String value, int points) {
    public String attributeKey() {
      return "score_attr_" + attribute;
    }

    public boolean isEngagement() {
      return ScoringRule.ENGAGEMENT.contains(attribute);
    }
  }

  public static List<Reason> reasons(String stored) {
    List<Reason> out = new ArrayList<>();
    if (stored == null) {
      return out;
    }
    for (String line : stored.split("\n")) {
      String[] p = line.split("\t", -1);
      if (p.length == 3) {
        out.add(new Reason(p[0], p[1], Integer.parseInt(p[2])));
      }
    }
    return out;
  }

  /** Why a lead has its score, for its page: {@code {lead.scoreReasonList}}. */
  @TemplateExtension
  static List<Reason> scoreReasonList(Lead lead) {
    return reasons(lead.scoreReasons);
  }
}
