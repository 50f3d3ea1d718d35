package io.loopcrm.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.customer.Account;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The probes of an outside test that answered 500 or a page far larger than its data: years the JDK
 * parses and no column holds, exponents that expand into megabytes of digits. Each filter ignores
 * them (the page as without the filter); each form refuses them at the field.
 */
@QuarkusTest
class ExtremeInputTest {
  static final List<String> YEARS =
      List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31");
  static final List<String> MONTHS = List.of("-999999999-01", "+999999999-12", "+10000-01");
  static final List<String> NUMBERS =
      List.of("1E999999", "1E-999999", "1E-20000", "1E200000000", "9".repeat(5_000));

  /** Every answer of the probes below that is a 5xx or larger than {@code limit} bytes. */
  private static List<String> probe(List<String> urls, String bearer, int limit) {
    List<String> wrong = new ArrayList<>();
    for (String url : urls) {
      var spec = given().redirects().follow(false);
      if (bearer != null) {
        spec = spec.auth().oauth2(bearer);
      }
      Response r = spec.get(url);
      int size = r.asByteArray().length;
      if (r.statusCode() >= 500 || size > limit) {
        wrong.add(
            url.substring(0, Math.min(url.length(), 120))
                + " -> "
                + r.statusCode()
                + ", "
                + size
                + " bytes");
      }
    }
    return wrong;
  }

  private static List<String> withValues(
      List<String> paths, List<String> params, List<String> values) {
    List<String> urls = new ArrayList<>();
    for (String path : paths) {
      for (String param : params) {
        for (String value : values) {
          urls.add(
              path + (path.contains("?") ? "&" : "?") + param + "=" + value.replace("+", "%2B"));
        }
      }
    }
    return urls;
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepsListsAndNumbersIgnoreImpossibleDatesAndNumbers() {
    Fixtures.member("sam", List.of("sales"), "Team East");
    List<String> urls = new ArrayList<>();
    urls.addAll(
        withValues(
            List.of("/sales/leads", "/sales/tasks", "/sales/numbers", "/sales/deals"),
            List.of("from", "to"),
            YEARS));
    urls.addAll(
        withValues(List.of("/sales/deals", "/sales/deals/export.csv"), List.of("month"), MONTHS));
    urls.addAll(
        withValues(
            List.of("/sales/deals", "/sales/deals/export.csv"), List.of("min", "max"), NUMBERS));
    urls.addAll(
        withValues(
            List.of("/sales/deals?sort=amount", "/sales/deals?sort=close"),
            List.of("after"),
            List.of("1E999999_1", "+999999999-12-31_1")));
    assertThat(probe(urls, null, 300_000)).isEmpty();
    // the deal list's filter form (which the CSV export also sends) repeats a filter as it was
    // read, as a plain number
    given()
        .get("/sales/deals?min=1E5")
        .then()
        .statusCode(200)
        .body(containsString("id=\"min\" name=\"min\" value=\"100000\""));
  }

  @Test
  @TestSecurity(user = "olga", roles = "operations")
  void theFunnelAndTheLeadQueueIgnoreImpossibleDates() {
    assertThat(
            probe(
                withValues(List.of("/ops/funnel", "/ops/leads"), List.of("from", "to"), YEARS),
                null,
                2_000_000))
        .isEmpty();
  }

  @Test
  @TestSecurity(user = "ada", roles = "admin")
  void theAuditTrailIgnoresImpossibleDates() {
    assertThat(
            probe(
                withValues(List.of("/admin/audit"), List.of("from", "to"), YEARS), null, 2_000_000))
        .isEmpty();
  }

  @Test
  void theLeadApiIgnoresImpossibleDates() {
    String token = io.loopcrm.api.ApiLeadsTest.token();
    assertThat(
            probe(
                withValues(List.of("/api/leads"), List.of("from", "to"), YEARS), token, 2_000_000))
        .isEmpty();
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aCloseDateOrDueTimeNoCalendarHoldsIsRefusedAtItsField() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Account account =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Account a = new Account();
                  a.name = Fixtures.unique("Extreme Co");
                  a.owner = Member.findById(sam.id);
                  a.persist();
                  return a;
                });
    Lead lead = Fixtures.lead(sam, "Extreme", Fixtures.unique("Extreme"), null);
    for (String year : YEARS) {
      Csrf.form()
          .formParam("dealName", "Far away")
          .formParam("currency", "USD")
          .formParam("expectedClose", year)
          .post("/sales/deals/new?account=" + account.id)
          .then()
          .statusCode(422)
          .body(containsString("id=\"error-expectedClose\""));
      Csrf.form()
          .formParam("kind", "task")
          .formParam("subject", "Far away")
          .formParam("due", year + "T09:00")
          .post("/sales/leads/" + lead.id + "/activities")
          .then()
          .statusCode(422)
          .body(containsString("id=\"error-due\""));
    }
    Csrf.form()
        .formParam("dealName", "Huge")
        .formParam("currency", "USD")
        .formParam("amount", "1E200000000")
        .post("/sales/deals/new?account=" + account.id)
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-amount\""));
  }
}
