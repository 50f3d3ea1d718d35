package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rep's and a team's conversion, weighted pipeline by month and quota attainment, with known
 * numbers: Nora got 4 leads in February 2024 (3 accepted after 2 h, 1 rejected after 4 h; 2 won, 1
 * lost), Nick got 2 (not yet answered). Nora's open deals: 10,000 at 50 % next month and 2,000 at
 * 25 % overdue; her quota this month is 8,000 USD and she won 2,000 this month.
 */
@QuarkusTest
class SalesNumbersTest {
  static final long BASE = 7_500_000_000L;
  static final String FEBRUARY = "from=2024-02-01&to=2024-02-29";
  private static boolean loaded;

  /** "Now" for the whole class, so "this month" cannot change under it (a UTC month end). */
  static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

  static final LocalDate MONTH = LocalDate.ofInstant(NOW, ZoneOffset.UTC).withDayOfMonth(1);

  @AfterEach
  void releaseTheClock() {
    TestClock.release();
  }

  @Inject EntityManager em;

  @BeforeEach
  void data() {
    TestClock.pin(NOW);
    synchronized (SalesNumbersTest.class) {
      if (loaded) {
        return;
      }
      Member nora = Fixtures.member("nora", List.of("sales"), "Numbers Team");
      Member nick = Fixtures.member("nick", List.of("sales"), "Numbers Team");
      Fixtures.member("nadia", List.of("sales", "sales-manager"), "Numbers Team");
      LocalDate month = MONTH;
      String lead =
          "insert into lead (id, last_name, owner_id, status, created_at, assigned_at,"
              + " first_response_at) values ";
      List<String> sql =
          List.of(
              lead
                  + "("
                  + (BASE + 1)
                  + ", 'N1', "
                  + nora.id
                  + ", 'accepted', timestamptz"
                  + " '2024-02-10 08:00Z', timestamptz '2024-02-10 08:00Z', timestamptz '2024-02-10"
                  + " 10:00Z'), ("
                  + (BASE + 2)
                  + ", 'N2', "
                  + nora.id
                  + ", 'accepted', timestamptz"
                  + " '2024-02-10 08:00Z', timestamptz '2024-02-10 08:00Z', timestamptz '2024-02-10"
                  + " 10:00Z'), ("
                  + (BASE + 3)
                  + ", 'N3', "
                  + nora.id
                  + ", 'accepted', timestamptz"
                  + " '2024-02-10 08:00Z', timestamptz '2024-02-10 08:00Z', timestamptz '2024-02-10"
                  + " 10:00Z'), ("
                  + (BASE + 4)
                  + ", 'N4', "
                  + nora.id
                  + ", 'rejected', timestamptz"
                  + " '2024-02-10 08:00Z', timestamptz '2024-02-10 08:00Z', timestamptz '2024-02-10"
                  + " 12:00Z'), ("
                  + (BASE + 5)
                  + ", 'K1', "
                  + nick.id
                  + ", 'assigned', timestamptz"
                  + " '2024-02-11 08:00Z', timestamptz '2024-02-11 08:00Z', null), ("
                  + (BASE + 6)
                  + ", 'K2', "
                  + nick.id
                  + ", 'assigned', timestamptz '2024-02-11 08:00Z',"
                  + " timestamptz '2024-02-11 08:00Z', null)",
              "insert into account (id, name) select "
                  + BASE
                  + " + i, 'Numbers ' || i"
                  + " from generate_series(1, 6) i",
              deal(1, BASE + 1, nora.id, "won", 1000, 100, "timestamptz '2024-02-20 10:00Z'", null),
              deal(2, BASE + 2, nora.id, "won", 3000, 100, "timestamptz '2024-02-20 10:00Z'", null),
              deal(3, BASE + 3, nora.id, "lost", 500, 0, "timestamptz '2024-02-21 10:00Z'", null),
              deal(
                  4,
                  null,
                  nora.id,
                  "open",
                  10000,
                  50,
                  "null",
                  "date '" + month.plusMonths(1).plusDays(4) + "'"),
              deal(5, null, nora.id, "open", 2000, 25, "null", "date '" + month.minusDays(3) + "'"),
              deal(6, null, nora.id, "won", 2000, 100, "timestamptz '" + NOW + "'", null),
              "insert into quota (id, member_id, month, amount, currency) values ("
                  + BASE
                  + ", "
                  + nora.id
                  + ", date '"
                  + month
                  + "', 8000, 'USD')");
      QuarkusTransaction.requiringNew()
          .run(() -> sql.forEach(s -> em.createNativeQuery(s).executeUpdate()));
      loaded = true;
    }
  }

