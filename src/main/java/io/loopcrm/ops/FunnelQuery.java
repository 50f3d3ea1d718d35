package io.loopcrm.ops;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.common.Params;
import io.loopcrm.funnel.Dimension;
import io.loopcrm.funnel.FunnelFilter;
import io.loopcrm.funnel.FunnelPage;
import io.loopcrm.funnel.Stage;
import io.loopcrm.funnel.Verdict;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The funnel page's query parameters, as they came: malformed values count as absent, a variant of
 * another campaign is dropped, and without dates the slice is the last 90 days up to today (UTC).
 */
public class FunnelQuery {
  static final int DEFAULT_DAYS = 90;

  /** The breakdowns operations chooses from: per-rep figures belong to sales. */
  static final List<Dimension> DIMENSIONS =
      List.of(
          Dimension.CAMPAIGN,
          Dimension.VARIANT,
          Dimension.CHANNEL,
          Dimension.SEGMENT,
          Dimension.TEAM);

  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;

  @QueryParam("model")
  String model;

  @QueryParam("campaign")
  String campaign;

  @QueryParam("variant")
  String variant;

  @QueryParam("channel")
  String channel;

  @QueryParam("segment")
  String segment;

  @QueryParam("team")
  String team;

  @QueryParam("by")
  String by;

  @QueryParam("step")
  String step;

  /** The campaign chosen, once {@link #view} has read it. */
  private Campaign chosen;

  /** The slice these parameters ask for, on {@code today}. */
  FunnelPage.View view(LocalDate today) {
    LocalDate end = Objects.requireNonNullElse(Params.parseDate(to), today);
    LocalDate start =
        Objects.requireNonNullElse(Params.parseDate(from), end.minusDays(DEFAULT_DAYS - 1));
    if (start.isAfter(end)) {
      LocalDate swap = start;
      start = end;
      end = swap;
    }
    Long campaignId = Params.parseLong(campaign);
    Long variantId = Params.parseLong(variant);
    Campaign c = campaignId == null ? null : Campaign.findById(campaignId);
    CampaignVariant v = variantId == null ? null : CampaignVariant.findById(variantId);
    if (v != null && c != null && !v.campaign.id.equals(c.id)) {
      v = null;
    }
    FunnelFilter f =
        new FunnelFilter(
            start,
            end,
            FunnelFilter.Model.of(model),
            c == null ? null : c.id,
            v == null ? null : v.id,
            channel != null && Campaign.CHANNELS.contains(channel) ? channel : null,
            Params.trimToNull(segment, 60),
            Params.parseLong(team));
    Dimension fallback = c == null ? Dimension.CAMPAIGN : Dimension.VARIANT;
    Dimension dim = Dimension.of(by, fallback);
    if (!DIMENSIONS.contains(dim)) {
      dim = fallback;
    }
    chosen = c;
    String s = step != null && Verdict.STEPS.contains(step) ? step : Verdict.STEPS.get(0);
    return new FunnelPage.View(
        f,
        start.toString(),
        end.toString(),
        dim,
        s,
        c == null ? null : new FunnelPage.Option(c.id, c.name));
  }

  /** The goals of the chosen campaign, to measure the funnel against; null without one. */
  Stage.Goals goals() {
    if (chosen == null) {
      return null;
    }
    return new Stage.Goals(
        chosen.goalLeads == null ? null : BigDecimal.valueOf(chosen.goalLeads),
        chosen.goalActivated == null ? null : BigDecimal.valueOf(chosen.goalActivated),
        chosen.goalRevenue,
        chosen.goalRetained == null ? null : BigDecimal.valueOf(chosen.goalRetained),
        chosen.goalReferrals == null ? null : BigDecimal.valueOf(chosen.goalReferrals));
  }
}
