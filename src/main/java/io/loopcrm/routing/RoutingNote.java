package io.loopcrm.routing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lead's routing note read back into its parts, so the page can say it in the reader's language.
 * The note is stored in English words (the API returns it as is): {@code rule "NAME" → REP (N
 * open)}, {@code no rule matched …}, {@code assigned by NAME} or {@code created by hand by NAME}.
 * Anything else is shown as stored.
 */
public record RoutingNote(String kind, String rule, String rep, long open, String text) {
  public static final String NO_MATCH = "no rule matched or every matching rep is at capacity";

  private static final Pattern RULE = Pattern.compile("rule \"(.*)\" → (.*) \\((\\d+) open\\)");
  private static final Pattern MANUAL = Pattern.compile("assigned by (.*)");
  private static final Pattern HAND = Pattern.compile("created by hand by (.*)");

  public static String ofRule(String rule, String rep, long open) {
    return "rule \"" + rule + "\" → " + rep + " (" + open + " open)";
  }

  public static String manual(String by) {
    return "assigned by " + by;
  }

  /** A lead typed in by {@code by} and given to its owner without the rules. */
  public static String byHand(String by) {
    return "created by hand by " + by;
  }

  public static RoutingNote parse(String note) {
    if (note == null) {
      return null;
    }
    Matcher m = RULE.matcher(note);
    if (m.matches()) {
      return new RoutingNote("rule", m.group(1), m.group(2), Long.parseLong(m.group(3)), note);
    }
    if (note.equals(NO_MATCH)) {
      return new RoutingNote("none", null, null, 0, note);
    }
    m = MANUAL.matcher(note);
    if (m.matches()) {
      return new RoutingNote("manual", null, m.group(1), 0, note);
    }
    m = HAND.matcher(note);
    if (m.matches()) {
      return new RoutingNote("hand", null, m.group(1), 0, note);
    }
    return new RoutingNote("other", null, null, 0, note);
  }
}
