package io.loopcrm.imports;

import static io.loopcrm.imports.ImportTest.SAMPLES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.people.Member;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.AsSales;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The migration from another CRM through the import pages: the accounts, contacts and deals exports
 * of Salesforce, HubSpot and Odoo (synthetic samples in {@code import-samples}) are recognised,
 * previewed, imported in order and linked, against the real PostgreSQL.
 */
@QuarkusTest
class RecordImportTest {
  private static final List<String> COMPANIES =
      List.of(
          "Northwind Traders",
          "NORTHWIND TRADERS",
          "Globex, Inc.",
          "北京云帆网络",
          "Initech",
          "Initrode",
          "Umbrella Corporation",
          "Hooli",
          "Costa Imports",
          "Unowned Ltd");

  /** One run's names: its own companies, domains and the two reps the files name. */
  private record Run(String tag, Member jane, Member li) {
    static Run start() {
      String tag = Fixtures.unique("r").replace("-", "");
      Member jane = rep("jane" + tag, "Jane Rep " + tag);
      Member li = rep("li" + tag, "Li Wei " + tag);
      return new Run(tag, jane, li);
    }

    Path sample(String file) throws Exception {
      String text = Files.readString(SAMPLES.resolve(file));
      for (String c : COMPANIES) {
        text = text.replace(c, c + " " + tag);
      }
      text =
          text.replaceAll("(?i)-example\\.", "-" + tag + ".")
              .replace("Jane Rep", jane.displayName)
              .replace("Li Wei", li.displayName);
      Path copy = Files.createTempFile("records", ".csv");
      Files.writeString(copy, text);
      return copy;
    }

    String name(String company) {
      return company + " " + tag;
    }
  }

  private static Member rep(String username, String displayName) {
    Member m = Fixtures.member(username, List.of("sales"), null);
    QuarkusTransaction.requiringNew()
        .run(() -> Member.<Member>findById(m.id).displayName = displayName);
    m.displayName = displayName;
    return m;
  }

