package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.deal.Deal;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A manager's handover: several leads or deals to one team member, one audited change each. */
@QuarkusTest
class SalesBulkTest {
  Member sam;
  Member rita;
  Member max;

  @BeforeEach
  void people() {
    sam = Fixtures.member("sam", List.of("sales"), "Team East");
    rita = Fixtures.member("rita", List.of("sales"), "Team West");
    max = Fixtures.member("max", List.of("sales", "sales-manager"), "Team East");
  }

  private static long audits(String type, long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        Panache.getEntityManager()
                            .createNativeQuery(
                                "select count(*) from audit_entry where entity_type = ?1 and entity_id = ?2"
                                    + " and action = 'update' and changes::text like '%owner%'")
                            .setParameter(1, type)
                            .setParameter(2, id)
                            .getSingleResult())
                    .longValue());
  }

  @Test
  @TestSecurity(
      user = "max",
      roles = {"sales", "sales-manager"})
  void aManagerHandsSeveralLeadsAndDealsToATeamMember() {
    Lead a = Fixtures.lead(max, "Leaver", Fixtures.unique("A"), null);
    Lead b = Fixtures.lead(max, "Leaver", Fixtures.unique("B"), null);
    Lead foreign = Fixtures.lead(rita, "Other team", Fixtures.unique("C"), null);
    given().get("/sales/leads").then().statusCode(200).body(containsString("id=\"bulk-bar\""));
    Csrf.form()
        .formParam("ids", a.id, b.id, foreign.id)
        .formParam("owner", sam.id)
        .post("/sales/bulk/leads/owner")
        .then()
        .statusCode(303);
    assertThat(owner(Lead.class, a.id)).isEqualTo(sam.id);
    assertThat(owner(Lead.class, b.id)).isEqualTo(sam.id);
    assertThat(owner(Lead.class, foreign.id)).isEqualTo(rita.id);
    assertThat(audits("lead", a.id)).isEqualTo(1);
    assertThat(audits("lead", b.id)).isEqualTo(1);
    // the lead's page names its new owner and who handed it over
    given()
        .header("Accept-Language", "en")
        .get("/sales/leads/" + a.id)
        .then()
        .statusCode(200)
        .body(containsString("taken over from " + max.displayName + " by " + max.displayName));

    // the manager's list: the team's leads, their owners, a filter by owner, the bulk bar on top
    String list =
        given().header("Accept-Language", "en").get("/sales/leads").then().extract().asString();
    assertThat(list)
        .contains("Team leads")
        .contains("id=\"pick-all\"")
        .contains("<option value=\"" + sam.id + "\"");
    assertThat(list.indexOf("id=\"bulk-bar\"")).isLessThan(list.indexOf("id=\"lead-table\""));
    Lead kept = Fixtures.lead(max, "Kept", Fixtures.unique("K"), null);
    assertThat(given().get("/sales/leads").then().extract().asString())
        .contains("/sales/leads/" + kept.id + "\"");
    String samsOnly =
        given().get("/sales/leads?owner=" + sam.id).then().statusCode(200).extract().asString();
    assertThat(samsOnly)
        .contains("/sales/leads/" + a.id + "\"")
        .doesNotContain("/sales/leads/" + kept.id + "\"");

    List<Long> deals = SalesDealListTest.deals(max, 2, "Handover ");
    Csrf.form()
        .formParam("ids", deals.get(0), deals.get(1))
        .formParam("owner", sam.id)
        .post("/sales/bulk/deals/owner")
        .then()
        .statusCode(303);
    for (long id : deals) {
      assertThat(owner(Deal.class, id)).isEqualTo(sam.id);
      assertThat(audits("deal", id)).isEqualTo(1);
    }
    // never to someone outside the team
    Csrf.form()
        .formParam("ids", a.id)
        .formParam("owner", rita.id)
        .post("/sales/bulk/leads/owner")
        .then()
        .statusCode(303);
    assertThat(owner(Lead.class, a.id)).isEqualTo(sam.id);
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepHasNoBulkReassignment() {
    Lead mine = Fixtures.lead(sam, "Mine", Fixtures.unique("D"), null);
    given().get("/sales/leads").then().statusCode(200).body(not(containsString("id=\"bulk-bar\"")));
    Csrf.form()
        .formParam("ids", mine.id)
        .formParam("owner", rita.id)
        .post("/sales/bulk/leads/owner")
        .then()
        .statusCode(403);
    assertThat(owner(Lead.class, mine.id)).isEqualTo(sam.id);
  }

  private static <T> long owner(Class<T> type, long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        Panache.getEntityManager()
                            .createNativeQuery(
                                "select owner_id from "
                                    + (type == Lead.class ? "lead" : "deal")
                                    + " where id = ?1")
                            .setParameter(1, id)
                            .getSingleResult())
                    .longValue());
  }
}
