package io.loopcrm.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.activity.Activity;
import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.lead.LeadStatus;
import io.loopcrm.people.Member;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Imports keep what the other CRM knew: created date (back-dated in the funnel), owner, status
 * through the mapping, campaign as first touch, source and medium, description as a note, city and
 * country as region; what does not match is shown before and named in the report after.
 */
@QuarkusTest
class ImportHistoryTest {

  @Test
  @AsOperations
  void aSalesforceExportKeepsOwnersStatusesDatesAndDescriptions() throws Exception {
    Member rep = Fixtures.member(Fixtures.unique("histrep"), List.of("sales"), null);
    String repEmail = rep.username + "@example.com";
    QuarkusTransaction.requiringNew().run(() -> Member.<Member>findById(rep.id).email = repEmail);
    String tag = Fixtures.unique("h").replace("-", "");
    String csv =
        "First Name,Last Name,Title,Company,Email,Phone,Lead Source,Lead Status,Industry,City,"
            + "Country,No. of Employees,Description,Lead Owner,Created Date\n"
            + "Ada,Owned,CTO,Acme,ada."
            + tag
            + "@example.com,,Web,Working - Contacted,Tech,Pune,India,,\"Met at the expo\n"
            + "wants pricing\","
            + repEmail
            + ",2025-03-04\n"
            + "Bo,Nobody,,Acme,bo."
            + tag
            + "@example.com,,Web,Closed - Not Converted,,,,,,Nobody Known,2025-03-05\n"
            + "Cy,Mystery,,Acme,cy."
            + tag
            + "@example.com,,Web,Mystery Status,,,,,,"
            + rep.displayName
            + ",not a date\n";
    long id = upload(csv, "salesforce.csv");
    assertThat(job(id).layout).isEqualTo("salesforce");
    // before anything is written: what each owner and status becomes
    given()
        .header("Accept-Language", "en")
        .get("/ops/import/" + id)
        .then()
        .statusCode(200)
        .body(containsString("What the file brings from its CRM"))
        .body(containsString("no such user: the lead goes to the queue"))
        .body(containsString("not mapped: imported as New"))
        .body(containsString(rep.displayName));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/import/" + id)
        .then()
        .body(containsString("文件从原 CRM 带来的信息"));
    start(id, job(id).mapping);
    await(id);

    Lead ada = lead("ada." + tag);
    assertThat(ada.owner.id).isEqualTo(rep.id);
    assertThat(ada.status).isEqualTo(LeadStatus.WORKING);
    assertThat(ada.createdAt).isEqualTo(Instant.parse("2025-03-04T00:00:00Z"));
    assertThat(ada.region).isEqualTo("Pune, India");
    assertThat(ada.utmSource).isEqualTo("Web");
    List<Activity> notes =
        QuarkusTransaction.requiringNew()
            .call(() -> Activity.<Activity>list("lead.id = ?1", ada.id));
    assertThat(notes)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind).isEqualTo(Activity.Kind.NOTE);
              assertThat(n.subject).isEqualTo("Met at the expo");
              assertThat(n.notes).contains("wants pricing");
            });

    Lead bo = lead("bo." + tag);
    assertThat(bo.owner).isNull();
    assertThat(bo.status).isEqualTo(LeadStatus.REJECTED);
    Lead cy = lead("cy." + tag);
    assertThat(cy.owner.id).isEqualTo(rep.id);
    assertThat(cy.status).isEqualTo(LeadStatus.ASSIGNED);
    assertThat(cy.createdAt).isAfter(Instant.now().minus(Duration.ofMinutes(5)));

    Map<String, String> unmapped =
        report(id).stream().collect(Collectors.toMap(r -> r.get("email"), r -> r.get("unmapped")));
    assertThat(unmapped.get("ada." + tag + "@example.com")).isEmpty();
    assertThat(unmapped.get("bo." + tag + "@example.com")).isEqualTo("owner: Nobody Known");
    assertThat(unmapped.get("cy." + tag + "@example.com"))
        .contains("created date: not a date")
        .contains("status: Mystery Status");
  }

  @Test
  @AsOperations
  void anOdooExportNamingACampaignCountsOnItsDayAndCampaignInTheFunnel() throws Exception {
    // a name longer than the 60 characters of its UTM name
    CampaignVariant v =
        Fixtures.campaignWithVariant(
            Fixtures.unique("Spring Promo for the northern region and all of its partners"));
    String name = v.campaign.name;
    String tag = Fixtures.unique("o").replace("-", "");
    String csv =
        "External ID,Opportunity,Contact Name,Email,Phone,Company Name,Job Position,Salesperson,"
            + "Sales Team,Stage,Source,Medium,Campaign,Country,City,Created on,Expected Revenue\n"
            + "__export__.a1,Hooli: inquiry,Omar Zhang,omar."
            + tag
            + "@example.com,,Hooli,,,Sales,Qualified,Search engine,Website,\""
            + name
            + "\",Germany,Berlin,2024-02-10 09:30:00,1000\n"
            + "__export__.a2,Hooli: inquiry,Sofia Kim,sofia."
            + tag
            + "@example.com,,Hooli,,,Sales,New,Search engine,Website,"
            // as our tracking links wrote it into utm_campaign
            + io.loopcrm.campaign.Campaign.utmName(name)
            + ",Germany,,2024-02-10 11:00:00,2000\n"
            + "__export__.a3,Hooli: inquiry,Li Wei,li."
            + tag
            + "@example.com,,Hooli,,,Sales,New,Search engine,Website,No Such Campaign,,,"
            + "2024-02-11 11:00:00,3000\n";
    long id = upload(csv, "odoo.csv");
    assertThat(job(id).layout).isEqualTo("odoo");
    start(id, job(id).mapping);
    await(id);

    Lead omar = lead("omar." + tag);
    assertThat(omar.firstTouch.campaignId).isEqualTo(v.campaign.id);
    assertThat(omar.lastTouch.campaignId).isEqualTo(v.campaign.id);
    assertThat(omar.utmMedium).isEqualTo("Website");
    assertThat(omar.createdAt).isEqualTo(Instant.parse("2024-02-10T09:30:00Z"));
    assertThat(omar.region).isEqualTo("Berlin, Germany");
    assertThat(lead("sofia." + tag).region).isEqualTo("Germany");
    assertThat(lead("sofia." + tag).firstTouch.campaignId).isEqualTo(v.campaign.id);
    assertThat(lead("li." + tag).firstTouch == null || lead("li." + tag).firstTouch.isEmpty())
        .isTrue();
    // the back-dated leads count on their own day and campaign, as a recount finds them
    long rollup =
        number(
            "select coalesce(sum(leads), 0) from funnel_rollup where grain = 'd' and model = 'f'"
                + " and campaign_id = ?1 and day = date '2024-02-10'",
            v.campaign.id);
    long recount =
        number(
            "select count(*) from lead where first_touch_campaign_id = ?1"
                + " and (created_at at time zone 'UTC')::date = date '2024-02-10'",
            v.campaign.id);
    assertThat(recount).isEqualTo(2);
    assertThat(rollup).isEqualTo(recount);
    assertThat(
            report(id).stream()
                .filter(r -> r.get("email").startsWith("li."))
                .findFirst()
                .orElseThrow()
                .get("unmapped"))
        .isEqualTo("campaign: No Such Campaign");
  }

  @Test
  @AsOperations
  void theStatusesOfTheFileAreMappedAsTheUserChoseOnThePreview() throws Exception {
    Member rep = Fixtures.member(Fixtures.unique("maprep"), List.of("sales"), null);
    String tag = Fixtures.unique("m").replace("-", "");
    // owned rows: a queue lead would be new whatever its status (unless closed)
    String csv =
        "First Name,Last Name,Company,Email,Lead Source,Lead Status,Lead Owner\n"
            + "Di,Custom,Acme,di."
            + tag
            + "@example.com,Web,Mystery Status,"
            + rep.displayName
            + "\nEd,Closed,Acme,ed."
            + tag
            + "@example.com,Web,Closed - Not Converted,"
            + rep.displayName
            + "\nFlo,Default,Acme,flo."
            + tag
            + "@example.com,Web,Working - Contacted,"
            + rep.displayName
            + "\n";
    long id = upload(csv, "statuses.csv");
    // each status of the file has a choice, preset to what the built-in mapping says
    String page =
        given()
            .header("Accept-Language", "en")
            .get("/ops/import/" + id)
            .then()
            .extract()
            .asString();
    assertThat(page).contains("name=\"becomes\"").contains("value=\"Mystery Status\"");
    Csrf.form()
        .formParam("target", (Object[]) job(id).mapping.split("\t", -1))
        .formParam("value", "Mystery Status", "Closed - Not Converted", "Working - Contacted")
        .formParam("becomes", "working", "recycled", "")
        .post("/ops/import/" + id + "/mapping")
        .then()
        .statusCode(303);
    // the preview shows the choice made
    String again =
        given()
            .header("Accept-Language", "en")
            .get("/ops/import/" + id)
            .then()
            .extract()
            .asString();
    assertThat(again).containsPattern("value=\"recycled\"\\s+selected");
    // a start that sends no choices keeps the saved ones
    start(id, job(id).mapping);
    await(id);
    assertThat(lead("di." + tag).status).isEqualTo(LeadStatus.WORKING);
    assertThat(lead("ed." + tag).status).isEqualTo(LeadStatus.RECYCLED);
    assertThat(lead("flo." + tag).status).as("built-in mapping").isEqualTo(LeadStatus.WORKING);
    assertThat(report(id)).allMatch(r -> r.get("unmapped").isEmpty());
  }

  private static long upload(String csv, String name) throws Exception {
    Path file = Files.createTempFile("history", "-" + name);
    Files.writeString(file, csv);
    return ImportTest.upload(file);
  }

  private static void start(long id, String mapping) {
    ImportTest.start(id, mapping);
  }

  private static ImportJob job(long id) {
    return ImportTest.job(id);
  }

  private static void await(long id) throws InterruptedException {
    ImportTest.awaitDone(id, Duration.ofMinutes(1));
  }

  private static Lead lead(String emailStart) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Lead.<Lead>find(
                        "from Lead l left join fetch l.owner where l.emailNormalized like ?1",
                        emailStart.toLowerCase() + "@%")
                    .firstResult());
  }

  static long number(String sql, Object... params) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var q = Lead.getEntityManager().createNativeQuery(sql);
              for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
              }
              return ((Number) q.getSingleResult()).longValue();
            });
  }

  private static List<CSVRecord> report(long id) throws Exception {
    return ImportTest.report(id);
  }
}
