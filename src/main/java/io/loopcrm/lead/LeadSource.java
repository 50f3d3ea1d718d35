package io.loopcrm.lead;

import java.util.Set;

/**
 * Where a lead came from, as a reader sees it: the sources Loop writes itself (the form, referrals,
 * the API, imports, hand entry and the hand-entry choices, the campaign channels of the demo data),
 * each with a label in the {@code lbl} bundle; a source an import or an API client brought is shown
 * as written.
 */
public final class LeadSource {
  private LeadSource() {}

  static final Set<String> KNOWN =
      Set.of(
          "web_form",
          "referral",
          "api",
          "import",
          "manual",
          "web",
          "phone",
          "walk_in",
          "event",
          "email",
          "partner",
          "other",
          "search",
          "social",
          "display",
          "events",
          "content");

  /** The label key of a lead's source ({@code source_web_form}), or null for one of its own. */
  public static String key(String source) {
    return source != null && KNOWN.contains(source) ? "source_" + source : null;
  }
}
