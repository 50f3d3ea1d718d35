package io.loopcrm.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.activity.Activity;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.StatementCounter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks: the list, done and undo (form and htmx), edit, delete, and tasks following their lead. */
@QuarkusTest
class SalesTasksTest {
  @Inject EntityManagerFactory emf;

  Member sam;
  Member rita;
  Member max;

  @BeforeEach
  void people() {
    sam = Fixtures.member("sam", List.of("sales"), "Team East");
    rita = Fixtures.member("rita", List.of("sales"), "Team West");
    max = Fixtures.member("max", List.of("sales", "sales-manager"), "Team East");
  }

  static Activity task(Member owner, Lead lead, String subject, Duration fromNow) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Activity a = new Activity();
              a.kind = Activity.Kind.TASK;
              a.subject = subject;
              a.dueAt = Instant.now().plus(fromNow);
              a.owner = Member.findById(owner.id);
              a.lead = Lead.findById(lead.id);
              a.persist();
              return a;
            });
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void theListGroupsOpenTasksByWhenTheyAreDueAndHidesOtherPeoplesTasks() {
    Lead lead = Fixtures.lead(sam, "Tasks", Fixtures.unique("Co"), null);
    Lead ritas = Fixtures.lead(rita, "Hers", Fixtures.unique("Co"), null);
    String late = Fixtures.unique("Call back");
    String soon = Fixtures.unique("Send offer");
    String later = Fixtures.unique("Visit");
    String hers = Fixtures.unique("Rita's call");
    task(sam, lead, late, Duration.ofHours(-30));
    task(sam, lead, soon, Duration.ofMinutes(1));
    task(sam, lead, later, Duration.ofDays(3));
    task(rita, ritas, hers, Duration.ofHours(-1));
    String html = given().get("/sales/tasks").then().statusCode(200).extract().asString();
    assertThat(html).contains(late, later).doesNotContain(hers);
    int overdue = html.indexOf("id=\"section-tasks_overdue\"");
    int upcoming = html.indexOf("id=\"section-tasks_upcoming\"");
    assertThat(overdue).isPositive().isLessThan(html.indexOf(late));
    assertThat(upcoming).isPositive().isLessThan(html.indexOf(later));
    assertThat(html.indexOf(late)).isLessThan(upcoming);
    given()
        .queryParam("about", "deal")
        .get("/sales/tasks")
        .then()
        .statusCode(200)
        .body(not(containsString(late)));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aDoneTaskLeavesTodayAndCanBeOpenedAgain() {
    Lead lead = Fixtures.lead(sam, "Today", Fixtures.unique("Co"), null);
    String subject = Fixtures.unique("Overdue call");
    Activity t = task(sam, lead, subject, Duration.ofHours(-2));
    given().get("/sales/today").then().statusCode(200).body(containsString(subject));
    Csrf.form()
        .formParam("back", "/sales/today")
        .post("/sales/tasks/" + t.id + "/done")
        .then()
        .statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/sales/today"));
    assertThat(Fixtures.reload(Activity.class, t.id).doneAt).isNotNull();
    given().get("/sales/today").then().statusCode(200).body(not(containsString(subject)));
    given().get("/sales/tasks?show=done").then().statusCode(200).body(containsString(subject));

    String fragment =
        Csrf.form()
            .header("HX-Request", "true")
            .formParam("back", "/sales/leads/" + lead.id)
            .post("/sales/tasks/" + t.id + "/undo")
            .then()
            .statusCode(200)
            .body(containsString("task-done"))
            .extract()
            .asString();
    assertThat(fragment).doesNotContain("<html").contains("id=\"task-toggle-" + t.id + "\"");
    assertThat(Fixtures.reload(Activity.class, t.id).doneAt).isNull();
    given()
        .get("/sales/leads/" + lead.id)
        .then()
        .statusCode(200)
        .body(containsString("id=\"task-toggle-" + t.id + "\""));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void backNeverLeavesTheSalesScreens() {
    assertThat(SalesTaskResource.safeBack("https://evil.example/")).isEqualTo("/sales/tasks");
    assertThat(SalesTaskResource.safeBack("//evil.example/sales/")).isEqualTo("/sales/tasks");
    assertThat(SalesTaskResource.safeBack("/sales/leads/5")).isEqualTo("/sales/leads/5");
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void anEditIsCheckedAndSavedAndADeleteRemovesTheTask() {
    Lead lead = Fixtures.lead(sam, "Edit", Fixtures.unique("Co"), null);
    Activity t = task(sam, lead, Fixtures.unique("Draft"), Duration.ofDays(1));
    given()
        .get("/sales/tasks/" + t.id)
        .then()
        .statusCode(200)
        .body(containsString("id=\"task-form\""));
    Csrf.form()
        .formParam("subject", "")
        .formParam("due", "tomorrow")
        .post("/sales/tasks/" + t.id)
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-subject\""))
        .body(containsString("id=\"error-due\""));
    Csrf.form()
        .formParam("subject", "Send the contract")
        .formParam("due", "2031-05-04T09:30")
        .formParam("notes", "Legal has the draft")
        .post("/sales/tasks/" + t.id)
        .then()
        .statusCode(303);
    Activity saved = Fixtures.reload(Activity.class, t.id);
    assertThat(saved.subject).isEqualTo("Send the contract");
    assertThat(saved.notes).isEqualTo("Legal has the draft");
    assertThat(saved.dueAt).isAfter(Instant.parse("2031-05-03T00:00:00Z"));
    Csrf.form().post("/sales/tasks/" + t.id + "/delete").then().statusCode(303);
    assertThat(Fixtures.reload(Activity.class, t.id)).isNull();
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void anotherUsersTaskIsNotFoundOnEveryRoute() {
    Lead ritas = Fixtures.lead(rita, "Hers", Fixtures.unique("Co"), null);
    Activity t = task(rita, ritas, Fixtures.unique("Hers"), Duration.ofHours(1));
    String base = "/sales/tasks/" + t.id;
    given().get(base).then().statusCode(404);
    Csrf.form().post(base + "/done").then().statusCode(404);
    Csrf.form().post(base + "/undo").then().statusCode(404);
    Csrf.form()
        .formParam("subject", "Mine now")
        .formParam("due", "2031-01-01T10:00")
        .post(base)
        .then()
        .statusCode(404);
    Csrf.form().post(base + "/delete").then().statusCode(404);
    Activity after = Fixtures.reload(Activity.class, t.id);
    assertThat(after.doneAt).isNull();
    assertThat(after.subject).isNotEqualTo("Mine now");
  }

  @Test
  @TestSecurity(
      user = "max",
      roles = {"sales", "sales-manager"})
  void reassigningALeadMovesItsOpenTasksToTheNewOwner() {
    Lead lead = Fixtures.lead(max, "Handover", Fixtures.unique("Co"), null);
    Activity open = task(max, lead, Fixtures.unique("Open"), Duration.ofDays(1));
    Activity done = task(max, lead, Fixtures.unique("Done"), Duration.ofDays(-1));
    QuarkusTransaction.requiringNew()
        .run(() -> Activity.<Activity>findById(done.id).complete(Instant.now()));
    Csrf.form()
        .formParam("owner", sam.id)
        .post("/sales/leads/" + lead.id + "/owner")
        .then()
        .statusCode(303);
    assertThat(owner(open)).isEqualTo(sam.id);
    assertThat(owner(done)).isEqualTo(max.id);
  }

  private static long owner(Activity a) {
    return QuarkusTransaction.requiringNew().call(() -> Activity.<Activity>findById(a.id).owner.id);
  }

  @Test
  @TestSecurity(user = "pat", roles = "sales")
  void theListPagesByKeysetInAtMostThreeStatements() {
    Member pat = Fixtures.member("pat", List.of("sales"), null);
    Lead lead = Fixtures.lead(pat, "Many", Fixtures.unique("Co"), null);
    for (int i = 0; i < SalesTasksResource.PAGE + 5; i++) {
      task(pat, lead, "Task " + i, Duration.ofHours(i + 1));
    }
    given().get("/sales/tasks").then().statusCode(200);
    long statements =
        StatementCounter.count(emf, () -> given().get("/sales/tasks").then().statusCode(200));
    assertThat(statements).as(StatementCounter.last()).isLessThanOrEqualTo(3);
    String first = given().get("/sales/tasks").then().statusCode(200).extract().asString();
    java.util.regex.Matcher next =
        java.util.regex.Pattern.compile("href=\"([^\"]+)\" id=\"next-page\"").matcher(first);
    assertThat(next.find()).isTrue();
    String second =
        given()
            .get(next.group(1).replace("&amp;", "&"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(second)
        .contains(">Task " + (SalesTasksResource.PAGE + 4) + "<")
        .doesNotContain(">Task 0<");
    assertThat(first).contains(">Task 0<");
  }
}
