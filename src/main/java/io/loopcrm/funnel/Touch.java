package io.loopcrm.funnel;

import io.loopcrm.audit.AuditValue;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * An attribution snapshot: which campaign, variant and UTM tags a person came through, and when.
 * Captured when the touch happens and copied, never recomputed, so later edits of campaigns do not
 * rewrite history.
 */
@Embeddable
public class Touch implements AuditValue {
  @Column(updatable = false)
  public Long campaignId;

  @Column(updatable = false)
  public Long variantId;

  @Column(updatable = false)
  public String utmSource;

  @Column(updatable = false)
  public String utmMedium;

  @Column(updatable = false)
  public String utmCampaign;

  @Column(updatable = false)
  public Instant at;

  public Touch() {}

  public Touch(
      Long campaignId,
      Long variantId,
      String utmSource,
      String utmMedium,
      String utmCampaign,
      Instant at) {
    this.campaignId = campaignId;
    this.variantId = variantId;
    this.utmSource = utmSource;
    this.utmMedium = utmMedium;
    this.utmCampaign = utmCampaign;
    this.at = at;
  }

  /** A copy, for handing a lead's snapshot to a deal. */
  public Touch copy() {
    return new Touch(campaignId, variantId, utmSource, utmMedium, utmCampaign, at);
  }

  public boolean isEmpty() {
    return campaignId == null && utmSource == null && at == null;
  }

  /** The trail names the touch's campaign. */
  @Override
  public Object auditValue() {
    return campaignId == null ? null : "campaign " + campaignId;
  }
}
