package io.loopcrm.lead;

import io.loopcrm.audit.AuditValue;
import io.loopcrm.funnel.LowerCaseEnumConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;

/**
 * Why a lead is where it is, kept as its parts (V34) so that its page says it in the reader's
 * language: the kind of reason, the rule and the rep it named with the rep's open leads at that
 * moment, and who acted by hand. Names are kept as they were then: a renamed rule or rep does not
 * rewrite history. The API returns {@link #text()}, the English words it has always returned.
 */
@Embeddable
public record RoutingNote(
    @Column(name = "routing_kind", length = 12) @Convert(converter = Kind.Column.class) Kind kind,
    @Column(name = "routing_rule", length = 100) String rule,
    @Column(name = "routing_rep", length = 200) String rep,
    @Column(name = "routing_open") Integer open,
    @Column(name = "routing_by", length = 200) String by)
    implements AuditValue {

  /** The kinds of reason, stored in lower case (V34's check constraint). */
  public enum Kind {
    /** A routing rule gave the lead to {@code rep}, who then had {@code open} open leads. */
    RULE,
    /** No rule matched, or every matching rep was at capacity: the lead waits in the queue. */
    NO_MATCH,
    /** Operations ({@code by}) gave an unowned lead to a rep. */
    ASSIGNED,
    /** Operations ({@code by}) moved the lead from {@code rep} to another rep. */
    TAKEN_OVER,
    /** Typed in by {@code by} and given to its owner without the rules. */
    BY_HAND;

    @Converter
    public static class Column extends LowerCaseEnumConverter<Kind> {
      public Column() {
        super(Kind.class);
      }
    }
  }

  public static final RoutingNote NO_MATCH = new RoutingNote(Kind.NO_MATCH, null, null, null, null);

  public static RoutingNote ofRule(String rule, String rep, long open) {
    return new RoutingNote(Kind.RULE, rule, rep, Math.toIntExact(open), null);
  }

  public static RoutingNote assigned(String by) {
    return new RoutingNote(Kind.ASSIGNED, null, null, null, by);
  }

  /** A rep's lead that {@code by} (operations) moved to another rep on purpose. */
  public static RoutingNote takenOver(String from, String by) {
    return new RoutingNote(Kind.TAKEN_OVER, null, from, null, by);
  }

  public static RoutingNote byHand(String by) {
    return new RoutingNote(Kind.BY_HAND, null, null, null, by);
  }

  /** This note of the rules for a lead that {@code by} typed in by hand before the rules ran. */
  public RoutingNote typedBy(String by) {
    return new RoutingNote(kind, rule, rep, open, by);
  }

  /** Whether someone typed the lead in before the rules placed it ({@code by} is that person). */
  public boolean typedByHand() {
    return by != null && (kind == Kind.RULE || kind == Kind.NO_MATCH);
  }

  /** The audit trail keeps the note in the words the API returns. */
  @Override
  public Object auditValue() {
    return text();
  }

  /** The note in English words, as the API returns it. */
  public String text() {
    String byHand = "created by hand by " + by;
    String routed =
        switch (kind) {
          case RULE -> "rule \"" + rule + "\" → " + rep + " (" + open + " open)";
          case NO_MATCH -> "no rule matched or every matching rep is at capacity";
          case ASSIGNED -> "assigned by " + by;
          case TAKEN_OVER -> "taken over from " + rep + " by " + by;
          case BY_HAND -> byHand;
        };
    return typedByHand() ? byHand + ", then " + routed : routed;
  }
}
