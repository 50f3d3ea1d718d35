package io.loopcrm.routing;

import io.loopcrm.lead.Lead;
import io.quarkus.qute.TemplateExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lead's routing note read back into its parts, so the page can say it in the reader's language.
 * The note is stored in English words (the API returns it as is): {@code rule "NAME" → REP (N
 * open)}, {@code no rule matched …}, {@code assigned by NAME}, {@code taken over from REP by NAME},
 * {@code created by hand by NAME} or {@code created by hand by NAME, then} one of the rules' notes.
 * Anything else is shown as stored.
 */
public record RoutingNote(
    String kind, String rule, String rep, long open, String text, String handBy, String by) {
  public static final String NO_MATCH = "no rule matched or every matching rep is at capacity";

  private static final Pattern RULE = Pattern.compile("rule \"(.*)\" → (.*) \\((\\d+) open\\)");
  private static final Pattern MANUAL = Pattern.compile("assigned by (.*)");
  private static final Pattern HAND = Pattern.compile("created by hand by (.*)");
  private static final Pattern HAND_THEN = Pattern.compile("created by hand by (.*?), then (.*)");
  private static final Pattern TAKEN_OVER = Pattern.compile("taken over from (.*) by (.*)");

  public static String ofRule(String rule, String rep, long open) {
    return "rule \"" + rule + "\" → " + rep + " (" + open + " open)";
  }

  public static String manual(String by) {
    return "assigned by " + by;
  }

  /** A rep's lead that {@code by} (operations) moved to another rep on purpose. */
  public static String takenOver(String from, String by) {
    String note = "taken over from " + from + " by " + by;
    return note.length() > 300 ? note.substring(0, 300) : note;
  }

  /** A lead typed in by {@code by} and given to its owner without the rules. */
  public static String byHand(String by) {
    return "created by hand by " + by;
  }

  /**
   * A lead typed in by {@code by} and then routed by the rules ({@code routed} is the rules' note),
   * at most 300 characters like every note.
   */
  public static String byHandThen(String by, String routed) {
    String note = "created by hand by " + by + ", then " + routed;
    return note.length() > 300 ? note.substring(0, 300) : note;
  }

  public static RoutingNote parse(String note) {
    if (note == null) {
      return null;
    }
    Matcher then = HAND_THEN.matcher(note);
    if (then.matches()) {
      RoutingNote routed = parse(then.group(2));
      return new RoutingNote(
          routed.kind, routed.rule, routed.rep, routed.open, note, then.group(1), null);
    }
    Matcher m = RULE.matcher(note);
    if (m.matches()) {
      return new RoutingNote(
          "rule", m.group(1), m.group(2), Long.parseLong(m.group(3)), note, null, null);
    }
    if (note.equals(NO_MATCH)) {
      return new RoutingNote("none", null, null, 0, note, null, null);
    }
    m = MANUAL.matcher(note);
    if (m.matches()) {
      return new RoutingNote("manual", null, m.group(1), 0, note, null, null);
    }
    m = TAKEN_OVER.matcher(note);
    if (m.matches()) {
      return new RoutingNote("takenover", null, m.group(1), 0, note, null, m.group(2));
    }
    m = HAND.matcher(note);
    if (m.matches()) {
      return new RoutingNote("hand", null, m.group(1), 0, note, null, null);
    }
    return new RoutingNote("other", null, null, 0, note, null, null);
  }

  /** A lead's routing note in parts, for its page: {@code {lead.routingNoteParts}}. */
  @TemplateExtension
  static RoutingNote routingNoteParts(Lead lead) {
    return parse(lead.routingNote);
  }
}
