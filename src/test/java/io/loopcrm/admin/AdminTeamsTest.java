package io.loopcrm.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.people.Member;
import io.loopcrm.people.Team;
import io.loopcrm.testing.AsAdmin;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Teams: create, rename, manager and members, with the rules and the audit trail. */
@QuarkusTest
class AdminTeamsTest {

  @Test
  @AsAdmin
  void createRenameAndStaffATeam() {
    String name = Fixtures.unique("West");
    String location =
        Csrf.form()
            .formParam("name", name)
            .post("/admin/teams")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    given().get("/admin/teams").then().statusCode(200).body(containsString(name));

    Member boss = Fixtures.member(Fixtures.unique("boss"), List.of("sales", "sales-manager"), null);
    Member rep = Fixtures.member(Fixtures.unique("rep"), List.of("sales"), null);
    String renamed = name + " Coast";
    Csrf.form()
        .formParam("name", renamed)
        .formParam("manager", boss.id)
        .formParam("members", rep.id)
        .post("/admin/teams/" + id)
        .then()
        .statusCode(303);

    Team team = Fixtures.reload(Team.class, id);
    assertThat(team.name).isEqualTo(renamed);
    assertThat(teamOf(boss.id)).isEqualTo(id);
    assertThat(teamOf(rep.id)).isEqualTo(id);
    given()
        .get("/admin/teams")
        .then()
        .body(containsString(renamed))
        .body(containsString(boss.displayName));

    // unticking the rep takes them out of the team
    Csrf.form()
        .formParam("name", renamed)
        .formParam("manager", boss.id)
        .post("/admin/teams/" + id)
        .then()
        .statusCode(303);
    assertThat(teamOf(rep.id)).isNull();
    assertThat(teamOf(boss.id)).isEqualTo(id);

    // the audit trail has the rename and the member's team change
    given().get("/admin/audit?type=team&record=" + id).then().body(containsString(renamed));
    // (a change row of the field, not the word "team" anywhere: the filter's labels have it too)
    given()
        .get("/admin/audit?type=member&record=" + rep.id)
        .then()
        .body(containsString("<span class=\"fw-semibold\">Team</span>: " + id + " → "));
  }

  @Test
  @AsAdmin
  void badTeamInputIsExplainedAndNothingIsSaved() {
    String name = Fixtures.unique("East");
    Csrf.form().formParam("name", name).post("/admin/teams").then().statusCode(303);
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", name.toUpperCase())
        .post("/admin/teams")
        .then()
        .statusCode(422)
        .body(containsString("A team with this name already exists."));
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", "")
        .post("/admin/teams")
        .then()
        .statusCode(422)
        .body(containsString("Please fill this in."));

    Team team = QuarkusTransaction.requiringNew().call(() -> Team.findByName(name).orElseThrow());
    Member rep = Fixtures.member(Fixtures.unique("plain"), List.of("sales"), null);
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("name", name + " renamed")
        .formParam("manager", rep.id)
        .post("/admin/teams/" + team.id)
        .then()
        .statusCode(422)
        .body(containsString("Choose a manager from the list."));
    assertThat(Fixtures.reload(Team.class, team.id).name).isEqualTo(name);
    given().get("/admin/teams/999999999").then().statusCode(404);
  }

  private static Long teamOf(long memberId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Member m = Member.findById(memberId);
              return m.team == null ? null : m.team.id;
            });
  }
}
