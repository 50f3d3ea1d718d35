package io.loopcrm.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.campaign.Campaign;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.campaign.CostEntry;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spend from a CSV file: preview with every row's fate, one click to record, the report. */
@QuarkusTest
class OpsSpendImportTest {

  @Test
  @AsOperations
  void goodRowsAreRecordedOnceAndEverySkippedRowSaysWhy() throws Exception {
    Fixtures.member("olga", List.of("operations"), null);
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Spend"));
    String campaignCode =
        QuarkusTransaction.requiringNew()
            .call(() -> Campaign.<Campaign>findById(v.campaign.id).code);
    String csv =
        "Date,Campaign,Amount,Currency,Channel,Note\n"
            + "2026-11-02,"
            + v.trackingCode
            + ",1250.00,USD,search,by variant code\n"
            + "2026/11/03,"
            + campaignCode
            + ",300,,email,by split code and the campaign's currency\n"
            + "2026-11-04,\""
            + v.campaign.name
            + "\",\"1,000.50\",USD,,by name\n"
            + "02.11.2026,"
            + campaignCode
            + ",10,USD,,a day we cannot read\n"
            + "2026-11-05,nosuchcampaign,10,USD,,unknown\n"
            + "2026-11-05,"
            + campaignCode
            + ",-10,USD,,negative\n"
            + "2026-11-05,"
            + campaignCode
            + ",10,XXX,,unknown currency\n"
            + "2026-11-02,"
            + v.trackingCode
            + ",1250.00,USD,search,by variant code\n";
    String preview = upload(csv);
    assertThat(preview).startsWith("/ops/costs/import/");
    String page = page(preview, "en");
    assertThat(page)
        .contains("3 rows will be recorded, 5 skipped")
        .contains("$2,550.50")
        .contains("skipped: no date like 2026-11-02")
        .contains("skipped: no campaign or variant with this code or name")
        .contains("skipped: the amount must be 0 or more")
        .contains("skipped: unknown currency")
        .contains("skipped: the same cost appears earlier in the file")
        .contains("Record 3 cost entries");
    assertThat(page(preview, "zh-CN")).contains("将记录 3 行，跳过 5 行");
    assertThat(entries(v.campaign.id)).isZero();

    // two clicks on "record" record once
    record(preview);
    record(preview);
    assertThat(entries(v.campaign.id)).isEqualTo(3);
    CostEntry byVariant =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    CostEntry.<CostEntry>find(
                            "from CostEntry e join fetch e.createdBy where e.variant.id = ?1", v.id)
                        .firstResult());
    assertThat(byVariant.amount).isEqualByComparingTo("1250.00");
    assertThat(byVariant.channel).isEqualTo(io.loopcrm.campaign.Channel.SEARCH);
    assertThat(byVariant.createdBy.username).isEqualTo("olga");
    String report = page(preview, "en");
    assertThat(report)
        .contains("3 cost entries recorded, 5 rows skipped")
        .contains("skipped: unknown currency");
    assertThat(given().get(preview + "/report.csv").then().statusCode(200).extract().asString())
        .startsWith("line,date,campaign,variant,amount,currency,outcome")
        .contains(",recorded")
        .contains("spend_problem_currency");
    // the campaign's ledger and history show the imported entries
    assertThat(page("/ops/campaigns/" + v.campaign.id, "en")).contains("$2,550.50");

    // the same file again: nothing new to record
    assertThat(page(upload(csv), "en"))
        .contains("0 rows will be recorded, 8 skipped")
        .contains("skipped: this cost is already in the ledger")
        .doesNotContain("id=\"record-spend\"");
  }

  @Test
  @AsOperations
  void aFileWithoutTheColumnsIsRefusedNextToTheFieldAndTokensAreChecked() throws Exception {
    Path file = Files.createTempFile("spend", ".csv");
    Files.writeString(file, "Day,Cost\n2026-11-02,10\n");
    String token = Csrf.token();
    given()
        .cookie("csrf-token", token)
        .header("Accept-Language", "zh-CN")
        .multiPart("csrf-token", token)
        .multiPart("file", file.toFile(), "text/csv")
        .post("/ops/costs/import")
        .then()
        .statusCode(422)
        .body(containsString("invalid-feedback"))
        .body(containsString("至少包含 date、campaign 和 amount"));
    given().get("/ops/costs/import/not-a-token").then().statusCode(404);
    given().get("/ops/costs/import/6b1c1f9e-3a4b-4c5d-8e9f-0a1b2c3d4e5f").then().statusCode(404);
    Csrf.form()
        .post("/ops/costs/import/6b1c1f9e-3a4b-4c5d-8e9f-0a1b2c3d4e5f")
        .then()
        .statusCode(404);
  }

  private static String upload(String csv) throws Exception {
    Path file = Files.createTempFile("spend", ".csv");
    Files.writeString(file, csv);
    String token = Csrf.token();
    Response r =
        given()
            .cookie("csrf-token", token)
            .redirects()
            .follow(false)
            .multiPart("csrf-token", token)
            .multiPart("file", file.toFile(), "text/csv")
            .post("/ops/costs/import");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
    return java.net.URI.create(r.header("Location")).getPath();
  }

  private static void record(String preview) {
    Csrf.form().redirects().follow(false).post(preview).then().statusCode(303);
  }

  private static String page(String path, String language) {
    return given()
        .header("Accept-Language", language)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static long entries(long campaign) {
    return QuarkusTransaction.requiringNew().call(() -> CostEntry.count("campaign.id", campaign));
  }
}
