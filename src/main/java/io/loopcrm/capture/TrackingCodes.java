package io.loopcrm.capture;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tracking code → what a click needs (variant, campaign, status, landing URL), cached so the
 * busiest route of the system pays one insert and no lookup. Operations' edits call {@link
 * #invalidate()}; entries also expire after a short while, for other instances.
 */
@ApplicationScoped
public class TrackingCodes {
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final java.util.regex.Pattern CODE =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

  /** What a tracking code stands for. */
  public record Target(
      long variantId,
      long campaignId,
      String code,
      String campaignName,
      String channel,
      Campaign.Status status,
      String landingUrl,
      String thankYouUrl,
      String headline,
      String body,
      String callToAction) {
    public boolean capturing() {
      return status == Campaign.Status.ACTIVE;
    }
  }

  private record Cached(Target target, Instant loadedAt) {}

  private static final Target MISSING =
      new Target(0, 0, "", "", "", null, null, null, null, null, null);

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** Counts invalidations: a load that one overtook is answered but not kept (it may be stale). */
  private final AtomicLong generation = new AtomicLong();

  /** The target of {@code code}, or null when no variant has it. */
  public Target find(String code) {
    if (code == null || code.length() > 32 || !CODE.matcher(code).matches()) {
      return null;
    }
    Cached c = cache.get(code);
    if (c == null || Instant.now().isAfter(c.loadedAt().plus(TTL))) {
      long before = generation.get();
      Target loaded;
      try {
        loaded = load(code);
      } catch (RuntimeException e) {
        if (c == null) {
          throw e;
        }
        // the database cannot answer just now: the code's last known target serves meanwhile,
        // so a visitor still gets the form (and its "try again") or the redirect, not an error
        return c.target() == MISSING ? null : c.target();
      }
      c = new Cached(loaded, Instant.now());
      if (cache.size() > 10_000) {
        cache.clear();
      }
      cache.put(code, c);
      if (generation.get() != before) {
        cache.remove(code, c);
      }
    }
    return c.target() == MISSING ? null : c.target();
  }

  public void invalidate() {
    generation.incrementAndGet();
    cache.clear();
  }

  /** Makes every cached code due for a reload (tests of a reload that fails). */
  void expireAll() {
    cache.replaceAll((code, c) -> new Cached(c.target(), Instant.EPOCH));
  }

  private static Target load(String code) {
    List<CampaignVariant> found =
        CampaignVariant.list(
            "from CampaignVariant v join fetch v.campaign where v.trackingCode = ?1", code);
    if (found.isEmpty()) {
      return MISSING;
    }
    CampaignVariant v = found.get(0);
    return new Target(
        v.id,
        v.campaign.id,
        v.trackingCode,
        v.campaign.name,
        v.campaign.channel,
        v.campaign.status,
        v.landingUrl,
        v.thankYouUrl,
        v.headline,
        v.body,
        v.callToAction);
  }
}
