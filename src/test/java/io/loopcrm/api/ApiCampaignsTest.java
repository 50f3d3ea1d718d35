package io.loopcrm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Operations' client runs a campaign over the API with the rules of its pages: created as a draft
 * with variant A, a variant added (a second one with the same name refused), activated, its goals
 * changed with the ETag (412 on a stale one), completed and then read-only (409); the form's
 * messages name each bad field; the read-only client reads but does not write.
 */
@QuarkusTest
class ApiCampaignsTest {

  private static io.restassured.response.ValidatableResponse send(
      String token, String method, String path, String body, String ifMatch) {
    var r = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    if (ifMatch != null) {
      r = r.header("If-Match", ifMatch);
    }
    return r.request(method, path).then();
  }

  @Test
  void aCampaignRunsItsLifecycleOverTheApi() {
    String token = ApiLeadsTest.token();
    String key = UUID.randomUUID().toString();
    String body =
        "{\"name\":\"Api webinar "
            + key.substring(0, 8)
            + "\",\"objective\":\"acquisition\","
            + "\"channel\":\"email\",\"budget\":1500,\"goalLeads\":40,\"startsOn\":\"2027-01-04\"}";
    var created =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", key)
            .body(body)
            .post("/api/campaigns")
            .then()
            .statusCode(201)
            .body("status", equalTo("draft"))
            .body("variants.name", equalTo(java.util.List.of("A")))
            .body("variants[0].code", notNullValue());
    long id = created.extract().jsonPath().getLong("id");
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/campaigns")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo((int) id));

    send(
            token,
            "POST",
            "/api/campaigns",
            "{\"name\":\"\",\"objective\":\"fame\",\"budget\":\"a lot\"}",
            null)
        .statusCode(422)
        .body("errors.name", equalTo("Please fill this in."))
        .body("errors.objective", notNullValue())
        .body("errors.budget", notNullValue());

    send(
            token,
            "POST",
            "/api/campaigns/" + id + "/variants",
            "{\"name\":\"B\",\"headline\":\"Try it\",\"weight\":30}",
            null)
        .statusCode(201)
        .header("Location", containsString("/api/campaigns/" + id))
        .body("variants.name", equalTo(java.util.List.of("A", "B")));
    send(token, "POST", "/api/campaigns/" + id + "/variants", "{\"name\":\"b\"}", null)
        .statusCode(422)
        .body("errors.name", equalTo("This campaign already has a variant with this name."));

    // a move the page refuses; then active
    send(token, "PATCH", "/api/campaigns/" + id, "{\"status\":\"paused\"}", null)
        .statusCode(422)
        .body("errors.status", notNullValue());
    JsonPath active =
        send(token, "PATCH", "/api/campaigns/" + id, "{\"status\":\"active\"}", null)
            .statusCode(200)
            .body("status", equalTo("active"))
            .extract()
            .jsonPath();
    String etag = "\"" + active.getLong("version") + "\"";
    send(token, "PATCH", "/api/campaigns/" + id, "{\"goalLeads\":60}", etag)
        .statusCode(200)
        .body("budget", equalTo(1500.0f));
    send(token, "PATCH", "/api/campaigns/" + id, "{\"goalLeads\":70}", etag).statusCode(412);
    long b =
        given()
            .auth()
            .oauth2(token)
            .get("/api/campaigns/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("variants.find { it.name == 'B' }.id");
    send(
            token,
            "PATCH",
            "/api/campaigns/" + id + "/variants/" + b,
            "{\"headline\":\"Try it now\"}",
            null)
        .statusCode(200)
        .body("variants.headline", hasItem("Try it now"));

    send(token, "PATCH", "/api/campaigns/" + id, "{\"status\":\"completed\"}", null)
        .statusCode(200);
    send(token, "PATCH", "/api/campaigns/" + id, "{\"goalLeads\":80}", null).statusCode(409);
    send(token, "POST", "/api/campaigns/" + id + "/variants", "{\"name\":\"C\"}", null)
        .statusCode(409);
    given()
        .auth()
        .oauth2(token)
        .get("/api/campaigns/" + id)
        .then()
        .body("variants", hasSize(2))
        .body("status", equalTo("completed"));

    String reader = ApiLeadsTest.readerToken();
    send(reader, "POST", "/api/campaigns", body, null)
        .statusCode(403)
        .body("errors.scope", equalTo("campaigns:write"));
    send(reader, "PATCH", "/api/campaigns/" + id + "/variants/" + b + 1, "{}", null)
        .statusCode(403);
    given().auth().oauth2(reader).get("/api/campaigns/" + id).then().statusCode(200);
    given().auth().oauth2(token).get("/api/campaigns/999999999").then().statusCode(404);
  }
}
