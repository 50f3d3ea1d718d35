package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.customer.Account;
import io.loopcrm.deal.Board;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.StatementCounter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The board's columns stop at 50 cards and page on with "show more"; the team board filters by rep.
 */
@QuarkusTest
class SalesBoardTest {
  @Inject EntityManagerFactory emf;

  static final Pattern CARD = Pattern.compile("id=\"deal-card-(\\d+)\"");
  static final Pattern MORE = Pattern.compile("hx-get=\"(/sales/pipeline/more[^\"]+)\"");

  /**
   * {@code n} open deals of {@code owner} in the first open stage; returns their ids in board
   * order.
   */
  static List<Long> deals(Member owner, int n) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Account a = new Account();
              a.name = Fixtures.unique("Board Co");
              a.persist();
              PipelineStage first = PipelineStage.listActive().get(0);
              List<Deal> made = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                Deal d = new Deal();
                d.name = "Deal " + i;
                d.account = a;
                d.owner = Member.findById(owner.id);
                d.stage = first;
                d.currency = "EUR";
                // every third without a close date (last), amounts in mixed order within a date
                d.expectedClose = i % 3 == 0 ? null : LocalDate.of(2031, 1, 1 + (i % 7));
                d.amount = i % 5 == 0 ? null : BigDecimal.valueOf((i * 37) % 1000);
                d.probability = 10;
                d.persist();
                made.add(d);
              }
              return made.stream()
                  .sorted(
                      java.util.Comparator.comparing(
                              (Deal d) ->
                                  d.expectedClose == null
                                      ? LocalDate.of(9999, 12, 31)
                                      : d.expectedClose)
                          .thenComparing(
                              (Deal d) -> d.amount == null ? BigDecimal.ONE.negate() : d.amount,
                              java.util.Comparator.reverseOrder())
                          .thenComparing(d -> d.id))
                  .map(d -> d.id)
                  .toList();
            });
  }

  static List<Long> cards(String html) {
    List<Long> ids = new ArrayList<>();
    Matcher m = CARD.matcher(html);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  @Test
  @TestSecurity(user = "bea", roles = "sales")
  void aColumnShowsFiftyCardsInOrderAndShowMorePagesOnByKeyset() {
    Member bea = Fixtures.member("bea", List.of("sales"), null);
    List<Long> expected = deals(bea, Board.CARDS + 23);
    String board = given().get("/sales/pipeline").then().statusCode(200).extract().asString();
    assertThat(board).contains(">" + (Board.CARDS + 23) + " deals<");
    List<Long> seen = new ArrayList<>(cards(board));
    assertThat(seen).hasSize(Board.CARDS);
    Matcher more = MORE.matcher(board);
    int pages = 0;
    while (more.find()) {
      String next =
          given()
              .header("HX-Request", "true")
              .get(more.group(1).replace("&amp;", "&"))
              .then()
              .statusCode(200)
              .extract()
              .asString();
      assertThat(next).doesNotContain("<html");
      seen.addAll(cards(next));
      more = MORE.matcher(next);
      pages++;
    }
    assertThat(pages).isEqualTo(1);
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  @TestSecurity(user = "bo", roles = "sales")
  void theBoardReadsInAFixedNumberOfStatements() {
    Member bo = Fixtures.member("bo", List.of("sales"), null);
    deals(bo, 5);
    given().get("/sales/pipeline").then().statusCode(200);
    long statements =
        StatementCounter.count(emf, () -> given().get("/sales/pipeline").then().statusCode(200));
    assertThat(statements).as(StatementCounter.last()).isLessThanOrEqualTo(3);
  }

  @Test
  @TestSecurity(
      user = "max",
      roles = {"sales", "sales-manager"})
  void theTeamBoardFiltersByAMemberOfTheTeamOnly() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Fixtures.member("max", List.of("sales", "sales-manager"), "Team East");
    Member rita = Fixtures.member("rita", List.of("sales"), "Team West");
    List<Long> samsDeals = deals(sam, 2);
    List<Long> ritasDeals = deals(rita, 2);
    String filtered =
        given()
            .queryParam("team", true)
            .queryParam("rep", sam.id)
            .get("/sales/pipeline")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(cards(filtered)).containsAll(samsDeals).doesNotContainAnyElementsOf(ritasDeals);
    assertThat(filtered).contains("id=\"rep-filter\"");
    // a member of another team is no filter: the whole team's board, still without Rita's deals
    String other =
        given()
            .queryParam("team", true)
            .queryParam("rep", rita.id)
            .get("/sales/pipeline")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(cards(other)).containsAll(samsDeals).doesNotContainAnyElementsOf(ritasDeals);
  }
}
