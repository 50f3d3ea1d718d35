package io.loopcrm.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.deal.PipelineStage;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deals, accounts and contacts over the API with the integration client's real token: pages in id
 * order that together hold every matching record once, filters, a read with its version as ETag and
 * 304 when unchanged, problem details for a bad cursor, limit or filter and an unknown id.
 */
@QuarkusTest
class ApiRecordsTest {

  @Test
  void pagesHoldEveryRecordOnceAndAReadCarriesItsVersion() {
    Member rep = Fixtures.member(Fixtures.unique("apirep"), List.of("sales"), null);
    List<Long> deals = new ArrayList<>();
    long[] accountAndContact = new long[2];
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Account a = new Account();
              a.name = Fixtures.unique("Api account");
              a.owner = Member.findById(rep.id);
              a.persist();
              Contact c = new Contact();
              c.account = a;
              c.firstName = "Ana";
              c.lastName = Fixtures.unique("Api");
              c.owner = a.owner;
              c.persist();
              accountAndContact[0] = a.id;
              accountAndContact[1] = c.id;
              for (int i = 0; i < 5; i++) {
                Deal d = new Deal();
                d.account = a;
                d.contact = c;
                d.name = Fixtures.unique("Api deal " + i);
                d.owner = a.owner;
                d.stage = PipelineStage.find("kind", PipelineStage.Kind.OPEN).firstResult();
                d.amount = new BigDecimal(100 * (i + 1));
                d.persist();
                deals.add(d.id);
              }
            });
    String token = ApiLeadsTest.token();

    // two rows a page: three pages, each deal once, in id order
    List<Long> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      var request = given().auth().oauth2(token).queryParam("accountId", accountAndContact[0]);
      if (after != null) {
        request = request.queryParam("after", after);
      }
      JsonPath page =
          request
              .queryParam("limit", 2)
              .get("/api/deals")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(page.getList("items.id", Long.class));
      after = page.getString("next");
      pages++;
    } while (after != null && pages < 10);
    assertThat(seen).containsExactlyElementsOf(deals);
    assertThat(pages).isEqualTo(3);

    // newest first: the same deals the other way round, across pages
    List<Long> newest = new ArrayList<>();
    JsonPath first =
        given()
            .auth()
            .oauth2(token)
            .queryParam("accountId", accountAndContact[0])
            .queryParam("sort", "-id")
            .queryParam("limit", 3)
            .get("/api/deals")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    newest.addAll(first.getList("items.id", Long.class));
    newest.addAll(
        given()
            .auth()
            .oauth2(token)
            .queryParam("accountId", accountAndContact[0])
            .queryParam("sort", "-id")
            .queryParam("after", first.getString("next"))
            .get("/api/deals")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", Long.class));
    List<Long> reversed = new ArrayList<>(deals);
    java.util.Collections.reverse(reversed);
    assertThat(newest).containsExactlyElementsOf(reversed);
    given()
        .auth()
        .oauth2(token)
        .queryParam("sort", "amount")
        .get("/api/deals")
        .then()
        .statusCode(400);

    JsonPath open =
        given()
            .auth()
            .oauth2(token)
            .queryParam("ownerId", rep.id)
            .queryParam("status", "won")
            .get("/api/deals")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(open.getList("items")).isEmpty();

    // a read: the version as ETag; unchanged since it: 304
    long id = deals.get(0);
    var read = given().auth().oauth2(token).get("/api/deals/" + id).then().statusCode(200);
    String etag = read.extract().header("ETag");
    assertThat(etag).isEqualTo("\"0\"");
    assertThat(read.extract().jsonPath().getString("status")).isEqualTo("open");
    assertThat(read.extract().jsonPath().getLong("accountId")).isEqualTo(accountAndContact[0]);
    given()
        .auth()
        .oauth2(token)
        .header("If-None-Match", etag)
        .get("/api/deals/" + id)
        .then()
        .statusCode(304);
    QuarkusTransaction.requiringNew()
        .run(() -> Deal.<Deal>findById(id).nextStep = "Call back on Monday");
    given()
        .auth()
        .oauth2(token)
        .header("If-None-Match", etag)
        .get("/api/deals/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");

    JsonPath contacts =
        given()
            .auth()
            .oauth2(token)
            .queryParam("accountId", accountAndContact[0])
            .get("/api/contacts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(contacts.getList("items.id", Long.class)).containsExactly(accountAndContact[1]);
    assertThat(contacts.getString("next")).isNull();
    given()
        .auth()
        .oauth2(token)
        .get("/api/accounts/" + accountAndContact[0])
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"");
    JsonPath accounts =
        given()
            .auth()
            .oauth2(token)
            .queryParam("ownerId", rep.id)
            .get("/api/accounts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(accounts.getList("items.name", String.class)).hasSize(1);
  }

  @Test
  void aPatchChecksTheVersionAndTheStageRulesAndSavesAllOrNothing() {
    Member rep = Fixtures.member(Fixtures.unique("apipatch"), List.of("sales"), null);
    long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Account a = new Account();
                  a.name = Fixtures.unique("Patch account");
                  a.owner = Member.findById(rep.id);
                  a.persist();
                  Deal d = new Deal();
                  d.account = a;
                  d.name = Fixtures.unique("Patch deal");
                  d.owner = a.owner;
                  d.stage = PipelineStage.find("kind", PipelineStage.Kind.OPEN).firstResult();
                  d.persist();
                  return d.id;
                });
    long won =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    PipelineStage.<PipelineStage>find("kind", PipelineStage.Kind.WON)
                        .firstResult()
                        .id);
    String token = ApiLeadsTest.token();
    // won without an amount: 422 naming it, and nothing of the patch saved (not the next step)
    given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .header("If-Match", "\"0\"")
        .body("{\"nextStep\":\"Sign\",\"stageId\":" + won + "}")
        .patch("/api/deals/" + id)
        .then()
        .statusCode(422)
        .body("errors.amount", org.hamcrest.Matchers.notNullValue());
    assertThat(Fixtures.reload(Deal.class, id).nextStep).isNull();
    // unknown fields and wrong types are named
    given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body("{\"amount\":\"lots\",\"colour\":\"red\",\"probability\":150}")
        .patch("/api/deals/" + id)
        .then()
        .statusCode(422)
        .body("errors.amount", org.hamcrest.Matchers.notNullValue())
        .body("errors.colour", org.hamcrest.Matchers.equalTo("unknown field"))
        .body("errors.probability", org.hamcrest.Matchers.notNullValue());
    given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body("{not json")
        .patch("/api/deals/" + id)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    // amount, close date and the won stage at once: won, with a new ETag
    given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .header("If-Match", "\"0\"")
        .body("{\"amount\":48000.5,\"expectedClose\":\"2026-12-20\",\"stageId\":" + won + "}")
        .patch("/api/deals/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", org.hamcrest.Matchers.equalTo("won"))
        .body("amount", org.hamcrest.Matchers.equalTo(48000.5f));
    // the read before it is stale now: 412, nothing saved
    given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .header("If-Match", "\"0\"")
        .body("{\"nextStep\":\"Too late\"}")
        .patch("/api/deals/" + id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    Deal saved = Fixtures.reload(Deal.class, id);
    assertThat(saved.status).isEqualTo(Deal.Status.WON);
    assertThat(saved.nextStep).isNull();
    assertThat(saved.version).isEqualTo(1);
  }

  @Test
  void aClientWithoutAScopeIsRefusedAndToldWhichOne() {
    String reader = ApiLeadsTest.readerToken();
    given()
        .auth()
        .oauth2(reader)
        .contentType("application/json")
        .body("{\"nextStep\":\"No\"}")
        .patch("/api/deals/987654321")
        .then()
        .statusCode(403)
        .body("errors.scope", org.hamcrest.Matchers.equalTo("deals:write"));
    // read scopes only: reads answer, a write is refused with the scope named, nothing made
    for (String path : List.of("/api/deals", "/api/accounts", "/api/contacts", "/api/leads")) {
      given().auth().oauth2(reader).get(path).then().statusCode(200);
    }
    String email = Fixtures.unique("scoped") + "@example.com";
    given()
        .auth()
        .oauth2(reader)
        .contentType("application/json")
        .body("{\"lastName\":\"Scoped\",\"email\":\"" + email + "\"}")
        .post("/api/leads")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("errors.scope", org.hamcrest.Matchers.equalTo("leads:write"));
    long made =
        QuarkusTransaction.requiringNew()
            .call(() -> io.loopcrm.lead.Lead.count("emailNormalized", email));
    assertThat(made).isZero();
    // the integration client holds every scope
    given()
        .auth()
        .oauth2(ApiLeadsTest.token())
        .contentType("application/json")
        .body("{\"lastName\":\"Scoped\",\"email\":\"" + email + "\"}")
        .post("/api/leads")
        .then()
        .statusCode(201);
  }

  @Test
  void badCursorsLimitsFiltersAndUnknownIdsAreProblems() {
    String token = ApiLeadsTest.token();
    for (String[] bad :
        new String[][] {
          {"/api/deals?after=abc", "after"},
          {"/api/deals?after=-5", "after"},
          {"/api/accounts?limit=0", "limit"},
          {"/api/contacts?limit=201", "limit"},
          {"/api/deals?status=pending", "status"}
        }) {
      given()
          .auth()
          .oauth2(token)
          .get(bad[0])
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors." + bad[1], org.hamcrest.Matchers.notNullValue());
    }
    for (String path :
        List.of("/api/deals/987654321", "/api/accounts/987654321", "/api/contacts/987654321")) {
      given()
          .auth()
          .oauth2(token)
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
  }
}
