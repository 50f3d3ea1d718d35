package io.loopcrm.routing;

import io.loopcrm.audit.Audited;
import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.people.Team;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One routing rule, tried in order: every condition left empty matches anything; the first rule
 * that matches and has a rep with room gets the lead.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntity implements Audited {
  @Column(nullable = false)
  public int position;

  @Column(nullable = false, length = 100)
  public String name;

  public String region;
  public String segment;
  public String source;

  @ManyToOne(fetch = FetchType.LAZY)
  public Campaign campaign;

  @ManyToOne(fetch = FetchType.LAZY)
  public CampaignVariant variant;

  @ManyToOne(fetch = FetchType.LAZY)
  public Team team;

  /** Named reps (member ids, comma-separated) instead of, or as well as, a team. */
  public String memberIds;

  public boolean active = true;

  public List<Long> memberIdList() {
    if (memberIds == null || memberIds.isBlank()) {
      return List.of();
    }
    return Arrays.stream(memberIds.split(",")).map(String::trim).map(Long::valueOf).toList();
  }

  /** Whether a lead with these attributes meets every condition of the rule. */
  public boolean matches(
      String leadRegion, String leadSegment, String leadSource, Long campaignId, Long variantId) {
    return same(region, leadRegion)
        && same(segment, leadSegment)
        && same(source, leadSource)
        && (campaign == null || Objects.equals(campaign.id, campaignId))
        && (variant == null || Objects.equals(variant.id, variantId));
  }

  private static boolean same(String condition, String value) {
    return condition == null
        || condition.isBlank()
        || (value != null
            && condition
                .trim()
                .toLowerCase(Locale.ROOT)
                .equals(value.trim().toLowerCase(Locale.ROOT)));
  }

  public static List<RoutingRule> listOrdered() {
    return list(
        "from RoutingRule r left join fetch r.team left join fetch r.campaign left join fetch r.variant"
            + " order by r.position, r.id");
  }
}
