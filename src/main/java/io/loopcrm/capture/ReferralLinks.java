package io.loopcrm.capture;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import java.util.List;

/** The referral programme: the campaign whose form referral links lead to. */
public final class ReferralLinks {
  private ReferralLinks() {}

  /** The first variant of the newest active campaign whose objective is referral, or null. */
  public static CampaignVariant programmeVariant() {
    List<CampaignVariant> found =
        CampaignVariant.list(
            "from CampaignVariant v join fetch v.campaign c where c.objective = ?1 and c.status = ?2"
                + " order by c.createdAt desc, v.id",
            Campaign.Objective.REFERRAL,
            Campaign.Status.ACTIVE);
    return found.isEmpty() ? null : found.get(0);
  }
}
