package io.loopcrm.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.lead.Lead;
import io.loopcrm.lead.RoutingNote;
import io.loopcrm.people.Member;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lead page says the routing note in the reader's language, from its stored parts. */
@QuarkusTest
class RoutingNotePageTest {

  @Test
  @AsOperations
  void theLeadPageSaysTheNoteInTheReadersLanguage() {
    Fixtures.member("olga", List.of("operations"), null);
    Member rep = Fixtures.member(Fixtures.unique("noterep"), List.of("sales"), null);
    Lead lead = Fixtures.lead(rep, "Routed", Fixtures.unique("Note Co"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Lead.<Lead>findById(lead.id).routingNote =
                    RoutingNote.ofRule("Everything East", "Rita Rep", 3));
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
        .run(
            () ->
                Lead.<Lead>findById(lead.id).routingNote =
                    RoutingNote.NO_MATCH.typedBy("Olga Ops"));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/sales/leads/" + lead.id)
        .then()
        .body(containsString("由 Olga Ops 手工创建 · 没有匹配的规则，或匹配的销售都已满额"));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Lead.<Lead>findById(lead.id).routingNote =
                    RoutingNote.takenOver("Rita Rep", "Olga Ops"));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/sales/leads/" + lead.id)
        .then()
        .body(containsString("由 Olga Ops 从 Rita Rep 处接管"));
  }
}
