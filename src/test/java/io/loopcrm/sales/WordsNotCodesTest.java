package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a reader sees is words, not the codes behind them: the lead page (its source and status),
 * the deal page's history (its stages) and the audit trail, read in Chinese, show no snake_case
 * code and no camelCase field name; and Today's badge counts every waiting lead, not the 20 it
 * lists.
 */
@QuarkusTest
class WordsNotCodesTest {
  private static final Pattern SNAKE = Pattern.compile("\\b[a-z]+_[a-z_]+\\b");
  private static final Pattern CAMEL = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");
  private static final Pattern LOWER_CODE =
      Pattern.compile("\\b(web_form|import|proposal|negotiation|discovery|qualification|draft)\\b");

  /** The visible text of a page's main part, without e-mail addresses and links. */
  private static String words(String html) {
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
    return page.select("main").text().replaceAll("\\S+@\\S+", " ").replaceAll("https?://\\S+", " ");
  }

  private static List<String> codes(String text) {
    List<String> found = new ArrayList<>();
    for (Pattern p : List.of(SNAKE, CAMEL, LOWER_CODE)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        found.add(m.group());
      }
    }
    return found;
  }

  private static String zh(String path) {
    return given()
        .header("Accept-Language", "zh-CN")
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static Lead leadWithAHistory(Member rep) {
    Lead lead = Fixtures.lead(rep, "Codes", Fixtures.unique("Words Co"), null);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Lead l = Lead.findById(lead.id);
              l.source = "web_form";
              l.status = LeadStatus.WORKING;
              l.firstName = "Mei";
            });
    return lead;
  }

  @Test
  @TestSecurity(user = "words-rep", roles = "sales")
  void aRepsPagesInChineseShowWords() {
    Member rep = Fixtures.member("words-rep", List.of("sales"), "Team East");
    Lead lead = leadWithAHistory(rep);
    long deal = SalesDealListTest.deals(rep, 1, "Words deal ").get(0);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Deal.<Deal>findById(deal)
                    .moveTo(
                        PipelineStage.<PipelineStage>find("name", "proposal").firstResult(),
                        Member.findById(rep.id),
                        Instant.now(),
                        null,
                        null));
    assertThat(codes(words(zh("/sales/leads/" + lead.id)))).isEmpty();
    String dealPage = words(zh("/sales/deals/" + deal));
    assertThat(dealPage).contains("方案报价");
    assertThat(codes(dealPage)).isEmpty();
  }

  @Test
  @TestSecurity(user = "ada", roles = "admin")
  void theAuditTrailInChineseShowsWords() {
    Member rep = Fixtures.member("words-rep", List.of("sales"), "Team East");
    Lead lead = leadWithAHistory(rep);
    String trail = words(zh("/admin/audit?type=lead&record=" + lead.id));
    assertThat(trail).contains("跟进中");
    assertThat(codes(trail)).isEmpty();
  }

  @Test
  @TestSecurity(user = "words-waiting", roles = "sales")
  void todaysBadgeCountsEveryWaitingLeadAndLinksToThem() {
    Member rep = Fixtures.member("words-waiting", List.of("sales"), "Team East");
    for (int i = 0; i < 23; i++) {
      Fixtures.lead(rep, "Waiting " + i, Fixtures.unique("Queue Co"), null);
    }
    String today =
        given().header("Accept-Language", "en").get("/sales/today").then().extract().asString();
    long waiting =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Lead.count(
                        "owner.id = ?1 and status in ?2",
                        rep.id,
                        List.of(LeadStatus.NEW, LeadStatus.ASSIGNED)));
    assertThat(waiting).isGreaterThanOrEqualTo(23);
    assertThat(today)
        .contains("id=\"waiting-count\">" + waiting + "<")
        .contains("id=\"all-waiting\"");
  }
}