  private static String deal(
      int n,
      Long lead,
      long owner,
      String status,
      int amount,
      int probability,
      String closed,
      String expected) {
    return "insert into deal (id, name, account_id, lead_id, owner_id, stage_id, status, amount,"
        + " currency, probability, closed_at, expected_close) values ("
        + (BASE + n)
        + ", 'Numbers"
        + " deal "
        + n
        + "', "
        + (BASE + n)
        + ", "
        + lead
        + ", "
        + owner
        + ", "
        + (status.equals("won") ? 5 : status.equals("lost") ? 6 : 3)
        + ", '"
        + status
        + "', "
        + amount
        + ", 'USD', "
        + probability
        + ", "
        + closed
        + ", "
        + expected
        + ")";
  }

  private static String page(String query) {
    return given()
        .header("Accept-Language", "en")
        .get("/sales/numbers?" + query)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static String row(String html, String marker) {
    int i = html.indexOf(marker);
    assertThat(i).as(marker).isNotNegative();
    return html.substring(i, html.indexOf("</tr>", i));
  }

  @Test
  @TestSecurity(
      user = "nora",
      roles = {"sales"})
  void aRepSeesHerOwnConversionPipelineAndQuota() {
    String html = page(FEBRUARY);
    String mine = row(html, "class=\"conversion-row\"");
    // 4 leads, 3 accepted (75 %), 2 won (50 % of leads), 2 of 3 closed won, 2 h 30 min mean
    assertThat(mine)
        .contains("Nora")
        .contains(">4<")
        .contains("(75%)")
        .contains("50%")
        .contains("66.7%")
        .contains("2 h 30 min");
    assertThat(html).doesNotContain("Nick").doesNotContain("conversion-total");
    LocalDate month = MONTH;
    // the overdue deal counts this month (2,000 × 25 %), next month 10,000 × 50 %
    assertThat(row(html, "data-month=\"" + month + "\" data-currency=\"USD\"")).contains("$500.00");
    assertThat(row(html, "data-month=\"" + month.plusMonths(1) + "\" data-currency=\"USD\""))
        .contains("$5,000.00")
        .contains("$10,000.00");
    // 2,000 won of an 8,000 quota
    assertThat(row(html, "class=\"quota-month\" data-month=\"" + month + "\""))
        .contains("$8,000.00")
        .contains("$2,000.00")
        .contains("25%");
  }

  @Test
  @TestSecurity(
      user = "nora",
      roles = {"sales"})
  void everyTableDownloadsAsCsv() {
    assertThat(given().get("/sales/numbers/conversion.csv?" + FEBRUARY).asString())
        .contains("rep,leads,accepted,accepted_pct,won,lead_to_won_pct,win_rate_pct")
        .contains("Nora,4,3,75.0,2,50.0,66.7,9000")
        .doesNotContain("Nick");
    LocalDate month = MONTH;
    assertThat(given().get("/sales/numbers/pipeline.csv").asString())
        .contains(month.plusMonths(1) + ",USD,1,10000.00,5000.00");
    assertThat(given().get("/sales/numbers/quota.csv").asString())
        .contains(month + ",Nora,8000.00,USD,2000.00,25");
  }

  @Test
  @TestSecurity(
      user = "nick",
      roles = {"sales"})
  void anotherRepDoesNotSeeHerFigures() {
    String html = page(FEBRUARY);
    assertThat(row(html, "class=\"conversion-row\"")).contains("Nick").contains(">2<");
    assertThat(html).doesNotContain("Nora").doesNotContain("$8,000.00").doesNotContain("$5,000.00");
  }

  @Test
  @TestSecurity(
      user = "nadia",
      roles = {"sales", "sales-manager"})
  void theManagerSeesEachRepAndTheTeam() {
    String html = page(FEBRUARY);
    assertThat(html).contains("Team numbers").contains("Nora").contains("Nick");
    assertThat(row(html, "id=\"conversion-total\"")).contains(">6<").contains("(50%)");
    assertThat(html).contains("$8,000.00");
  }

  @Test
  @TestSecurity(
      user = "olga",
      roles = {"operations"})
  void operationsDoesNotOpenSalesNumbers() {
    given().redirects().follow(false).get("/sales/numbers").then().statusCode(403);
  }
}
