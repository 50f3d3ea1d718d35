package io.loopcrm.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.people.Member;
import io.loopcrm.routing.RoutingRule;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.AsSales;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routing page: rules and rep capacity, through the forms. */
@QuarkusTest
class OpsRoutingTest {

  @Test
  @AsOperations
  void rulesAndCapacityAreEditedThroughTheForms() {
    Member rep = Fixtures.member(Fixtures.unique("rrep"), List.of("sales"), null);
    String name = Fixtures.unique("West partners");
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", name)
        .formParam("position", "3")
        .formParam("region", "West")
        .formParam("active", "true")
        .post("/ops/routing")
        .then()
        .statusCode(422)
        .body(containsString("Choose a team or at least one rep."));
    // a position out of 1–9999 is said at the field, in the reader's language; nothing is saved
    for (String position : new String[] {"10000", "0", "x", ""}) {
      Csrf.form()
          .header("Accept-Language", "zh-CN")
          .formParam("name", name)
          .formParam("position", position)
          .formParam("reps", rep.id)
          .formParam("active", "true")
          .post("/ops/routing")
          .then()
          .statusCode(422)
          .body(containsString("id=\"error-position\">请输入 1 到 9999 之间的整数。<"));
    }
    assertThat(QuarkusTransaction.requiringNew().call(() -> RoutingRule.count("name", name)))
        .isZero();
    Csrf.form()
        .formParam("name", name)
        .formParam("position", "3")
        .formParam("region", "West")
        .formParam("source", "partner")
        .formParam("reps", rep.id)
        .formParam("active", "true")
        .post("/ops/routing")
        .then()
        .statusCode(303);
    RoutingRule rule =
        QuarkusTransaction.requiringNew()
            .call(() -> RoutingRule.<RoutingRule>find("name", name).firstResult());
    try {
      assertThat(rule.region).isEqualTo("West");
      assertThat(rule.source).isEqualTo("partner");
      assertThat(rule.memberIdList()).containsExactly(rep.id);
      assertThat(rule.active).isTrue();
      given()
          .get("/ops/routing")
          .then()
          .statusCode(200)
          .body(containsString(name))
          .body(containsString(rep.displayName));

      Csrf.form()
          .formParam("member", rep.id)
          .formParam("capacity", "12")
          .post("/ops/routing/capacity")
          .then()
          .statusCode(303);
      assertThat(Fixtures.reload(Member.class, rep.id).leadCapacity).isEqualTo(12);
      Csrf.form()
          .header("Accept-Language", "en")
          .formParam("member", rep.id)
          .formParam("capacity", "many")
          .post("/ops/routing/capacity")
          .then()
          .statusCode(422)
          .body(containsString("leave it empty for no limit"));
      Csrf.form()
          .formParam("member", rep.id)
          .formParam("capacity", "")
          .post("/ops/routing/capacity")
          .then()
          .statusCode(303);
      assertThat(Fixtures.reload(Member.class, rep.id).leadCapacity).isNull();
    } finally {
      Csrf.form().post("/ops/routing/" + rule.id + "/delete").then().statusCode(303);
    }
    assertThat(Fixtures.reload(RoutingRule.class, rule.id)).isNull();
  }

  @Test
  @AsSales
  void salesCannotChangeRouting() {
    given().get("/ops/routing").then().statusCode(403);
    Csrf.form().formParam("name", "x").post("/ops/routing").then().statusCode(403);
  }
}
