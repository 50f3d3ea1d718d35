package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.lead.Audience;
import io.quarkus.qute.TemplateExtension;

/** The audience a campaign reaches, for its page ({@code campaign.audience}). */
@TemplateExtension
final class CampaignAudience {
  private CampaignAudience() {}

  static Audience audience(Campaign c) {
    return c.audienceId == null ? null : Audience.findById(c.audienceId);
  }
}
