package io.loopcrm.funnel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loopcrm.people.Member;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Median times between steps on the funnel page: a campaign of November 2023 whose eleven leads
 * were accepted 1 … 11 hours after they arrived (first response 30 minutes … 5.5 hours after
 * assignment), six of them won 2 … 12 days after acceptance.
 */
@QuarkusTest
class FunnelMediansTest {
  static final long BASE = 9_100_000_000L;
  static final long CAMPAIGN = BASE + 1;
  static final String NOVEMBER = "from=2023-11-01&to=2023-11-30&campaign=" + CAMPAIGN;
  static final String TEAM = "Median North";

  @Inject EntityManager em;

  private static boolean loaded;

  @BeforeEach
  void load() {
    synchronized (FunnelMediansTest.class) {
      if (loaded) {
        return;
      }
      Member rep = Fixtures.member("milo", List.of("sales"), TEAM);
      String name = Fixtures.unique("Median campaign ");
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                em.createNativeQuery(
                        "insert into campaign (id, name, objective, channel, status, currency)"
                            + " values (:id, :name, 'acquisition', 'email', 'active', 'USD')")
                    .setParameter("id", CAMPAIGN)
                    .setParameter("name", name)
                    .executeUpdate();
                em.createNativeQuery(
                        "insert into lead (id, last_name, owner_id, source, status, created_at,"
                            + " assigned_at, first_response_at, first_touch_campaign_id)"
                            + " select :base + 100 + i, 'Median ' || i, :owner, 'form', 'accepted',"
                            + " timestamptz '2023-11-06 08:00Z' + i * interval '1 day',"
                            + " timestamptz '2023-11-06 08:00Z' + i * interval '1 day',"
                            + " timestamptz '2023-11-06 08:00Z' + i * interval '1 day'"
                            + "   + (i + 1) * interval '1 hour', :campaign"
                            + " from generate_series(0, 10) i")
                    .setParameter("base", BASE)
                    .setParameter("owner", rep.id)
                    .setParameter("campaign", CAMPAIGN)
                    .executeUpdate();
                // the first response came half the acceptance time after assignment
                em.createNativeQuery(
                        "update lead set assigned_at = first_response_at - (first_response_at -"
                            + " created_at) / 2 where id between :base + 100 and :base + 110")
                    .setParameter("base", BASE)
                    .executeUpdate();
                em.createNativeQuery(
                        "insert into account (id, name) select :base + 300 + i, 'Median buyer ' ||"
                            + " i from generate_series(0, 5) i")
                    .setParameter("base", BASE)
                    .executeUpdate();
                em.createNativeQuery(
                        "insert into deal (id, name, account_id, owner_id, lead_id, stage_id,"
                            + " status, amount, currency, probability, closed_at)"
                            + " select :base + 200 + i, 'Median deal ' || i, :base + 300 + i,"
                            + " :owner, :base + 100 + i,"
                            + " (select id from pipeline_stage where kind = 'won' limit 1), 'won',"
                            + " 1000, 'USD', 100, l.activated_at + (2 * i + 2) * interval '1 day'"
                            + " from generate_series(0, 5) i join lead l on l.id = :base + 100 + i")
                    .setParameter("base", BASE)
                    .setParameter("owner", rep.id)
                    .executeUpdate();
              });
      loaded = true;
    }
  }

  private static String[] csvLine(String table, String startsWith) {
    return csvLine(table, NOVEMBER, startsWith);
  }

  private static String[] csvLine(String table, String query, String startsWith) {
    String csv =
        given()
            .get("/ops/funnel/" + table + ".csv?" + query)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    for (String line : csv.split("\r?\n")) {
      if (line.replace("\uFEFF", "").startsWith(startsWith)) {
        return line.replace("\uFEFF", "").split(",", -1);
      }
    }
    throw new AssertionError(startsWith + " not in " + csv);
  }

  private double exact(String sql) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number) em.createNativeQuery(sql).setParameter("base", BASE).getSingleResult())
                    .doubleValue());
  }

  @Test
  @AsOperations
  void stagesShowTheMedianTimeFromTheStepBefore() {
    // accepted after 1 … 11 hours: the median is the sixth, 6 hours
    String[] activated = csvLine("stages", "activated,");
    assertThat(activated[1]).isEqualTo("11");
    assertThat(Double.parseDouble(activated[4]))
        .isCloseTo(
            exact(
                "select percentile_cont(0.5) within group (order by extract(epoch from"
                    + " activated_at - created_at)) from lead where id between :base + 100 and"
                    + " :base + 110"),
            within(6 * 3600 * 0.05));
    // won 2, 4, … 12 days after acceptance: the median is between 6 and 8 days
    // without filters the page reads the histogram summed over everything: the same median
    assertThat(csvLine("stages", "from=2023-11-01&to=2023-11-30", "activated,")[4])
        .isEqualTo(activated[4]);
    // filtered by team without a campaign it reads the histogram per segment and owner: the same
    long team =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery("select id from team where name = :name")
                                .setParameter("name", TEAM)
                                .getSingleResult())
                        .longValue());
    assertThat(csvLine("stages", "from=2023-11-01&to=2023-11-30&team=" + team, "activated,")[4])
        .isEqualTo(activated[4]);
    String[] won = csvLine("stages", "won,");
    assertThat(won[1]).isEqualTo("6");
    double wonMedian = Double.parseDouble(won[4]);
    assertThat(wonMedian).isCloseTo(7 * 86400, within(7 * 86400 * 0.05));
    // the mean stays next to it: 7 days exactly
    assertThat(won[5]).isEqualTo(Long.toString(7 * 86400));

    String html =
        given()
            .header("Accept-Language", "en")
            .get("/ops/funnel?" + NOVEMBER)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String row = html.substring(html.indexOf("id=\"stage-activated\""));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row).contains("6 h 0 min").contains("mean 6 h 0 min");
    assertThat(html).contains("Median time from step before");
  }

  @Test
  @AsOperations
  void teamsShowTheirMedianFirstResponse() {
    // first responses 30 min … 5 h 30 min after assignment: the median is 3 hours
    String[] team = csvLine("teams", TEAM + ",");
    assertThat(Double.parseDouble(team[3])).isCloseTo(3 * 3600, within(3 * 3600 * 0.05));
    // without a campaign filter the page reads the per-owner histogram: the same median
    String[] allCampaigns = csvLine("teams", "from=2023-11-01&to=2023-11-30", TEAM + ",");
    assertThat(allCampaigns[3]).isEqualTo(team[3]);
    assertThat(allCampaigns[1]).isEqualTo("11");
    String html =
        given()
            .header("Accept-Language", "zh-CN")
            .get("/ops/funnel?" + NOVEMBER)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String row = html.substring(html.indexOf(TEAM, html.indexOf("id=\"teams-table\"")));
    row = row.substring(0, row.indexOf("</tr>"));
    // over the default first-response target of an hour
    assertThat(row).contains("3 小时 0 分钟").contains("超时").contains("平均 3 小时 0 分钟");
  }
}
