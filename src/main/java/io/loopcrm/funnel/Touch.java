package io.loopcrm.funnel;

import io.loopcrm.audit.AuditValue;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * An attribution snapshot: which campaign, variant and UTM tags a person came through, and when.
 * Captured when the touch happens and copied, never recomputed, so later edits of campaigns do not
 * rewrite history. An owner names its columns with a prefix ({@code @EmbeddedColumnNaming
 * ("first_touch_%s")}: first_touch_campaign_id, first_touch_utm_source, first_touch_at …). A lead's
 * last touch moves with each visit; a deal's touches are copies made once ({@code @Immutable}).
 */
@Embeddable
public class Touch implements AuditValue {
  public Long campaignId;

  public Long variantId;

  public String utmSource;

  public String utmMedium;

  public String utmCampaign;

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
