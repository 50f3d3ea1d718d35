package io.loopcrm.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.customer.Account;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.settings.Choice;
import io.loopcrm.testing.AsAdmin;
import io.loopcrm.testing.AsOperations;
import io.loopcrm.testing.AsSales;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipeline stages and editable lists: rules, archive-not-delete, and what reps then see. */
@QuarkusTest
class AdminSettingsTest {

  @Test
  @TestSecurity(
      user = "ada",
      roles = {"admin", "sales"})
  void anAddedReasonIsOfferedToRepsAndIsArchivedNotDeletedOnceUsed() {
    Member ada = Fixtures.member("ada", List.of("admin", "sales"), null);
    String label = Fixtures.unique("Bought elsewhere");
    Csrf.form()
        .formParam("label", label)
        .post("/admin/settings/lists/reject_reason")
        .then()
        .statusCode(303);
    Choice added = choice("reject_reason", label);
    try {
      Lead lead = Fixtures.lead(ada, Fixtures.unique("Reject"), "Acme", null);
      given()
          .get("/sales/leads/" + lead.id)
          .then()
          .statusCode(200)
          .body(containsString("value=\"" + added.code + "\""));
      Csrf.form()
          .formParam("reason", added.code)
          .formParam("rejectQuality", "2")
          .post("/sales/leads/" + lead.id + "/reject")
          .then()
          .statusCode(303);

      // in use: "remove" archives it; the lead keeps showing it, the form no longer offers it
      Csrf.form()
          .post("/admin/settings/lists/reject_reason/" + added.id + "/remove")
          .then()
          .statusCode(303);
      Choice archived = Fixtures.reload(Choice.class, added.id);
      assertThat(archived).isNotNull();
      assertThat(archived.archived).isTrue();
      given()
          .get("/sales/leads/" + lead.id)
          .then()
          .statusCode(200)
          .body(containsString(label))
          .body(not(containsString("value=\"" + added.code + "\"")));
      Lead other = Fixtures.lead(ada, Fixtures.unique("Other"), "Acme", null);
      Csrf.form()
          .formParam("reason", added.code)
          .formParam("rejectQuality", "2")
          .post("/sales/leads/" + other.id + "/reject")
          .then()
          .statusCode(422);
    } finally {
      QuarkusTransaction.requiringNew()
          .run(() -> Lead.update("rejectReason = null where rejectReason = ?1", added.code));
      Csrf.form()
          .post("/admin/settings/lists/reject_reason/" + added.id + "/remove")
          .then()
          .statusCode(303);
    }
    // unused now: removing deletes it
    assertThat(Fixtures.reload(Choice.class, added.id)).isNull();
  }