  @Test
  @AsOperations
  void aSalesforceMigrationBringsAccountsThenContactsThenOpportunitiesLinked() throws Exception {
    Run run = Run.start();

    long accounts = ImportTest.upload(run.sample("accounts-salesforce.csv"));
    ImportJob job = ImportTest.job(accounts);
    assertThat(job.kind).isEqualTo("account");
    assertThat(job.layout).isEqualTo("salesforce");
    given()
        .header("Accept-Language", "en")
        .get("/ops/import/" + accounts)
        .then()
        .statusCode(200)
        .body(containsString("Salesforce accounts export"))
        .body(containsString("These rows are"))
        .body(containsString("no such user: imported without an owner"));
    Map<String, Long> outcome = importNow(accounts, job.mapping);
    // the company typed again is Jane's account by then: hers to keep, not written into
    assertThat(outcome).containsEntry("created", 4L).doesNotContainKey("updated");
    assertThat(outcome).containsEntry("skipped", 2L);
    List<CSVRecord> report = ImportTest.report(accounts);
    assertThat(report)
        .anyMatch(
            r ->
                r.get("reason").equals("exists_kept")
                    && r.get("name").equals(run.name("NORTHWIND TRADERS")));
    assertThat(report)
        .anyMatch(r -> r.get("reason").equals("missing_name") && r.get("record").isEmpty());
    assertThat(report)
        .anyMatch(
            r ->
                r.get("name").equals(run.name("Initech"))
                    && r.get("unmapped").equals("owner: Nobody Here"));
    Account northwind = account(run.name("Northwind Traders"));
    assertThat(northwind.domain).isEqualTo("northwind-" + run.tag() + ".com");
    assertThat(northwind.region).isEqualTo("Seattle, United States");
    assertThat(northwind.owner.id).isEqualTo(run.jane().id);
    assertThat(northwind.createdAt).isEqualTo(Instant.parse("2024-02-11T00:00:00Z"));
    assertThat(account(run.name("北京云帆网络")).owner.id).isEqualTo(run.li().id);
    assertThat(account(run.name("Initech")).owner).isNull();
    assertThat(count("select count(*) from account where name ilike ?1", "%" + run.tag()))
        .as("the company typed twice is one account")
        .isEqualTo(4);

    long contacts = ImportTest.upload(run.sample("contacts-salesforce.csv"));
    assertThat(ImportTest.job(contacts).kind).isEqualTo("contact");
    outcome = importNow(contacts, ImportTest.job(contacts).mapping);
    assertThat(outcome)
        .containsEntry("created", 5L)
        .doesNotContainKey("updated")
        .containsEntry("skipped", 3L);
    Contact maria = contact("maria.anders@northwind-" + run.tag() + ".com");
    assertThat(maria.account.id).isEqualTo(northwind.id);
    assertThat(maria.owner.id).isEqualTo(run.jane().id);
    assertThat(maria.createdAt).isEqualTo(Instant.parse("2024-02-12T00:00:00Z"));
    Contact bill = contact("bill@initrode-" + run.tag() + ".com");
    assertThat(bill.account.name).isEqualTo(run.name("Initrode"));
    assertThat(ImportTest.report(contacts))
        .anyMatch(r -> r.get("unmapped").equals("account created: " + run.name("Initrode")))
        .anyMatch(r -> r.get("reason").equals("invalid_email"));

    long deals = ImportTest.upload(run.sample("opportunities-salesforce.csv"));
    job = ImportTest.job(deals);
    assertThat(job.kind).isEqualTo("deal");
    // the stage no built-in mapping knows is shown with a choice, in both languages
    given()
        .header("Accept-Language", "en")
        .get("/ops/import/" + deals)
        .then()
        .statusCode(200)
        .body(containsString("Salesforce opportunities export"))
        .body(containsString("Verbal Commit"))
        .body(containsString("not mapped: first open stage"))
        .body(containsString("new: the account is created"));
    given()
        .header("Accept-Language", "zh-CN")
        .get("/ops/import/" + deals)
        .then()
        .statusCode(200)
        .body(containsString("Salesforce 商机导出"))
        .body(containsString("这些行是"))
        .body(containsString("未映射：进入第一个进行中阶段"));
    long negotiation = stage("negotiation").id;
    ImportTest.csrf()
        .formParam("target", (Object[]) job.mapping.split("\t", -1))
        .formParam("value", "Verbal Commit")
        .formParam("becomes", String.valueOf(negotiation))
        .post("/ops/import/" + deals + "/start")
        .then()
        .statusCode(303);
    ImportTest.awaitDone(deals, Duration.ofMinutes(1));
    report = ImportTest.report(deals);
    assertThat(outcomes(report))
        .containsEntry("created", 7L)
        .containsEntry("skipped", 2L)
        .doesNotContainKey("updated");
    assertThat(report)
        .anyMatch(r -> r.get("reason").equals("missing_owner"))
        .anyMatch(r -> r.get("reason").equals("invalid_amount"));
    assertThat(
            count("select count(*) from account where name = ?1", run.name("Umbrella Corporation")))
        .as("a skipped deal leaves no account behind")
        .isZero();

    Deal renewal = deal(run.name("Northwind Traders"), "Northwind - 2025 renewal");
    assertThat(renewal.status).isEqualTo(Deal.Status.WON);
    assertThat(renewal.amount).isEqualByComparingTo("48000");
    assertThat(renewal.closedAt).isEqualTo(Instant.parse("2025-03-31T00:00:00Z"));
    assertThat(renewal.createdAt).isEqualTo(Instant.parse("2025-01-05T00:00:00Z"));
    assertThat(renewal.owner.id).isEqualTo(run.jane().id);
    Deal rollout = deal(run.name("Northwind Traders"), "Northwind - EU rollout");
    assertThat(rollout.stage.name).isEqualTo("negotiation");
    assertThat(rollout.currency).isEqualTo("EUR");
    assertThat(rollout.expectedClose).isEqualTo(LocalDate.parse("2026-12-15"));
    assertThat(rollout.nextStep).isEqualTo("Send contract");
    Deal pilot = deal(run.name("Globex, Inc."), "Globex - pilot");
    assertThat(pilot.status).isEqualTo(Deal.Status.LOST);
    assertThat(pilot.lostReason).isEqualTo("price");
    Deal yearly = deal(run.name("北京云帆网络"), "云帆 - 年度订阅");
    assertThat(yearly.stage.id).as("the user's choice for Verbal Commit").isEqualTo(negotiation);
    assertThat(yearly.amount).isEqualByComparingTo(new BigDecimal("360000"));
    assertThat(yearly.owner.id).isEqualTo(run.li().id);
    assertThat(deal(run.name("Hooli"), run.name("Hooli") + " - search").stage.name)
        .isEqualTo("discovery");
    assertThat(deal(run.name("Globex, Inc."), "Globex - platform").amount).isNull();

    // operations sees deals only as totals: the report names none
    assertThat(report)
        .filteredOn(r -> r.get("record").equals("deal"))
        .allMatch(r -> r.get("record_id").isEmpty());
    // the same file again: every deal is known and a rep's, none doubled, none written
    long again = ImportTest.upload(run.sample("opportunities-salesforce.csv"));
    outcome = importNow(again, ImportTest.job(again).mapping);
    assertThat(outcome).doesNotContainKey("updated").containsEntry("skipped", 9L);
    assertThat(ImportTest.report(again))
        .filteredOn(r -> r.get("reason").equals("exists_kept"))
        .hasSize(7);
    assertThat(
            count(
                "select count(*) from deal d join account a on a.id = d.account_id"
                    + " where a.name like ?1",
                "%" + run.tag()))
        .isEqualTo(7);
  }

