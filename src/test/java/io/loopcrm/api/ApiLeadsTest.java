package io.loopcrm.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.stack.TestStack;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.KeycloakLogin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The lead API with real bearer tokens: the integration client's service account (operations). */
@QuarkusTest
public class ApiLeadsTest {

  public static String token() {
    return token("loop-integration");
  }

  /** The read-only example client's token (read scopes only). */
  public static String readerToken() {
    return token("loop-reader");
  }

  private static String token(String client) {
    return given()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", client)
        .formParam("client_secret", client + "-demo-secret")
        .post(TestStack.get().realmUrl() + "/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  @Test
  void idempotencyKeysBelongToTheClientThatSentThem() {
    String key = UUID.randomUUID().toString();
    String integration = token();
    String person = io.loopcrm.testing.KeycloakLogin.accessToken("olga");
    String firstEmail = Fixtures.unique("first") + "@example.com";
    long first = create(integration, key, firstEmail);
    long other = create(person, key, Fixtures.unique("other") + "@example.com");
    // another client's same key is a new lead, not the first client's answer
    assertThat(other).isNotEqualTo(first);
    // the first client's retry still gets its own lead back
    assertThat(create(integration, key, firstEmail)).isEqualTo(first);
    // the same key with another lead is the client's mistake: 422, nothing replayed or made
    String otherEmail = Fixtures.unique("reused") + "@example.com";
    given()
        .auth()
        .oauth2(integration)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body("{\"lastName\":\"Keyed\",\"email\":\"" + otherEmail + "\"}")
        .post("/api/leads")
        .then()
        .statusCode(422)
        .body(containsString("Idempotency-Key reused"));
    assertThat(
            QuarkusTransaction.requiringNew().call(() -> Lead.count("emailNormalized", otherEmail)))
        .isZero();
  }

  private static long create(String token, String key, String email) {
    return given()
        .auth()
        .oauth2(token)
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body("{\"lastName\":\"Keyed\",\"email\":\"" + email + "\"}")
        .post("/api/leads")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
        .extract()
        .jsonPath()
        .getLong("id");
  }

  @Test
  void createReadAndListWithRetriesMadeSafeByTheIdempotencyKey() throws Exception {
    String token = token();
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Api"));
    String email = Fixtures.unique("api") + "@example.com";
    String body =
        "{\"firstName\":\"Ivy\",\"lastName\":\"Api\",\"email\":\""
            + email
            + "\",\"company\":\"Ivy Inc\",\"variantCode\":\""
            + v.trackingCode
            + "\"}";
    String key = UUID.randomUUID().toString();

    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<Response>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(
          pool.submit(
              () ->
                  given()
                      .auth()
                      .oauth2(token)
                      .header("Idempotency-Key", key)
                      .contentType(ContentType.JSON)
                      .body(body)
                      .post("/api/leads")));
    }
    List<Long> ids = new ArrayList<>();
    for (Future<Response> a : answers) {
      Response r = a.get();
      assertThat(r.statusCode()).isEqualTo(201);
      ids.add(r.jsonPath().getLong("id"));
    }
    pool.shutdown();
    assertThat(ids).containsOnly(ids.get(0));
    assertThat(QuarkusTransaction.requiringNew().call(() -> Lead.count("emailNormalized", email)))
        .isEqualTo(1);

    long id = ids.get(0);
    given()
        .auth()
        .oauth2(token)
        .get("/api/leads/" + id)
        .then()
        .statusCode(200)
        .body("email", equalTo(email))
        .body("campaign", equalTo(v.campaign.name))
        .body("source", equalTo("api"))
        // the routing note in the English words the API has always returned
        .body(
            "routing",
            matchesPattern(
                "rule \".+\" → .+ \\(\\d+ open\\)"
                    + "|no rule matched or every matching rep is at capacity"));
    Lead lead = Fixtures.reload(Lead.class, id);
    assertThat(lead.variant.id).isEqualTo(v.id);
    assertThat(lead.firstTouch.variantId).isEqualTo(v.id);

    // without a key, the same person again is the same lead (dedupe), answered 200
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            "{\"lastName\":\"Api\",\"email\":\""
                + email.toUpperCase()
                + "\",\"phone\":\"+1 555 0100\"}")
        .post("/api/leads")
        .then()
        .statusCode(200)
        .body("id", equalTo((int) id));

    given()
        .auth()
        .oauth2(token)
        .get("/api/leads?q=" + email + "&size=10")
        .then()
        .statusCode(200)
        .body("items.id", hasItem((int) id))
        .body("count", equalTo(1));
    given()
        .auth()
        .oauth2(token)
        .get("/api/campaigns")
        .then()
        .statusCode(200)
        .body("find { it.id == " + v.campaign.id + " }.variants[0].code", equalTo(v.trackingCode));
  }

  @Test
  void badInputIsAProblemDocument() {
    given()
        .auth()
        .oauth2(token())
        .contentType(ContentType.JSON)
        .body("{\"lastName\":\"\",\"email\":\"nope\",\"variantCode\":\"nosuchcode\"}")
        .post("/api/leads")
        .then()
        .statusCode(422)
        .contentType(containsString("application/problem+json"))
        .body("status", equalTo(422))
        .body("errors.lastName", equalTo("required"))
        .body("errors.email", equalTo("not an e-mail address"))
        .body("errors.variantCode", notNullValue());
    given()
        .auth()
        .oauth2(token())
        .get("/api/leads/999999999")
        .then()
        .statusCode(404)
        .contentType(containsString("application/problem+json"));
  }

  @Test
  void aSalesTokenOrNoTokenIsRefused() {
    given().get("/api/leads").then().statusCode(401);
    given()
        .auth()
        .oauth2(KeycloakLogin.accessToken("sam"))
        .get("/api/leads")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(KeycloakLogin.accessToken("sam"))
        .contentType(ContentType.JSON)
        .body("{\"lastName\":\"X\",\"email\":\"x@example.com\"}")
        .post("/api/leads")
        .then()
        .statusCode(403);
  }

  @Test
  @io.loopcrm.testing.AsAdmin
  void theApiIsDescribedInOpenApi() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body(containsString("/api/leads"))
        .body(containsString("Idempotency-Key"))
        .body(containsString("kei@example.jp"))
        // the schemas integrations read keep their names
        .body("components.schemas.keySet()", hasItems("Lead", "LeadInput", "LeadPage"))
        .body("components.schemas.Lead.properties.keySet()", hasItems("routing", "owner"))
        .body("components.schemas.LeadPage.properties.keySet()", hasItems("items", "next"));
  }
}
