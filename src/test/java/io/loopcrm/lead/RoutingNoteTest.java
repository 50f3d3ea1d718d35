package io.loopcrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A routing note's parts and the English words the API returns for them. */
class RoutingNoteTest {

  @Test
  void aRulesNoteNamesTheRuleAndTheRepWithTheirOpenLeads() {
    RoutingNote rule = RoutingNote.ofRule("East \"big\" deals", "Rita Rep", 58);
    assertThat(rule.kind()).isEqualTo(RoutingNote.Kind.RULE);
    assertThat(rule.open()).isEqualTo(58);
    assertThat(rule.typedByHand()).isFalse();
    assertThat(rule.text()).isEqualTo("rule \"East \"big\" deals\" → Rita Rep (58 open)");
  }

  @Test
  void eachKindSaysWhoActed() {
    assertThat(RoutingNote.NO_MATCH.text())
        .isEqualTo("no rule matched or every matching rep is at capacity");
    assertThat(RoutingNote.assigned("Olga Ops").text()).isEqualTo("assigned by Olga Ops");
    assertThat(RoutingNote.takenOver("Sam Sales", "Olga Ops").text())
        .isEqualTo("taken over from Sam Sales by Olga Ops");
    RoutingNote hand = RoutingNote.byHand("Sam Sales");
    assertThat(hand.text()).isEqualTo("created by hand by Sam Sales");
    assertThat(hand.typedByHand()).isFalse();
  }

  @Test
  void aLeadTypedInAndThenRoutedKeepsBoth() {
    RoutingNote typed = RoutingNote.ofRule("Everything", "Sam Sales", 7).typedBy("Olga Ops");
    assertThat(typed.typedByHand()).isTrue();
    assertThat(typed.by()).isEqualTo("Olga Ops");
    assertThat(typed.rep()).isEqualTo("Sam Sales");
    assertThat(typed.text())
        .isEqualTo("created by hand by Olga Ops, then rule \"Everything\" → Sam Sales (7 open)");
    RoutingNote queued = RoutingNote.NO_MATCH.typedBy("Olga Ops");
    assertThat(queued.kind()).isEqualTo(RoutingNote.Kind.NO_MATCH);
    assertThat(queued.text())
        .isEqualTo(
            "created by hand by Olga Ops, then no rule matched or every matching rep is at"
                + " capacity");
  }
}