  @Test
  @AsOperations
  void aHubSpotMigrationLinksContactsAndDealsAndSkipsDealsWithoutOwner() throws Exception {
    Run run = Run.start();
    long companies = ImportTest.upload(run.sample("companies-hubspot.csv"));
    assertThat(ImportTest.job(companies).kind).isEqualTo("account");
    assertThat(ImportTest.job(companies).layout).isEqualTo("hubspot");
    assertThat(importNow(companies, ImportTest.job(companies).mapping))
        .containsEntry("created", 3L)
        .containsEntry("skipped", 1L);

    long contacts = ImportTest.upload(run.sample("contacts-hubspot.csv"));
    assertThat(ImportTest.job(contacts).kind).isEqualTo("contact");
    assertThat(importNow(contacts, ImportTest.job(contacts).mapping))
        .containsEntry("created", 3L)
        .containsEntry("skipped", 2L);
    assertThat(ImportTest.report(contacts))
        .filteredOn(r -> r.get("reason").equals("missing_account"))
        .hasSize(2);

    long deals = ImportTest.upload(run.sample("deals-hubspot.csv"));
    assertThat(ImportTest.job(deals).kind).isEqualTo("deal");
    assertThat(importNow(deals, ImportTest.job(deals).mapping))
        .containsEntry("created", 3L)
        .containsEntry("skipped", 2L);
    Deal won = deal(run.name("Northwind Traders"), "Northwind - 2025 renewal");
    assertThat(won.status).isEqualTo(Deal.Status.WON);
    assertThat(won.contact.id)
        .as("the associated contact, found by the address in its cell")
        .isEqualTo(contact("maria.anders@northwind-" + run.tag() + ".com").id);
    Deal lost = deal(run.name("Globex, Inc."), "Globex - pilot");
    assertThat(lost.lostReason).isEqualTo("competitor");
    assertThat(deal(run.name("北京云帆网络"), "云帆 - 年度订阅").stage.name).isEqualTo("negotiation");
    assertThat(count("select count(*) from account where name = ?1", run.name("Unowned Ltd")))
        .isZero();
  }

