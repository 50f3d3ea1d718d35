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
import java.util.function.Function;

/**
 * Tracking code → what a click needs (variant, campaign, status, landing URL), and a campaign's
 * split-link code → its variants and weights, cached so the busiest routes of the system pay one
 * insert and no lookup. Operations' edits call {@link #invalidate()}; entries also expire after a
 * short while, for other instances.
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
      String callToAction,
      io.loopcrm.campaign.FormFields fields) {
    public boolean capturing() {
      return status == Campaign.Status.ACTIVE;
    }
  }

  private record Cached<T>(T value, Instant loadedAt) {}

  private static final Target MISSING =
      new Target(0, 0, "", "", "", null, null, null, null, null, null, null);
  private static final Split NO_SPLIT = new Split(List.of(), List.of());

  private final Map<String, Cached<Target>> targets = new ConcurrentHashMap<>();
  private final Map<String, Cached<Split>> splits = new ConcurrentHashMap<>();

  /** Counts invalidations: a load that one overtook is answered but not kept (it may be stale). */
  private final AtomicLong generation = new AtomicLong();

  /** The target of {@code code}, or null when no variant has it. */
  public Target find(String code) {
    Target t = cached(targets, code, TrackingCodes::load);
    return t == MISSING ? null : t;
  }

  /** The split of the campaign whose code is {@code code}, or null when there is none. */
  public Split findSplit(String code) {
    Split s = cached(splits, code, TrackingCodes::loadSplit);
    return s == NO_SPLIT ? null : s;
  }

  private <T> T cached(Map<String, Cached<T>> cache, String code, Function<String, T> loader) {
    if (code == null || code.length() > 32 || !CODE.matcher(code).matches()) {
      return null;
    }
    Cached<T> c = cache.get(code);
    if (c == null || Instant.now().isAfter(c.loadedAt().plus(TTL))) {
      long before = generation.get();
      T loaded;
      try {
        loaded = loader.apply(code);
      } catch (RuntimeException e) {
        if (c == null) {
          throw e;
        }
        // the database cannot answer just now: the code's last known target serves meanwhile,
        // so a visitor still gets the form (and its "try again") or the redirect, not an error
        return c.value();
      }
      c = new Cached<>(loaded, Instant.now());
      if (cache.size() > 10_000) {
        cache.clear();
      }
      cache.put(code, c);
      if (generation.get() != before) {
        cache.remove(code, c);
      }
    }
    return c.value();
  }

  public void invalidate() {
    generation.incrementAndGet();
    targets.clear();
    splits.clear();
  }

  /** Makes every cached code due for a reload (tests of a reload that fails). */
  void expireAll() {
    targets.replaceAll((code, c) -> new Cached<>(c.value(), Instant.EPOCH));
    splits.replaceAll((code, c) -> new Cached<>(c.value(), Instant.EPOCH));
  }

  private static Target load(String code) {
    List<CampaignVariant> found =
        CampaignVariant.list(
            "from CampaignVariant v join fetch v.campaign where v.trackingCode = ?1", code);
    return found.isEmpty() ? MISSING : target(found.get(0));
  }

  private static Split loadSplit(String code) {
    List<CampaignVariant> found =
        CampaignVariant.list(
            "from CampaignVariant v join fetch v.campaign c where c.code = ?1 order by v.id", code);
    if (found.isEmpty()) {
      return NO_SPLIT;
    }
    return new Split(
        found.stream().map(TrackingCodes::target).toList(),
        found.stream().map(v -> Math.max(1, v.weight)).toList());
  }

  private static Target target(CampaignVariant v) {
    return new Target(
        v.id,
        v.campaign.id,
        v.trackingCode,
        v.campaign.name,
        v.campaign.channel.code(),
        v.campaign.status,
        v.landingUrl,
        v.thankYouUrl,
        v.headline,
        v.body,
        v.callToAction,
        v.campaign.fields());
  }
}
