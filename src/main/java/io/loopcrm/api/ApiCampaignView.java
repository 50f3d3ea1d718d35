package io.loopcrm.api;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign with its variants as the API and the webhooks show it. */
@Schema(name = "Campaign")
public record ApiCampaignView(
    long id,
    String name,
    @Schema(description = "draft, scheduled, active, paused or completed") String status,
    String objective,
    String channel,
    LocalDate startsOn,
    LocalDate endsOn,
    BigDecimal budget,
    String currency,
    Long ownerId,
    Long parentId,
    @Schema(description = "The audience it reaches (GET /api/audiences/{id})") Long audienceId,
    String splitPath,
    List<Variant> variants,
    long version) {

  /** A variant: its tracking code goes into {@code variantCode} of a new lead. */
  @Schema(name = "Variant")
  public record Variant(
      long id,
      String name,
      String code,
      int weight,
      String headline,
      String body,
      String callToAction,
      String landingUrl,
      String thankYouUrl,
      String trackingPath,
      String formPath) {

    static Variant of(CampaignVariant v) {
      return new Variant(
          v.id,
          v.name,
          v.trackingCode,
          v.weight,
          v.headline,
          v.body,
          v.callToAction,
          v.landingUrl,
          v.thankYouUrl,
          "/t/" + v.trackingCode,
          "/f/" + v.trackingCode);
    }
  }

  /** Campaign {@code c} with its {@code variants}. */
  public static ApiCampaignView of(Campaign c, List<CampaignVariant> variants) {
    return new ApiCampaignView(
        c.id,
        c.name,
        c.status.code(),
        c.objectiveCode(),
        c.channel.code(),
        c.startsOn,
        c.endsOn,
        c.budget,
        c.currency,
        c.owner == null ? null : c.owner.id,
        c.parent == null ? null : c.parent.id,
        c.audienceId,
        "/t/c/" + c.code,
        variants.stream().map(Variant::of).toList(),
        c.version);
  }

  /** Campaign {@code c} with its variants read. */
  public static ApiCampaignView of(Campaign c) {
    return of(c, CampaignVariant.list("campaign.id = ?1 order by name, id", c.id));
  }
}