  @Test
  @AsOperations
  void anOdooMigrationReadsCompaniesAndPeopleFromOneFileThenOpportunities() throws Exception {
    Run run = Run.start();
    long contacts = ImportTest.upload(run.sample("contacts-odoo.csv"));
    assertThat(ImportTest.job(contacts).kind).isEqualTo("contact");
    assertThat(ImportTest.job(contacts).layout).isEqualTo("odoo");
    assertThat(importNow(contacts, ImportTest.job(contacts).mapping))
        .containsEntry("created", 5L)
        .containsEntry("skipped", 1L);
    List<CSVRecord> report = ImportTest.report(contacts);
    assertThat(report.stream().filter(r -> r.get("record").equals("account")).count())
        .as("the company rows are accounts")
        .isEqualTo(2);
    Account yunfan = account(run.name("北京云帆网络"));
    assertThat(yunfan.domain).isEqualTo("yunfan-" + run.tag() + ".cn");
    Contact li = contact("li.wei.buyer@yunfan-" + run.tag() + ".cn");
    assertThat(li.account.id).isEqualTo(yunfan.id);
    assertThat(li.lastName).isEqualTo("李伟");
    assertThat(account(run.name("Costa Imports")).owner.id).isEqualTo(run.jane().id);

    long deals = ImportTest.upload(run.sample("opportunities-odoo.csv"));
    assertThat(ImportTest.job(deals).kind).isEqualTo("deal");
    assertThat(importNow(deals, ImportTest.job(deals).mapping))
        .containsEntry("created", 4L)
        .containsEntry("skipped", 1L);
    assertThat(ImportTest.report(deals)).anyMatch(r -> r.get("reason").equals("won_incomplete"));
    Deal lost = deal(run.name("Globex, Inc."), "Globex: pilot");
    assertThat(lost.status).as("a lost reason closes it as lost").isEqualTo(Deal.Status.LOST);
    assertThat(lost.lostReason).isEqualTo("price");
    Deal costa = deal(run.name("Costa Imports"), "Costa: first order");
    assertThat(costa.amount).isEqualByComparingTo("7500");
    assertThat(costa.currency).isEqualTo("EUR");
    assertThat(costa.stage.name).isEqualTo("discovery");
    assertThat(costa.contact.email).startsWith("carla@");
  }

  @Test
  @AsOperations
  void theUserCanSayWhatTheRowsAreAndABadKindIsExplained() throws Exception {
    Run run = Run.start();
    long id = ImportTest.upload(run.sample("accounts-salesforce.csv"));
    ImportTest.csrf()
        .formParam("kind", "contact")
        .post("/ops/import/" + id + "/kind")
        .then()
        .statusCode(303);
    ImportJob job = ImportTest.job(id);
    assertThat(job.kind).isEqualTo("contact");
    assertThat(job.mapping.split("\t", -1)[0]).as("Account Name").isEqualTo("account");
    ImportTest.csrf()
        .header("Accept-Language", "zh-CN")
        .formParam("kind", "invoice")
        .post("/ops/import/" + id + "/kind")
        .then()
        .statusCode(422)
        .body(containsString("请从列表中选择线索、客户、联系人或商机。"));
    assertThat(ImportTest.job(id).kind).isEqualTo("contact");
    // a contact file without any account column is refused before it starts
    ImportTest.csrf()
        .header("Accept-Language", "en")
        .formParam("target", "", "lastName", "", "", "", "", "", "", "", "", "")
        .post("/ops/import/" + id + "/mapping")
        .then()
        .statusCode(422)
        .body(containsString("Map a column to the account"));
    // a stage choice that is none of ours is refused
    ImportTest.csrf()
        .formParam("target", (Object[]) job.mapping.split("\t", -1))
        .formParam("value", "Prospect")
        .formParam("becomes", "not-a-status")
        .post("/ops/import/" + id + "/mapping")
        .then()
        .statusCode(422);
  }

