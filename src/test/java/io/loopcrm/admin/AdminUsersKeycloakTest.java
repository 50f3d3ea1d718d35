package io.loopcrm.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.people.Member;
import io.loopcrm.people.Team;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.KeycloakLogin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;

/**
 * User administration against the real Keycloak: the admin works the pages through the real login
 * form, and the users they create sign in through it too.
 */
@QuarkusTest
class AdminUsersKeycloakTest {
  static final String ADA_ID = "ad000000-0000-4000-8000-000000000005";

  @Test
  void createdUserSignsInToTheirRoleAndLosesAccessWhenChangedOrDisabled() throws Exception {
    String username = Fixtures.unique("tina").toLowerCase();
    String teamName = Fixtures.unique("Team North");
    Team team =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Team t = new Team();
                  t.name = teamName;
                  t.persist();
                  return t;
                });

    try (WebClient admin = KeycloakLogin.browser();
        WebClient tina = KeycloakLogin.browser()) {
      KeycloakLogin.signIn(admin, "/", "ada");

      // the admin creates a sales user with a temporary password and a team
      HtmlPage form = admin.getPage(KeycloakLogin.app() + "/admin/users/new");
      fill(form, "username", username);
      fill(form, "firstName", "Tina");
      fill(form, "lastName", "Test");
      fill(form, "email", username + "@loop.example");
      fill(form, "password", "Temp-pass-123");
      check(form, "role-sales", true);
      ((HtmlSelect) form.getElementById("team")).setSelectedAttribute(team.id.toString(), true);
      HtmlPage saved = form.getHtmlElementById("save-user").click();
      assertThat(saved.getWebResponse().getStatusCode()).isEqualTo(200);
      assertThat(saved.asNormalizedText()).contains("User created in Keycloak");
      String id = saved.getUrl().getPath().substring("/admin/users/".length());

      // the mirror knows the new user, its roles and team before they ever sign in
      Member member = member(id);
      assertThat(member.username).isEqualTo(username);
      assertThat(member.roleList()).containsExactly("sales");
      assertThat(member.team.id).isEqualTo(team.id);

      // the list shows the user with role and team
      HtmlPage list = admin.getPage(KeycloakLogin.app() + "/admin/users?q=" + username);
      String row = list.getElementById("user-" + username).asNormalizedText();
      assertThat(row).contains("Tina Test").contains("Sales").contains(teamName).contains("Active");

      // the new user signs in with the temporary password, chooses a new one, lands on Today
      Page landed =
          KeycloakLogin.updatePasswordIfAsked(
              KeycloakLogin.signIn(tina, "/", username, "Temp-pass-123"), "Own-pass-456");
      assertThat(landed.getUrl().toString()).isEqualTo(KeycloakLogin.app() + "/sales/today");

      // the admin takes the sales role away and gives operations: Tina's session ends at once,
      // here and in Keycloak; her next page asks her to sign in, and then the sales pages are
      // closed
      HtmlPage edit = admin.getPage(KeycloakLogin.app() + "/admin/users/" + id);
      assertThat(edit.asNormalizedText()).contains("A change takes effect at once");
      check(edit, "role-sales", false);
      check(edit, "role-operations", true);
      HtmlPage afterEdit = edit.getHtmlElementById("save-user").click();
      assertThat(afterEdit.asNormalizedText()).contains("User saved in Keycloak");
      assertThat(member(id).roleList()).containsExactly("operations");

      Page next = tina.getPage(KeycloakLogin.app() + "/sales/today");
      assertThat(KeycloakLogin.isLoginForm(next)).isTrue();
      KeycloakLogin.submit((HtmlPage) next, username, "Own-pass-456");
      assertThat(
              tina.getPage(KeycloakLogin.app() + "/sales/today").getWebResponse().getStatusCode())
          .isEqualTo(403);
      assertThat(tina.getPage(KeycloakLogin.app() + "/").getWebResponse().getStatusCode())
          .isEqualTo(200);

      // the admin disables the user: the open session stops at its next request ...
      HtmlPage edit2 = admin.getPage(KeycloakLogin.app() + "/admin/users/" + id);
      check(edit2, "enabled", false);
      HtmlPage disabled = edit2.getHtmlElementById("save-user").click();
      assertThat(disabled.getWebResponse().getStatusCode()).isEqualTo(200);
      assertThat(member(id).enabled).isFalse();
      assertThat(tina.getPage(KeycloakLogin.app() + "/").getWebResponse().getStatusCode())
          .isEqualTo(403);

      // ... and a new sign-in is refused by Keycloak
      try (WebClient fresh = KeycloakLogin.browser()) {
        Page refused = KeycloakLogin.signIn(fresh, "/", username, "Own-pass-456");
        assertThat(refused.getUrl().toString()).doesNotStartWith(KeycloakLogin.app());
        assertThat(refused.getWebResponse().getContentAsString()).containsIgnoringCase("disabled");
      }

      // the audit trail names the admin for the role change
      HtmlPage audit =
          admin.getPage(KeycloakLogin.app() + "/admin/audit?type=member&record=" + member(id).id);
      assertThat(audit.asNormalizedText())
          .contains("roles")
          .contains("sales")
          .contains("operations");
    }
  }

  @Test
  void existingUsernameIsAClearMessageAndCreatesNothing() throws Exception {
    try (WebClient admin = KeycloakLogin.browser()) {
      KeycloakLogin.signIn(admin, "/", "ada");
      HtmlPage form = admin.getPage(KeycloakLogin.app() + "/admin/users/new");
      fill(form, "username", "sam");
      fill(form, "firstName", "Other");
      fill(form, "lastName", "Sam");
      fill(form, "email", Fixtures.unique("other").toLowerCase() + "@loop.example");
      fill(form, "password", "Temp-pass-123");
      HtmlPage answer = form.getHtmlElementById("save-user").click();
      assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(422);
      assertThat(answer.getElementById("error-username").asNormalizedText())
          .isEqualTo("This username is already taken. Choose another one.");
      // what the admin typed is still there
      assertThat(
              ((HtmlForm) answer.getElementById("user-form"))
                  .getInputByName("firstName")
                  .getValue())
          .isEqualTo("Other");
      // sam is still the demo user
      HtmlPage list = admin.getPage(KeycloakLogin.app() + "/admin/users?q=sam");
      assertThat(list.getElementById("user-sam").asNormalizedText()).contains("Sam Sales");
    }
  }

  @Test
  void anAdminCannotLockThemselvesOut() throws Exception {
    try (WebClient admin = KeycloakLogin.browser()) {
      KeycloakLogin.signIn(admin, "/", "ada");
      HtmlPage edit = admin.getPage(KeycloakLogin.app() + "/admin/users/" + ADA_ID);
      check(edit, "role-admin", false);
      HtmlPage refused = edit.getHtmlElementById("save-user").click();
      assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
      assertThat(refused.getElementById("error-roles").asNormalizedText())
          .contains("cannot remove your own admin role");

      HtmlPage edit2 = admin.getPage(KeycloakLogin.app() + "/admin/users/" + ADA_ID);
      check(edit2, "enabled", false);
      HtmlPage refused2 = edit2.getHtmlElementById("save-user").click();
      assertThat(refused2.getWebResponse().getStatusCode()).isEqualTo(422);
      assertThat(refused2.getElementById("error-enabled").asNormalizedText())
          .contains("cannot disable your own account");

      // nothing changed in Keycloak: ada is still an enabled admin
      HtmlPage after = admin.getPage(KeycloakLogin.app() + "/admin/users/" + ADA_ID);
      assertThat(((HtmlCheckBoxInput) after.getElementById("role-admin")).isChecked()).isTrue();
      assertThat(((HtmlCheckBoxInput) after.getElementById("enabled")).isChecked()).isTrue();
      assertThat(
              admin.getPage(KeycloakLogin.app() + "/admin/users").getWebResponse().getStatusCode())
          .isEqualTo(200);
    }
  }

  private static Member member(String subject) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Member> found =
                  Member.list("from Member m left join fetch m.team where m.subject = ?1", subject);
              assertThat(found).hasSize(1);
              return found.get(0);
            });
  }

  private static void fill(HtmlPage page, String name, String value) {
    HtmlForm form = (HtmlForm) page.getElementById("user-form");
    form.getInputByName(name).setValue(value);
  }

  private static void check(HtmlPage page, String id, boolean on) {
    ((HtmlCheckBoxInput) page.getElementById(id)).setChecked(on);
  }
}
