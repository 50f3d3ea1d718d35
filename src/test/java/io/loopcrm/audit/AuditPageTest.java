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
  @TestSecurity(user = "ada", roles = "admin")
  void theTrailSpeaksTheReadersLanguageNamesPeopleAndHidesTheMachinesFields() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Member rita = Fixtures.member("rita", List.of("sales"), "Team West");
    Lead lead = Fixtures.lead(sam, "Worded", Fixtures.unique("AuditWords"), null);
    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.owner = Member.findById(rita.id);
              l.status = io.loopcrm.lead.LeadStatus.WORKING;
              l.email = "worded@example.com";
              l.emailNormalized = "worded@example.com";
            });
    String zh =
        given()
            .header("Accept-Language", "zh-CN")
            .queryParam("type", "lead")
            .queryParam("record", lead.id)
            .get("/admin/audit")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    org.assertj.core.api.Assertions.assertThat(zh)
        .contains("负责人</span>: " + sam.displayName + " → " + rita.displayName)
        .contains("状态</span>: ")
        .contains("→ 跟进中")
        .doesNotContain("emailNormalized")
        .doesNotContain("email normalized");
  }

  @Test
  void theWordsOfValues() {
    org.assertj.core.api.Assertions.assertThat(AuditWords.shown("status", "DRAFT").lblKey())
        .isEqualTo("campaign_status_draft");
    org.assertj.core.api.Assertions.assertThat(AuditWords.shown("status", "new").msgKey())
        .isEqualTo("lead_status_new");
    org.assertj.core.api.Assertions.assertThat(
            AuditWords.shown("assignedAt", "2026-12-07T13:12:58.606123456Z").at())
        .isEqualTo(java.time.Instant.parse("2026-12-07T13:12:58.606123456Z"));
    org.assertj.core.api.Assertions.assertThat(AuditWords.shown("stage", "custom_x").text())
        .isEqualTo("custom_x");
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
