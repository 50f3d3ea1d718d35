package io.loopcrm.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routing note is stored in English words and shown in the reader's language. */
@QuarkusTest
class RoutingNoteTest {

  @Test
  void storedNotesAreReadBackIntoTheirParts() {
    RoutingNote rule = RoutingNote.parse(RoutingNote.ofRule("East \"big\" deals", "Rita Rep", 58));
    assertThat(rule.kind()).isEqualTo("rule");
    assertThat(rule.rule()).isEqualTo("East \"big\" deals");
    assertThat(rule.rep()).isEqualTo("Rita Rep");
    assertThat(rule.open()).isEqualTo(58);
    assertThat(RoutingNote.parse(RoutingNote.NO_MATCH).kind()).isEqualTo("none");
    assertThat(RoutingNote.parse(RoutingNote.manual("Olga Ops")).rep()).isEqualTo("Olga Ops");
    assertThat(RoutingNote.parse("imported from an older system").kind()).isEqualTo("other");
    assertThat(RoutingNote.parse(null)).isNull();
    RoutingNote typed =
        RoutingNote.parse(
            RoutingNote.byHandThen("Olga Ops", RoutingNote.ofRule("Everything", "Sam Sales", 7)));
    assertThat(typed.handBy()).isEqualTo("Olga Ops");
    assertThat(typed.kind()).isEqualTo("rule");
    assertThat(typed.rep()).isEqualTo("Sam Sales");
    assertThat(typed.open()).isEqualTo(7);
    assertThat(RoutingNote.parse(RoutingNote.byHandThen("Olga Ops", RoutingNote.NO_MATCH)).kind())
        .isEqualTo("none");
    assertThat(RoutingNote.parse(RoutingNote.byHand("Sam Sales")).kind()).isEqualTo("hand");
    RoutingNote taken = RoutingNote.parse(RoutingNote.takenOver("Sam Sales", "Olga Ops"));
    assertThat(taken.kind()).isEqualTo("takenover");
    assertThat(taken.rep()).isEqualTo("Sam Sales");
    assertThat(taken.by()).isEqualTo("Olga Ops");
    assertThat(taken.handBy()).isNull();
  }

  @Test
  @AsOperations
  void theLeadPageSaysTheNoteInTheReadersLanguage() {
    Fixtures.member("olga", List.of("operations"), null);
    Member rep = Fixtures.member(Fixtures.unique("noterep"), List.of("sales"), null);
    Lead lead = Fixtures.lead(rep, "Routed", Fixtures.unique("Note Co"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Lead.update(
                    "routingNote = ?1 where id = ?2",
                    RoutingNote.ofRule("Everything East", "Rita Rep", 3),
                    lead.id));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(containsString("规则“Everything East” → Rita Rep（3 条未结线索）"));
    given()
        .header("Accept-Language", "en")
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(containsString("Everything East"))
        .body(containsString("→ Rita Rep (3 open)"));
    QuarkusTransaction.requiringNew()
        .run(() -> Lead.update("routingNote = ?1 where id = ?2", RoutingNote.NO_MATCH, lead.id));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/sales/leads/" + lead.id)
        .then()
        .body(containsString("没有匹配的规则，或匹配的销售都已满额"));
  }
}
