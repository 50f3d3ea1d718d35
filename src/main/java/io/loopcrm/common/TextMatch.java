package io.loopcrm.common;

import java.util.Locale;
import java.util.Map;

/**
 * A case-insensitive substring search on a trigram-indexed text, fast also for phrases of common
 * words: a trigram index looks up every trigram of the pattern, and the posting lists of common
 * ones ("com", "pan" of "Company" in a million "Company N") cost most of the time. So the index is
 * asked for the phrase's most selective word only, and the whole phrase is checked on the rows it
 * finds (written {@code (text || '')}, which the index does not serve). One word is asked as it is.
 */
public final class TextMatch {
  private TextMatch() {}

  /** {@code text} contains {@code q}: SQL with parameters {@code :name} and {@code :nameKey}. */
  public static String clause(String text, String q, String name, Map<String, Object> params) {
    params.put(name, like(q));
    params.put(name + "Key", like(keyWord(q)));
    return text + " ilike :" + name + "Key and (" + text + " || '') ilike :" + name;
  }

  /** The pattern of a substring match, with LIKE's own characters taken literally. */
  public static String like(String q) {
    return "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /**
   * The word the index is best asked for: words of three characters or more (shorter ones have no
   * trigram of their own), those with digits or an at sign first (numbers, phones, addresses are
   * rare), then the longest; the whole phrase when no word qualifies.
   */
  public static String keyWord(String q) {
    String best = null;
    int bestRank = -1;
    for (String w : q.trim().split("\\s+")) {
      if (w.length() < 3) {
        continue;
      }
      int rank =
          (w.chars().anyMatch(c -> Character.isDigit(c) || c == '@') ? 1000 : 0) + w.length();
      if (rank > bestRank) {
        best = w;
        bestRank = rank;
      }
    }
    return best == null ? q.trim() : best.toLowerCase(Locale.ROOT);
  }
}
