package io.loopcrm.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.common.TextMatch;
import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.customer.CustomerAccess;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.people.Roles;
import io.loopcrm.people.Viewer;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The search box: grouped hits the user may see, never another rep's, on trigram indexes. */
@QuarkusTest
class SearchTest {
  @Inject EntityManager em;

  record Records(Lead lead, Account account, Contact contact, Deal deal) {}

  /** A lead, an account, a contact and a deal of {@code owner}, all named with {@code token}. */
  static Records records(Member owner, String token) {
    Lead lead = Fixtures.lead(owner, "Lead" + token, token + " Lead Co", null);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Member m = Member.findById(owner.id);
              Account a = new Account();
              a.name = token + " Holdings";
              a.owner = m;
              a.persist();
              Contact c = new Contact();
              c.account = a;
              c.lastName = "Contact" + token;
              c.owner = m;
              c.persist();
              Deal d =
                  io.loopcrm.deal.DealOpening.direct(
                      token + " renewal",
                      a,
                      c,
                      m,
                      PipelineStage.listActive().get(0),
                      Instant.now());
              return new Records(lead, a, c, d);
            });
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepFindsOwnLeadsContactsAccountsAndDealsButNeverAnotherReps() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Member rita = Fixtures.member("rita", List.of("sales"), "Team West");
    String token = Fixtures.unique("Zq").replace("-", "");
    Records mine = records(sam, token);
    Records theirs = records(rita, token);
    String html =
        given()
            .queryParam("q", token.toLowerCase())
            .get("/search")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(html)
        .contains(
            "id=\"search-leads\"",
            "id=\"search-contacts\"",
            "id=\"search-accounts\"",
            "id=\"search-deals\"")
        .contains("href=\"/sales/leads/" + mine.lead().id + "\"")
        .contains("href=\"/sales/contacts/" + mine.contact().id + "\"")
        .contains("href=\"/sales/accounts/" + mine.account().id + "\"")
        .contains("href=\"/sales/deals/" + mine.deal().id + "\"")
        .doesNotContain("/sales/leads/" + theirs.lead().id + "\"")
        .doesNotContain("/sales/contacts/" + theirs.contact().id + "\"")
        .doesNotContain("/sales/accounts/" + theirs.account().id + "\"")
        .doesNotContain("/sales/deals/" + theirs.deal().id + "\"");
    given()
        .queryParam("q", "ab")
        .get("/search")
        .then()
        .statusCode(200)
        .body(containsString("id=\"search-too-short\""));
    given().get("/sales/today").then().statusCode(200).body(containsString("id=\"nav-search\""));
  }

  @Test
  @TestSecurity(user = "olga", roles = "operations")
  void operationsFindsLeadsAndCustomersButNoDeals() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    String token = Fixtures.unique("Yq").replace("-", "");
    Records r = records(sam, token);
    given()
        .queryParam("q", token)
        .get("/search")
        .then()
        .statusCode(200)
        .body(containsString("href=\"/sales/leads/" + r.lead().id + "\""))
        .body(containsString("href=\"/sales/accounts/" + r.account().id + "\""))
        .body(not(containsString("id=\"search-deals\"")));
  }

  @Test
  @TestSecurity(user = "ada", roles = "admin")
  void adminReadsLeadAndDealPagesWithoutForms() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Records r = records(sam, Fixtures.unique("Xq").replace("-", ""));
    given()
        .get("/sales/leads/" + r.lead().id)
        .then()
        .statusCode(200)
        .body(not(containsString("<form method=\"post\" action=\"/sales/leads/")));
    given()
        .get("/sales/deals/" + r.deal().id)
        .then()
        .statusCode(200)
        .body(containsString("id=\"deal-read-only\""))
        .body(not(containsString("<form method=\"post\" action=\"/sales/deals/")));
    // the account page links the deals and leads admin may open
    given()
        .get("/sales/accounts/" + r.account().id)
        .then()
        .statusCode(200)
        .body(containsString("href=\"/sales/deals/" + r.deal().id + "\""));
  }

  @Test
  void everyGroupCanUseItsTrigramIndexAndNoneScansTheTable() {
    // over every record (operations, admin) only the trigram index can find the matches
    Viewer all = new Viewer(1, null, Set.of(Roles.ADMIN));
    assertThat(plan(GlobalSearch.leadSql(all), all)).contains("lead_search_idx");
    assertThat(plan(GlobalSearch.dealSql(all), all)).contains("deal_search_idx");
    assertThat(
            plan(
                text(
                    "contact c",
                    io.loopcrm.customer.CustomerSearch.CONTACT_TEXT,
                    CustomerAccess.contact(all, "c")),
                all))
        .contains("contact_search_idx");
    assertThat(
            plan(
                text(
                    "account a",
                    io.loopcrm.customer.CustomerSearch.ACCOUNT_TEXT,
                    CustomerAccess.account(all, "a")),
                all))
        .contains("account_search_idx");
    // a rep's or a manager's search starts from their own records' indexes or the trigram one
    for (Viewer v :
        List.of(
            new Viewer(1, 1L, Set.of(Roles.SALES)),
            new Viewer(1, 1L, Set.of(Roles.SALES, Roles.SALES_MANAGER)))) {
      assertThat(plan(GlobalSearch.leadSql(v), v)).doesNotContain("Seq Scan on lead");
      assertThat(plan(GlobalSearch.dealSql(v), v)).doesNotContain("Seq Scan on deal");
      assertThat(
              plan(
                  text(
                      "contact c",
                      io.loopcrm.customer.CustomerSearch.CONTACT_TEXT,
                      CustomerAccess.contact(v, "c")),
                  v))
          .doesNotContain("Seq Scan");
      assertThat(
              plan(
                  text(
                      "account a",
                      io.loopcrm.customer.CustomerSearch.ACCOUNT_TEXT,
                      CustomerAccess.account(v, "a")),
                  v))
          .doesNotContain("Seq Scan");
    }
  }

  private static String text(String table, String text, String visible) {
    return "select 1 from " + table + " where " + GlobalSearch.match(text) + " and " + visible;
  }

  @Test
  void aPhraseAsksTheIndexForItsMostSelectiveWordAndChecksTheWholePhraseOnItsRows() {
    assertThat(TextMatch.keyWord("Company 4242")).isEqualTo("4242");
    assertThat(TextMatch.keyWord("Ada Lovelace")).isEqualTo("lovelace");
    assertThat(TextMatch.keyWord("kei@example.jp")).isEqualTo("kei@example.jp");
    assertThat(TextMatch.keyWord("ab cd")).isEqualTo("ab cd");
    Viewer all = new Viewer(1, null, Set.of(Roles.ADMIN));
    String plan = plan(GlobalSearch.leadSql(all), all, "%company 4242%", "%4242%");
    // the index is asked for "4242" alone (its posting lists are short) ...
    assertThat(plan).containsPattern("Index Cond: .*'%4242%'");
    assertThat(plan).doesNotContainPattern("Index Cond: .*company 4242");
    // ... and the phrase is checked on the rows found
    assertThat(plan).containsPattern("Filter: .*'%company 4242%'");
  }

  /** The plan with sequential scans priced out, so an index that can serve the query shows. */
  private String plan(String sql, Viewer viewer) {
    return plan(sql, viewer, "%rare-name%", "%rare-name%");
  }

  @SuppressWarnings("unchecked")
  private String plan(String sql, Viewer viewer, String phrase, String key) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
              var query =
                  em.createNativeQuery("explain " + sql)
                      .setParameter("q", phrase)
                      .setParameter("qKey", key);
              CustomerAccess.bind(query, sql, viewer);
              return String.join("\n", (List<String>) query.getResultList());
            });
  }
}