  @Test
  @AsAdmin
  void renamingABuiltInValueAndClearingTheNameBringsTheTranslationBack() {
    Choice price =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Choice.<Choice>find("list = ?1 and code = ?2", "lost_reason", "price")
                        .firstResult());
    Csrf.form()
        .formParam("label", "Too expensive")
        .post("/admin/settings/lists/lost_reason/" + price.id)
        .then()
        .statusCode(303);
    given().get("/admin/settings").then().body(containsString("value=\"Too expensive\""));
    Csrf.form()
        .formParam("label", "")
        .post("/admin/settings/lists/lost_reason/" + price.id)
        .then()
        .statusCode(303);
    assertThat(Fixtures.reload(Choice.class, price.id).label).isNull();
    given()
        .header("Accept-Language", "zh-CN")
        .get("/admin/settings")
        .then()
        .body(containsString("placeholder=\"价格\""));
  }

  @Test
  @AsAdmin
  void currenciesMustBeRealIsoCodes() {
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("label", "XQQ")
        .post("/admin/settings/lists/currency")
        .then()
        .statusCode(422)
        .body(containsString("Enter a three-letter ISO currency code"));
    Csrf.form()
        .formParam("label", "chf")
        .post("/admin/settings/lists/currency")
        .then()
        .statusCode(303);
    Choice chf = choiceByCode("currency", "CHF");
    try {
      given().get("/admin/settings").then().body(containsString(">CHF<"));
      Csrf.form()
          .formParam("label", "CHF")
          .post("/admin/settings/lists/currency")
          .then()
          .statusCode(422)
          .body(containsString("This value is already in the list."));
    } finally {
      Csrf.form()
          .post("/admin/settings/lists/currency/" + chf.id + "/remove")
          .then()
          .statusCode(303);
    }
    assertThat(Fixtures.reload(Choice.class, chf.id)).isNull();
  }

  @Test
  @AsAdmin
  void aNewStageJoinsThePipelineAndTheRulesKeepOneWonAndOneLostStage() {
    Csrf.form()
        .formParam("label", "Security review")
        .formParam("probability", "60")
        .formParam("kind", "open")
        .post("/admin/settings/stages")
        .then()
        .statusCode(303);
    PipelineStage added =
        QuarkusTransaction.requiringNew()
            .call(
                () -> PipelineStage.<PipelineStage>find("label", "Security review").firstResult());
    try {
      assertThat(added.probability).isEqualTo(60);
      assertThat(added.isOpen()).isTrue();
      given().get("/admin/settings").then().body(containsString("value=\"Security review\""));

      // a second won stage breaks the rule: refused, nothing saved
      Csrf.form()
          .header("Accept-Language", "en")
          .formParam("label", "Security review")
          .formParam("position", String.valueOf(added.position))
          .formParam("probability", "60")
          .formParam("kind", "won")
          .post("/admin/settings/stages/" + added.id)
          .then()
          .statusCode(422)
          .body(containsString("The pipeline needs exactly one won stage."));
      assertThat(Fixtures.reload(PipelineStage.class, added.id).isOpen()).isTrue();

      // bad numbers are explained next to the field
      Csrf.form()
          .header("Accept-Language", "en")
          .formParam("label", "Security review")
          .formParam("position", "x")
          .formParam("probability", "140")
          .formParam("kind", "open")
          .post("/admin/settings/stages/" + added.id)
          .then()
          .statusCode(422)
          .body(containsString("Enter a whole number from 1 to 999."))
          .body(containsString("Enter a whole number from 0 to 100."));

      // a new stage needs a name and one of the three kinds; nothing is added
      long stages = QuarkusTransaction.requiringNew().call(() -> PipelineStage.count());
      Csrf.form()
          .header("Accept-Language", "zh-CN")
          .formParam("label", " ")
          .formParam("probability", "")
          .formParam("kind", "maybe")
          .post("/admin/settings/stages")
          .then()
          .statusCode(422)
          .body(containsString("请填写此项。"))
          .body(containsString("请输入 0 到 100 的整数。"))
          .body(containsString("请选择进行中、赢单或输单。"));
      assertThat(QuarkusTransaction.requiringNew().call(() -> PipelineStage.count()))
          .isEqualTo(stages);
    } finally {
      Csrf.form().post("/admin/settings/stages/" + added.id + "/remove").then().statusCode(303);
    }
    assertThat(Fixtures.reload(PipelineStage.class, added.id)).isNull();
  }

  @Test
  @AsAdmin
  void aStageWithOpenDealsStaysAndAUsedOneIsArchivedThenRestored() {
    String label = Fixtures.unique("Legal check");
    Csrf.form()
        .formParam("label", label)
        .formParam("probability", "70")
        .formParam("kind", "open")
        .post("/admin/settings/stages")
        .then()
        .statusCode(303);
    long stage =
        QuarkusTransaction.requiringNew()
            .call(() -> PipelineStage.<PipelineStage>find("label", label).firstResult().id);
    Member rep = Fixtures.member(Fixtures.unique("stage-rep"), List.of("sales"), null);
    long deal =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Account a = new Account();
                  a.name = Fixtures.unique("Stage holder");
                  a.owner = Member.findById(rep.id);
                  a.persist();
                  Deal d = new Deal();
                  d.name = "In legal";
                  d.account = a;
                  d.owner = a.owner;
                  d.stage = PipelineStage.findById(stage);
                  d.currency = "EUR";
                  d.amount = BigDecimal.TEN;
                  d.expectedClose = LocalDate.now().plusMonths(1);
                  d.probability = 70;
                  d.persist();
                  return d.id;
                });
    // a new default probability reaches the open deals that take the default, not one a rep set
    long manual =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Deal d = new Deal();
                  Deal first = Deal.findById(deal);
                  d.name = "Own figure";
                  d.account = first.account;
                  d.owner = first.owner;
                  d.stage = first.stage;
                  d.currency = "EUR";
                  d.amount = BigDecimal.TEN;
                  d.expectedClose = LocalDate.now().plusMonths(1);
                  d.probability = 35;
                  d.probabilityManual = true;
                  d.persist();
                  return d.id;
                });
    Csrf.form()
        .formParam("label", label)
        .formParam("position", "50")
        .formParam("probability", "80")
        .formParam("kind", "open")
        .post("/admin/settings/stages/" + stage)
        .then()
        .statusCode(303);
    assertThat(Fixtures.reload(Deal.class, deal).probability).isEqualTo(80);
    assertThat(Fixtures.reload(Deal.class, manual).probability).isEqualTo(35);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Deal.<Deal>findById(manual)
                    .moveTo(
                        PipelineStage.listActive().get(0),
                        Member.findById(rep.id),
                        Instant.now(),
                        null,
                        null));
    Csrf.form()
        .header("Accept-Language", "en")
        .post("/admin/settings/stages/" + stage + "/remove")
        .then()
        .statusCode(422)
        .body(containsString("Open deals are in this stage. Move them to another stage first."));
    assertThat(Fixtures.reload(PipelineStage.class, stage).archived).isFalse();
    // once the deal has moved on, the stage is archived, not deleted: the deal's history names it
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Deal.<Deal>findById(deal)
                    .moveTo(
                        PipelineStage.listActive().get(0),
                        Member.findById(rep.id),
                        Instant.now(),
                        null,
                        null));
    Csrf.form().post("/admin/settings/stages/" + stage + "/remove").then().statusCode(303);
    assertThat(Fixtures.reload(PipelineStage.class, stage).archived).isTrue();
    given()
        .header("Accept-Language", "en")
        .get("/admin/settings")
        .then()
        .body(containsString("formaction=\"/admin/settings/stages/" + stage + "/restore\""));
    Csrf.form().post("/admin/settings/stages/" + stage + "/restore").then().statusCode(303);
    assertThat(Fixtures.reload(PipelineStage.class, stage).archived).isFalse();
    Csrf.form().post("/admin/settings/stages/" + stage + "/remove").then().statusCode(303);
    assertThat(Fixtures.reload(PipelineStage.class, stage).archived).isTrue();
  }

  @Test
  @AsAdmin
  void theOnlyLostStageCannotBeRemoved() {
    Csrf.form()
        .header("Accept-Language", "en")
        .post("/admin/settings/stages/6/remove")
        .then()
        .statusCode(422)
        .body(containsString("exactly one lost stage"));
    assertThat(Fixtures.reload(PipelineStage.class, 6L).archived).isFalse();
  }

  @Test
  @AsAdmin
  void settingsChangesAreAudited() {
    Csrf.form()
        .formParam("label", "Acme Rival")
        .post("/admin/settings/lists/competitor")
        .then()
        .statusCode(303);
    Choice rival = choice("competitor", "Acme Rival");
    Csrf.form()
        .post("/admin/settings/lists/competitor/" + rival.id + "/remove")
        .then()
        .statusCode(303);
    given()
        .get("/admin/audit?type=choice&record=" + rival.id)
        .then()
        .statusCode(200)
        .body(containsString("Acme Rival"))
        .body(containsString("<span class=\"badge text-bg-light border\">Created</span>"))
        .body(containsString("<span class=\"badge text-bg-light border\">Deleted</span>"));
  }

  @Test
  @AsSales
  void salesCannotChangeSettings() {
    given().get("/admin/settings").then().statusCode(403);
    Csrf.form()
        .formParam("label", "X")
        .post("/admin/settings/lists/competitor")
        .then()
        .statusCode(403);
    Csrf.form().post("/admin/settings/stages/6/remove").then().statusCode(403);
    given().get("/admin/teams").then().statusCode(403);
    Csrf.form().formParam("name", "X").post("/admin/teams").then().statusCode(403);
  }

  @Test
  @AsOperations
  void operationsCannotChangeSettings() {
    given().get("/admin/settings").then().statusCode(403);
    Csrf.form()
        .formParam("label", "Y")
        .post("/admin/settings/lists/currency")
        .then()
        .statusCode(403);
    given().get("/admin/teams/1").then().statusCode(403);
  }

  private static Choice choice(String list, String label) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Choice.<Choice>find("list = ?1 and label = ?2", list, label).firstResult());
  }

  private static Choice choiceByCode(String list, String code) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Choice.<Choice>find("list = ?1 and code = ?2", list, code).firstResult());
  }

  @Test
  @AsAdmin
  void oneFirstResponseTargetIsSetHereForTodayAndTheFunnel() {
    Fixtures.member("ada", List.of("admin"), null);
    try {
      given()
          .header("Accept-Language", "en")
          .get("/admin/settings")
          .then()
          .statusCode(200)
          .body(containsString("id=\"first-response-form\""))
          .body(containsString("name=\"minutes\""));
      for (String bad : List.of("0", "10081", "soon")) {
        Csrf.form()
            .header("Accept-Language", "en")
            .formParam("minutes", bad)
            .post("/admin/settings/first-response")
            .then()
            .statusCode(422)
            .body(containsString("Enter a whole number of minutes from 1 to 10080 (a week)."))
            .body(containsString("value=\"" + bad + "\""));
      }
      Csrf.form()
          .header("Accept-Language", "zh-CN")
          .formParam("minutes", "-5")
          .post("/admin/settings/first-response")
          .then()
          .statusCode(422)
          .body(containsString("请输入 1 到 10080（一周）之间的整数分钟数。"));
      assertThat(firstResponseMinutes()).isEqualTo(60);

      Csrf.form()
          .formParam("minutes", "90")
          .redirects()
          .follow(false)
          .post("/admin/settings/first-response")
          .then()
          .statusCode(303)
          .cookie("loop_flash", containsString("success:settings_flash_first_response"));
      assertThat(firstResponseMinutes()).isEqualTo(90);
      given()
          .header("Accept-Language", "en")
          .get("/admin/settings")
          .then()
          .body(containsString("value=\"90\""));
    } finally {
      QuarkusTransaction.requiringNew()
          .run(() -> io.loopcrm.funnel.ReportSetting.get().firstResponseMinutes = 60);
    }
  }

  private static int firstResponseMinutes() {
    return QuarkusTransaction.requiringNew()
        .call(() -> io.loopcrm.funnel.ReportSetting.get().firstResponseMinutes);
  }

  @Test
  @AsAdmin
  void theRetentionWindowDecidesWhoCountsAsRetained() {
    long base = 7_600_000_000L;
    Member rep = Fixtures.member("sam", List.of("sales"), null);
    // a customer won on 1 May 2024 and again 60 days later
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
              for (String sql :
                  List.of(
                      "insert into account (id, name) values (" + base + ", 'Window Co')",
                      "insert into lead (id, last_name, owner_id, status, created_at) values ("
                          + base
                          + ", 'Window', "
                          + rep.id
                          + ", 'accepted', timestamptz"
                          + " '2024-04-20 10:00Z')",
                      "insert into deal (id, name, account_id, lead_id, owner_id, stage_id, status,"
                          + " amount, probability, closed_at) values ("
                          + base
                          + ", 'First', "
                          + base
                          + ", "
                          + base
                          + ", "
                          + rep.id
                          + ", 5, 'won', 100, 100,"
                          + " timestamptz '2024-05-01 10:00Z'), ("
                          + (base + 1)
                          + ", 'Again', "
                          + base
                          + ", null, "
                          + rep.id
                          + ", 5, 'won', 100, 100, timestamptz"
                          + " '2024-06-30 10:00Z')")) {
                em.createNativeQuery(sql).executeUpdate();
              }
            });
    try {
      Csrf.form()
          .header("Accept-Language", "en")
          .formParam("days", "0")
          .post("/admin/settings/retention")
          .then()
          .statusCode(422)
          .body(containsString("Enter a whole number of days from 1 to 3660."));
      assertThat(retained(base)).isTrue();
      Csrf.form().formParam("days", "30").post("/admin/settings/retention").then().statusCode(303);
      assertThat(retained(base)).isFalse();
      given()
          .header("Accept-Language", "en")
          .get("/admin/settings")
          .then()
          .body(containsString("value=\"30\""));
    } finally {
      Csrf.form().formParam("days", "365").post("/admin/settings/retention").then().statusCode(303);
    }
    assertThat(retained(base)).isTrue();
  }

  private static boolean retained(long lead) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                        .createNativeQuery("select retained_at from lead where id = " + lead)
                        .getSingleResult()
                    != null);
  }
}
