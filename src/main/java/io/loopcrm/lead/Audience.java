package io.loopcrm.lead;

import io.loopcrm.audit.Audited;
import io.loopcrm.campaign.Campaign;
import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A saved, named filter over leads that operations builds: statuses, segment, region, industry, a
 * score range, the first-touch campaign or channel, the customers (won deal) of a campaign, no
 * purchase in the last N days, created between two dates. A criterion left empty does not filter.
 * Its members are the leads that match now ({@link #condition}): counted, previewed and exported by
 * the lead list's own search.
 */
@Entity
@Table(name = "audience")
public class Audience extends PanacheEntity implements Audited {
  public static final int NAME_MAX = 100;

  @Column(nullable = false)
  public String name;

  /** Lead statuses, comma-separated codes; null: any. */
  public String statuses;

  public String segment;
  public String region;
  public String industry;
  public Integer minScore;
  public Integer maxScore;

  @ManyToOne(fetch = FetchType.LAZY)
  public Campaign firstTouchCampaign;

  /** The channel of the first-touch campaign, as its code. */
  public String channel;

  @ManyToOne(fetch = FetchType.LAZY)
  public Campaign customersOfCampaign;

  public Integer noPurchaseDays;
  public LocalDate createdFrom;
  public LocalDate createdTo;

  @ManyToOne(fetch = FetchType.LAZY)
  public Member createdBy;

  @Column(nullable = false, updatable = false)
  public Instant createdAt = Instant.now();

  @Column(nullable = false)
  public Instant updatedAt = Instant.now();

  @Version public long version;

  /** An SQL condition on {@code lead l} and its parameters. */
  public record Condition(String sql, Map<String, Object> params) {}

  /** The statuses chosen, in their order. */
  public List<LeadStatus> statusList() {
    if (statuses == null || statuses.isBlank()) {
      return List.of();
    }
    return Arrays.stream(statuses.split(","))
        .map(s -> LeadStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)))
        .toList();
  }

  /**
   * Who is in the audience, as a condition on {@code lead l}; dates on {@code zone}'s calendar,
   * "the last N days" up to {@code now}.
   */
  public Condition condition(ZoneId zone, Instant now) {
    List<String> c = new ArrayList<>();
    Map<String, Object> p = new LinkedHashMap<>();
    List<LeadStatus> chosen = statusList();
    if (!chosen.isEmpty()) {
      c.add("l.status in (:a_statuses)");
      p.put("a_statuses", chosen.stream().map(LeadStatus::param).toList());
    }
    equal(c, p, "segment", segment);
    equal(c, p, "region", region);
    equal(c, p, "industry", industry);
    if (minScore != null) {
      c.add("l.score >= :a_min");
      p.put("a_min", minScore);
    }
    if (maxScore != null) {
      c.add("l.score <= :a_max");
      p.put("a_max", maxScore);
    }
    if (firstTouchCampaign != null) {
      c.add("l.first_touch_campaign_id = :a_first");
      p.put("a_first", firstTouchCampaign.id);
    }
    if (channel != null) {
      c.add(
          "l.first_touch_campaign_id in (select k.id from campaign k where k.channel = :a_channel)");
      p.put("a_channel", channel);
    }
    if (customersOfCampaign != null) {
      // bought: the lead's own deal won, attributed to the campaign
      c.add("l.deal_status = 'won' and l.first_touch_campaign_id = :a_customers");
      p.put("a_customers", customersOfCampaign.id);
    }
    if (noPurchaseDays != null) {
      // no deal won in those days on the account the lead became (repeat purchases count too)
      c.add(
          "not exists (select 1 from deal cd join deal d on d.account_id = cd.account_id"
              + " where cd.id = l.converted_deal_id and d.status = 'won' and d.closed_at >= :a_since)");
      p.put(
          "a_since", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(noPurchaseDays))));
    }
    if (createdFrom != null) {
      c.add("l.created_at >= :a_from");
      p.put("a_from", java.sql.Timestamp.from(createdFrom.atStartOfDay(zone).toInstant()));
    }
    if (createdTo != null) {
      c.add("l.created_at < :a_to");
      p.put("a_to", java.sql.Timestamp.from(createdTo.plusDays(1).atStartOfDay(zone).toInstant()));
    }
    return new Condition(c.isEmpty() ? "true" : String.join(" and ", c), p);
  }

  private static void equal(List<String> c, Map<String, Object> p, String column, String value) {
    if (value != null) {
      c.add("l." + column + " = :a_" + column);
      p.put("a_" + column, value);
    }
  }

  /** How many leads are in the audience now: one statement. */
  public long count(ZoneId zone, Instant now) {
    Condition cond = condition(zone, now);
    var q = getEntityManager().createNativeQuery("select count(*) from lead l where " + cond.sql());
    cond.params().forEach(q::setParameter);
    return ((Number) q.getSingleResult()).longValue();
  }

  /** The audience with this name, whatever its case, other than {@code except}. */
  public static boolean isNameTaken(String name, Long except) {
    return count(
            "lower(name) = ?1 and id <> ?2",
            name.trim().toLowerCase(Locale.ROOT),
            except == null ? -1L : except)
        > 0;
  }
}
