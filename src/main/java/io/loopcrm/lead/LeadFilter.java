package io.loopcrm.lead;

import io.loopcrm.common.Params;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a lead list shows: search text, filters, order and the keyset cursor. It lives in the URL,
 * so a view can be bookmarked and shared. Unknown or malformed values are dropped, never trusted.
 */
public record LeadFilter(
    String q,
    LeadStatus status,
    Long campaignId,
    String source,
    String region,
    LocalDate createdFrom,
    LocalDate createdTo,
    LeadSort sort,
    String after,
    int size,
    boolean unassigned,
    Integer minScore,
    Long ownerId) {

  public static final int DEFAULT_SIZE = 25;
  public static final int MAX_SIZE = 100;

  public static LeadFilter parse(
      String q,
      String status,
      String campaign,
      String source,
      String region,
      String from,
      String to,
      String sort,
      String after,
      String size) {
    return parse(q, status, campaign, source, region, from, to, sort, after, size, null, null);
  }

  /**
   * The same with the owner filter: "none" keeps the operations lead queue, a member's id that
   * member's leads (among those the viewer sees).
   */
  public static LeadFilter parse(
      String q,
      String status,
      String campaign,
      String source,
      String region,
      String from,
      String to,
      String sort,
      String after,
      String size,
      String owner,
      String minScore) {
    Long min = Params.parseLong(minScore);
    return new LeadFilter(
        Params.trimToNull(q, 100),
        parseStatus(status),
        Params.parseLong(campaign),
        Params.trimToNull(source, 40),
        Params.trimToNull(region, 60),
        Params.parseDate(from),
        Params.parseDate(to),
        LeadSort.fromParam(sort),
        Params.trimToNull(after, 200),
        parseSize(size),
        "none".equals(owner),
        min == null || min < -100000 || min > 100000 ? null : min.intValue(),
        "none".equals(owner) ? null : Params.parseLong(owner));
  }

  /** The query string of this view without the cursor, for links that keep the filters. */
  public String queryWithout(String... dropped) {
    Map<String, String> params = new LinkedHashMap<>();
    put(params, "q", q);
    put(params, "status", status == null ? null : status.name().toLowerCase(java.util.Locale.ROOT));
    put(params, "campaign", campaignId == null ? null : campaignId.toString());
    put(params, "source", source);
    put(params, "region", region);
    put(params, "from", createdFrom == null ? null : createdFrom.toString());
    put(params, "to", createdTo == null ? null : createdTo.toString());
    put(params, "sort", sort == LeadSort.CREATED_DESC ? null : sort.param());
    put(params, "size", size == DEFAULT_SIZE ? null : Integer.toString(size));
    put(params, "owner", unassigned ? "none" : ownerId == null ? null : ownerId.toString());
    put(params, "minScore", minScore == null ? null : minScore.toString());
    for (String d : dropped) {
      params.remove(d);
    }
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Every lead, newest first: no search, no filter. */
  public static LeadFilter all() {
    return parse(null, null, null, null, null, null, null, null, null, null);
  }

  /** The same view with another page size and no cursor (exports read it in large pages). */
  public LeadFilter withSize(int pageSize, String cursor) {
    return new LeadFilter(
        q,
        status,
        campaignId,
        source,
        region,
        createdFrom,
        createdTo,
        sort,
        cursor,
        pageSize,
        unassigned,
        minScore,
        ownerId);
  }

  /** The owner filter as a form value. */
  public String ownerParam() {
    return ownerId == null ? "" : ownerId.toString();
  }

  public String statusParam() {
    return status == null ? "" : status.name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean isFiltered() {
    return q != null
        || status != null
        || campaignId != null
        || source != null
        || region != null
        || createdFrom != null
        || createdTo != null
        || unassigned
        || minScore != null
        || ownerId != null;
  }

  private static void put(Map<String, String> params, String key, String value) {
    if (value != null) {
      params.put(key, value);
    }
  }

  private static LeadStatus parseStatus(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LeadStatus.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int parseSize(String s) {
    try {
      int n = s == null ? DEFAULT_SIZE : Integer.parseInt(s.trim());
      return Math.max(1, Math.min(MAX_SIZE, n));
    } catch (NumberFormatException e) {
      return DEFAULT_SIZE;
    }
  }
}
