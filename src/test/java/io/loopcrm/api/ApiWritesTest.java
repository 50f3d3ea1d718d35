package io.loopcrm.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.loopcrm.customer.Account;
import io.loopcrm.customer.Contact;
import io.loopcrm.deal.Deal;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An integration mirroring records into Loop with the client's real token: accounts, contacts and
 * deals created (idempotent retries, the forms' rules, the known-domain and known-e-mail checks, an
 * owner in sales), accounts, contacts and leads changed with their ETag (412 on a stale one,
 * nothing saved), each refusal a problem naming the field in the client's language; the read-only
 * client and a person get 403.
 */
@QuarkusTest
class ApiWritesTest {

  static long count(Class<?> type) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (Long)
                    io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                        .createQuery("select count(r) from " + type.getSimpleName() + " r")
                        .getSingleResult());
  }

  private static io.restassured.response.ValidatableResponse post(
      String token, String path, String key, String body) {
    var r = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    if (key != null) {
      r = r.header("Idempotency-Key", key);
    }
    return r.post(path).then();
  }

  @Test
  void anIntegrationCreatesAccountsContactsAndDealsOnceEach() {
    Member rep = Fixtures.member(Fixtures.unique("apiw"), List.of("sales"), null);
    String token = ApiLeadsTest.token();
    String domain = Fixtures.unique("mirror").toLowerCase() + ".example";
    String key = UUID.randomUUID().toString();
    String account =
        "{\"name\":\"Mirror Ltd\",\"domain\":\"https://www."
            + domain
            + "/\",\"ownerId\":"
            + rep.id
            + "}";
    var created = post(token, "/api/accounts", key, account).statusCode(201);
    long accountId = created.extract().jsonPath().getLong("id");
    assertThat(created.extract().header("Location")).endsWith("/api/accounts/" + accountId);
    assertThat(created.extract().jsonPath().getString("domain")).isEqualTo(domain);
    assertThat(created.extract().jsonPath().getLong("ownerId")).isEqualTo(rep.id);
    // a retry: the first answer, nothing made
    long accounts = count(Account.class);
    post(token, "/api/accounts", key, account)
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo((int) accountId));
    assertThat(count(Account.class)).isEqualTo(accounts);
    // the same key with another body: the client's mistake
    post(token, "/api/accounts", key, "{\"name\":\"Other\"}").statusCode(422);
    // a known domain under a new key: refused, naming the account
    post(token, "/api/accounts", null, "{\"name\":\"Copy\",\"domain\":\"" + domain + "\"}")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.domain", containsString("account " + accountId));
    // the form's rules, each field named; an unknown field, a wrong type
    post(
            token,
            "/api/accounts",
            null,
            "{\"name\":\"\",\"domain\":\"not a domain\",\"colour\":\"red\",\"region\":{\"a\":1},"
                + "\"ownerId\":\"x\"}")
        .statusCode(422)
        .body("errors.name", equalTo("Please fill this in."))
        .body("errors.domain", equalTo("Enter a web domain like example.com."))
        .body("errors.colour", equalTo("unknown field"))
        .body("errors.region", equalTo("a string"))
        .body("errors.ownerId", notNullValue());
    given()
        .auth()
        .oauth2(token)
        .header("Accept-Language", "zh-CN")
        .contentType(ContentType.JSON)
        .body("{\"name\":\"\"}")
        .post("/api/accounts")
        .then()
        .statusCode(422)
        .body("errors.name", equalTo("请填写此项。"));
    post(token, "/api/accounts", null, "{not json").statusCode(400);
    assertThat(count(Account.class)).isEqualTo(accounts);

    // a contact: on the account, owned by the account's owner unless named
    String email = Fixtures.unique("ana") + "@" + domain;
    long contactId =
        post(
                token,
                "/api/contacts",
                UUID.randomUUID().toString(),
                "{\"accountId\":"
                    + accountId
                    + ",\"firstName\":\"Ana\",\"lastName\":\"Lima\","
                    + "\"email\":\""
                    + email
                    + "\"}")
            .statusCode(201)
            .body("ownerId", equalTo(rep.id.intValue()))
            .extract()
            .jsonPath()
            .getLong("id");
    post(
            token,
            "/api/contacts",
            null,
            "{\"accountId\":"
                + accountId
                + ",\"lastName\":\"B\","
                + "\"email\":\""
                + email.toUpperCase()
                + "\"}")
        .statusCode(422)
        .body("errors.email", containsString("contact " + contactId));
    post(token, "/api/contacts", null, "{\"lastName\":\"B\",\"email\":\"x\"}")
        .statusCode(422)
        .body("errors.accountId", equalTo("required"))
        .body("errors.email", notNullValue());

    // a deal: the first open stage, the account's owner, the contact of that account
    String dealKey = UUID.randomUUID().toString();
    String deal =
        "{\"name\":\"Mirror renewal\",\"accountId\":"
            + accountId
            + ",\"contactId\":"
            + contactId
            + ",\"amount\":1200.50,\"expectedClose\":\"2027-01-31\"}";
    JsonPath d = post(token, "/api/deals", dealKey, deal).statusCode(201).extract().jsonPath();
    long dealId = d.getLong("id");
    assertThat(d.getLong("ownerId")).isEqualTo(rep.id);
    assertThat(d.getString("status")).isEqualTo("open");
    assertThat(d.getDouble("amount")).isEqualTo(1200.5);
    long deals = count(Deal.class);
    post(token, "/api/deals", dealKey, deal).statusCode(201).body("id", equalTo((int) dealId));
    assertThat(count(Deal.class)).isEqualTo(deals);
    long otherContact =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Account a = new Account();
                  a.name = "Elsewhere";
                  a.persist();
                  Contact c = new Contact();
                  c.account = a;
                  c.lastName = "Elsewhere";
                  c.persist();
                  return c.id;
                });
    post(
            token,
            "/api/deals",
            null,
            "{\"name\":\"X\",\"accountId\":"
                + accountId
                + ",\"contactId\":"
                + otherContact
                + ",\"amount\":-5,\"stageId\":999999}")
        .statusCode(422)
        .body("errors.contactId", notNullValue())
        .body("errors.amount", notNullValue())
        .body("errors.stageId", notNullValue());
    assertThat(count(Deal.class)).isEqualTo(deals);

    // the read-only client and a person may not write
    String reader = ApiLeadsTest.readerToken();
    post(reader, "/api/accounts", null, account)
        .statusCode(403)
        .body("errors.scope", equalTo("accounts:write"));
    post(reader, "/api/contacts", null, "{}").statusCode(403);
    post(reader, "/api/deals", null, "{}").statusCode(403);
    String person = io.loopcrm.testing.KeycloakLogin.accessToken("olga");
    post(person, "/api/accounts", null, account)
        .statusCode(403)
        .body("title", equalTo("Clients only"));
  }

  @Test
  void changesCarryTheirVersionAndTheFormsRules() {
    Member rep = Fixtures.member(Fixtures.unique("apiw"), List.of("sales"), null);
    String token = ApiLeadsTest.token();
    Lead lead = Fixtures.lead(rep, Fixtures.unique("Patch"), "Patch Co", null);
    Lead other = Fixtures.lead(rep, Fixtures.unique("Other"), "Other Co", null);
    String otherEmail =
        QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(other.id).email);

    var read = given().auth().oauth2(token).get("/api/leads/" + lead.id).then().statusCode(200);
    String etag = read.extract().header("ETag");
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body("{\"title\":\"CFO\",\"industry\":\"Retail\"}")
        .patch("/api/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body("title", equalTo("CFO"))
        .body("industry", equalTo("Retail"))
        .header("ETag", org.hamcrest.Matchers.not(etag));
    // the old ETag is stale now: 412, nothing saved
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body("{\"title\":\"CEO\"}")
        .patch("/api/leads/" + lead.id)
        .then()
        .statusCode(412);
    // another lead's e-mail, a field the page does not change here
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            "{\"email\":\""
                + otherEmail
                + "\",\"status\":\"won\",\"industry\":\""
                + "x".repeat(61)
                + "\"}")
        .patch("/api/leads/" + lead.id)
        .then()
        .statusCode(422)
        .body("errors.status", equalTo("unknown field"))
        .body("errors.industry", equalTo("Please keep this under 60 characters."));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + otherEmail + "\"}")
        .patch("/api/leads/" + lead.id)
        .then()
        .statusCode(422)
        .body("errors.email", containsString("lead " + other.id));
    Lead saved = Fixtures.reload(Lead.class, lead.id);
    assertThat(saved.title).isEqualTo("CFO");
    assertThat(saved.email).isNotEqualTo(otherEmail);

    // an account and a contact: the same ETag rule
    long[] ids =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Account a = new Account();
                  a.name = "Patch account";
                  a.persist();
                  Contact c = new Contact();
                  c.account = a;
                  c.lastName = "Patch";
                  c.persist();
                  return new long[] {a.id, c.id};
                });
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"7\"")
        .body("{\"region\":\"EMEA\"}")
        .patch("/api/accounts/" + ids[0])
        .then()
        .statusCode(412);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body("{\"region\":\"EMEA\",\"industry\":null}")
        .patch("/api/accounts/" + ids[0])
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("region", equalTo("EMEA"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"lastName\":null,\"ownerId\":1}")
        .patch("/api/contacts/" + ids[1])
        .then()
        .statusCode(422)
        .body("errors.lastName", equalTo("Please fill this in."))
        .body("errors.ownerId", equalTo("unknown field"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"title\":\"Buyer\"}")
        .patch("/api/contacts/" + ids[1])
        .then()
        .statusCode(200)
        .body("title", equalTo("Buyer"));
    given()
        .auth()
        .oauth2(ApiLeadsTest.readerToken())
        .contentType(ContentType.JSON)
        .body("{\"title\":\"Buyer\"}")
        .patch("/api/contacts/" + ids[1])
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"title\":\"Buyer\"}")
        .patch("/api/contacts/999999999")
        .then()
        .statusCode(404);
  }
}
