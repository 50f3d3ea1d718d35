package io.loopcrm.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.loopcrm.activity.Activity;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Activities and tasks over the API with the client's real token: a call logged on a lead counts as
 * its first response, a task needs a due time and lands with the record's owner, a retry with the
 * same key logs nothing twice, the list filters by record and open tasks, a task is marked done and
 * open again; members and teams carry the ids the other operations name.
 */
@QuarkusTest
class ApiActivitiesTest {

  private static io.restassured.response.ValidatableResponse post(
      String token, String key, String body) {
    var r = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    if (key != null) {
      r = r.header("Idempotency-Key", key);
    }
    return r.post("/api/activities").then();
  }

  @Test
  void anIntegrationLogsCallsAndSchedulesTasks() {
    Member rep = Fixtures.member(Fixtures.unique("apiact"), List.of("sales"), null);
    Lead lead = Fixtures.lead(rep, Fixtures.unique("Act"), "Act Co", null);
    String token = ApiLeadsTest.token();
    String key = UUID.randomUUID().toString();
    String call =
        "{\"kind\":\"call\",\"subject\":\"Called from the phone system\",\"leadId\":"
            + lead.id
            + "}";
    long callId =
        post(token, key, call)
            .statusCode(201)
            .body("ownerId", equalTo(rep.id.intValue()))
            .body("doneAt", notNullValue())
            .extract()
            .jsonPath()
            .getLong("id");
    post(token, key, call).statusCode(201).header("Idempotent-Replayed", "true");
    long calls = QuarkusTransaction.requiringNew().call(() -> Activity.count("lead.id", lead.id));
    assertThat(calls).isEqualTo(1);
    // the call is the lead's first response
    assertThat(Fixtures.reload(Lead.class, lead.id).firstResponseAt).isNotNull();

    // a task needs its due time; with it, it is open and the rep's
    post(
            token,
            null,
            "{\"kind\":\"task\",\"subject\":\"Send the quote\",\"leadId\":" + lead.id + "}")
        .statusCode(422)
        .body("errors.dueAt", notNullValue());
    post(
            token,
            null,
            "{\"kind\":\"chat\",\"subject\":\"\",\"leadId\":"
                + lead.id
                + ",\"dealId\":1,"
                + "\"dueAt\":\"tomorrow\"}")
        .statusCode(422)
        .body("errors.kind", notNullValue())
        .body("errors.subject", equalTo("Please fill this in."))
        .body("errors.dueAt", notNullValue())
        .body("errors.leadId", notNullValue());
    long taskId =
        post(
                token,
                null,
                "{\"kind\":\"task\",\"subject\":\"Send the quote\",\"leadId\":"
                    + lead.id
                    + ",\"dueAt\":\"2027-01-04T09:30:00+01:00\"}")
            .statusCode(201)
            .body("dueAt", equalTo("2027-01-04T08:30:00Z"))
            .body("doneAt", nullValue())
            .extract()
            .jsonPath()
            .getLong("id");
    given()
        .auth()
        .oauth2(token)
        .queryParam("leadId", lead.id)
        .queryParam("openTasks", true)
        .get("/api/activities")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of((int) taskId)));
    given()
        .auth()
        .oauth2(token)
        .queryParam("leadId", lead.id)
        .get("/api/activities")
        .then()
        .body("items.id", equalTo(List.of((int) callId, (int) taskId)));
    given()
        .auth()
        .oauth2(token)
        .queryParam("kind", "fax")
        .get("/api/activities")
        .then()
        .statusCode(400);

    // done, then open again; a call is not a task
    patch(token, taskId, "{\"done\":true}").statusCode(200).body("doneAt", notNullValue());
    patch(token, taskId, "{\"done\":false}").statusCode(200).body("doneAt", nullValue());
    patch(token, callId, "{\"done\":true}").statusCode(422);
    patch(token, taskId, "{\"done\":\"yes\",\"subject\":\"x\"}")
        .statusCode(422)
        .body("errors.subject", equalTo("unknown field"));

    // the read-only client reads but does not write; an unknown id is 404
    String reader = ApiLeadsTest.readerToken();
    given().auth().oauth2(reader).get("/api/activities/" + taskId).then().statusCode(200);
    post(reader, null, call).statusCode(403).body("errors.scope", equalTo("activities:write"));
    given().auth().oauth2(token).get("/api/activities/999999999").then().statusCode(404);
  }

  private static io.restassured.response.ValidatableResponse patch(
      String token, long id, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .patch("/api/activities/" + id)
        .then();
  }

  @Test
  void membersAndTeamsCarryTheirIds() {
    Member rep =
        Fixtures.member(Fixtures.unique("apimem"), List.of("sales"), Fixtures.unique("Team"));
    String token = ApiLeadsTest.readerToken();
    given()
        .auth()
        .oauth2(token)
        .get("/api/members")
        .then()
        .statusCode(200)
        .body("id", hasItem(rep.id.intValue()))
        .body("find { it.id == " + rep.id + " }.teamId", notNullValue());
    given()
        .auth()
        .oauth2(token)
        .get("/api/teams")
        .then()
        .statusCode(200)
        .body(
            "name",
            hasItem(
                QuarkusTransaction.requiringNew()
                    .call(() -> Member.<Member>findById(rep.id).team.name)));
  }
}