  @Test
  @AsOperations
  void anImportNeverWritesIntoARepsDealNorLinksSomeoneToAnotherRepsAccount() throws Exception {
    Run run = Run.start();
    String tag = run.tag();
    // Li's customer, with Li's contact and Li's deal whose amount is still blank
    Account theirs =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Account a = new Account();
                  a.name = "Li Customer " + tag;
                  a.owner = Member.findById(run.li().id);
                  a.persist();
                  Contact x = new Contact();
                  x.account = a;
                  x.lastName = "Buyer";
                  x.email = "buyer@li-" + tag + ".example";
                  x.emailNormalized = x.email;
                  x.owner = a.owner;
                  x.persist();
                  io.loopcrm.deal.DealOpening.direct(
                      "Li deal " + tag,
                      a,
                      x,
                      a.owner,
                      PipelineStage.listActive().get(0),
                      Instant.now());
                  return a;
                });
    Member admin = Fixtures.member("admin" + tag, List.of("admin"), null);
    Path file = Files.createTempFile("cross", ".csv");
    Files.writeString(
        file,
        "Opportunity Name,Account Name,Amount,Opportunity Currency,Close Date,Stage,Opportunity Owner,Contact Email,Next Step\n"
            + "Li deal "
            + tag
            + ",Li Customer "
            + tag
            + ",999,USD,2027-01-31,Prospecting,"
            + run.li().displayName
            + ",,Overwrite me\n"
            + "Jane's try "
            + tag
            + ",Li Customer "
            + tag
            + ",100,USD,2027-01-31,Prospecting,"
            + run.jane().displayName
            + ",,\n"
            + "Jane own "
            + tag
            + ",Jane Co "
            + tag
            + ",100,USD,2027-01-31,Prospecting,"
            + run.jane().displayName
            + ",buyer@li-"
            + tag
            + ".example,\n"
            + "Admin's "
            + tag
            + ",Admin Co "
            + tag
            + ",100,USD,2027-01-31,Prospecting,"
            + admin.username
            + ",,\n");
    long id = ImportTest.upload(file);
    Map<String, Long> outcome = importNow(id, ImportTest.job(id).mapping);
    assertThat(outcome).containsEntry("created", 1L).containsEntry("skipped", 3L);
    List<CSVRecord> report = ImportTest.report(id);
    assertThat(report)
        .anyMatch(r -> r.get("reason").equals("exists_kept"))
        .anyMatch(r -> r.get("reason").equals("account_of_another_rep"))
        .anyMatch(r -> r.get("reason").equals("missing_owner"));
    Deal kept = deal(theirs.name, "Li deal " + tag);
    assertThat(kept.amount).as("a rep's deal is not written into").isNull();
    assertThat(kept.nextStep).isNull();
    Deal own = deal("Jane Co " + tag, "Jane own " + tag);
    assertThat(own.contact).as("Li's contact is not Jane's to link").isNull();
    assertThat(
            count(
                "select count(*) from deal where owner_id = ?1 and account_id = ?2",
                run.jane().id,
                theirs.id))
        .isZero();
    given().header("Accept-Language", "zh-CN").get("/ops/import/" + id).then().statusCode(200);
  }

  @Test
  @AsSales
  void salesCannotSayWhatAnImportIs() {
    given().post("/ops/import/1/kind").then().statusCode(403);
  }

  private static Map<String, Long> importNow(long id, String mapping) throws Exception {
    ImportTest.start(id, mapping);
    ImportTest.awaitDone(id, Duration.ofMinutes(1));
    return outcomes(ImportTest.report(id));
  }

  private static Map<String, Long> outcomes(List<CSVRecord> report) {
    return report.stream()
        .collect(Collectors.groupingBy(r -> r.get("outcome"), Collectors.counting()));
  }

  private static Account account(String name) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Account.<Account>find(
                        "from Account a left join fetch a.owner where a.name = ?1", name)
                    .singleResult());
  }

  private static Contact contact(String email) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Contact.<Contact>find(
                        "from Contact c join fetch c.account left join fetch c.owner"
                            + " where c.emailNormalized = ?1",
                        email)
                    .singleResult());
  }

  private static Deal deal(String account, String name) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Deal.<Deal>find(
                        "from Deal d join fetch d.stage join fetch d.owner left join fetch d.contact"
                            + " where d.account.name = ?1 and d.name = ?2",
                        account,
                        name)
                    .singleResult());
  }

  private static PipelineStage stage(String name) {
    return QuarkusTransaction.requiringNew()
        .call(() -> PipelineStage.<PipelineStage>find("name", name).singleResult());
  }

  private static long count(String sql, Object... params) {
    return ImportHistoryTest.number(sql, params);
  }
}
