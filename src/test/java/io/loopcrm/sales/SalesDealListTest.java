package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.customer.Account;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The deal list: own deals only, filters, keyset pages by amount, CSV, statement budget. */
@QuarkusTest
class SalesDealListTest {
  @Inject EntityManagerFactory emf;

  static List<Long> deals(Member owner, int n, String prefix) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Account a = new Account();
              a.name = Fixtures.unique("List Co");
              a.persist();
              List<Long> ids = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                Deal d =
                    io.loopcrm.deal.DealOpening.direct(
                        prefix + i,
                        a,
                        null,
                        Member.findById(owner.id),
                        PipelineStage.listActive().get(0),
                        Instant.now());
                d.amount = BigDecimal.valueOf(100L * (i + 1));
                d.currency = "EUR";
                d.expectedClose = LocalDate.of(2031, 3, 1 + i % 28);
                ids.add(d.id);
              }
              return ids;
            });
  }

  static List<String> names(String html) {
    List<String> out = new ArrayList<>();
    Matcher m =
        Pattern.compile("class=\"fw-semibold\" href=\"/sales/deals/\\d+\">([^<]+)<").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  @TestSecurity(user = "dora", roles = "sales")
  void aRepPagesTheirDealsByAmountFiltersThemAndExportsThem() {
    Member dora = Fixtures.member("dora", List.of("sales"), null);
    Member other = Fixtures.member(Fixtures.unique("other"), List.of("sales"), null);
    deals(dora, SalesDealListResource.PAGE + 7, "Dora ");
    deals(other, 2, "Other ");
    String first =
        given().get("/sales/deals?sort=amount").then().statusCode(200).extract().asString();
    List<String> seen = new ArrayList<>(names(first));
    assertThat(seen)
        .hasSize(SalesDealListResource.PAGE)
        .first()
        .isEqualTo("Dora " + (SalesDealListResource.PAGE + 6));
    Matcher next = Pattern.compile("href=\"([^\"]+)\" id=\"next-page\"").matcher(first);
    assertThat(next.find()).isTrue();
    seen.addAll(
        names(
            given()
                .get(next.group(1).replace("&amp;", "&"))
                .then()
                .statusCode(200)
                .extract()
                .asString()));
    assertThat(seen)
        .hasSize(SalesDealListResource.PAGE + 7)
        .doesNotHaveDuplicates()
        .noneMatch(s -> s.startsWith("Other"));

    assertThat(
            names(
                given()
                    .get("/sales/deals?min=200&max=400")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString()))
        .containsExactlyInAnyOrder("Dora 1", "Dora 2", "Dora 3");
    assertThat(
            names(
                given()
                    .get("/sales/deals?month=2031-04&status=won")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString()))
        .isEmpty();
    String csv =
        given()
            .get("/sales/deals/export.csv?min=200&max=300")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv).contains("Dora 1", "Dora 2").doesNotContain("Other");
    // the export sends the filter form as it is when clicked, not the filters the page came with
    // (htmx filters the rows without reloading the page, and a link kept the first ones)
    org.jsoup.nodes.Document page =
        org.jsoup.Jsoup.parse(given().get("/sales/deals").then().extract().asString());
    org.jsoup.nodes.Element export = page.getElementById("export-csv");
    assertThat(export.tagName()).isEqualTo("button");
    assertThat(export.attr("form")).isEqualTo("deal-filters");
    assertThat(export.attr("formaction")).isEqualTo("/sales/deals/export.csv");
    assertThat(export.attr("formmethod")).isEqualTo("get");
    assertThat(page.getElementById("deal-filters").select("[name=status]")).hasSize(1);
    assertThat(
            StatementCounter.count(emf, () -> given().get("/sales/deals").then().statusCode(200)))
        .isLessThanOrEqualTo(3);
  }
}
