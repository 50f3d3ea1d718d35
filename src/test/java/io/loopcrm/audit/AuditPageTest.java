package io.loopcrm.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditPageTest {

  @Test
  @TestSecurity(user = "ada", roles = "admin")
  void anAdminFindsTheHistoryOfARecord() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Lead lead = Fixtures.lead(sam, "Searchable", Fixtures.unique("AuditPage"), null);
    given()
        .queryParam("type", "lead")
        .queryParam("record", lead.id)
        .get("/admin/audit")
        .then()
        .statusCode(200)
        .body(containsString("class=\"audit-row\""))
        .body(containsString("<span class=\"badge text-bg-light border\">Created</span>"))
        .body(containsString("Searchable"));
    given()
        .queryParam("actor", "nobody-at-all")
        .get("/admin/audit")
        .then()
        .statusCode(200)
        .body(containsString("id=\"no-entries\""));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void nonAdminsGet403() {
    given().get("/admin/audit").then().statusCode(403).body(not(containsString("audit-row")));
  }

  @Test
  @TestSecurity(user = "olga", roles = "operations")
  void operationsGets403Too() {
    given().get("/admin/audit").then().statusCode(403);
    Csrf.form().post("/admin/audit").then().statusCode(405);
  }
}
