package io.loopcrm.campaign;

import io.loopcrm.audit.Audited;
import io.loopcrm.people.Member;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A dated cost of a campaign, optionally of one variant and channel. */
@Entity
@Table(name = "cost_entry")
public class CostEntry extends PanacheEntity implements Audited {
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Campaign campaign;

  @ManyToOne(fetch = FetchType.LAZY)
  public CampaignVariant variant;

  @Convert(converter = Channel.Column.class)
  public Channel channel;

  @Column(nullable = false)
  public LocalDate incurredOn;

  @Column(nullable = false)
  public BigDecimal amount;

  @Column(nullable = false, length = 3)
  public String currency;

  public String note;

  @ManyToOne(fetch = FetchType.LAZY)
  public Member createdBy;

  public Instant createdAt = Instant.now();

  public static List<CostEntry> ofCampaign(long campaignId) {
    return list(
        "from CostEntry e left join fetch e.variant left join fetch e.createdBy"
            + " where e.campaign.id = ?1 order by e.incurredOn desc, e.id desc",
        campaignId);
  }
}
