package io.loopcrm.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templates an admin keeps and a rep starts from: the admin's form refuses what cannot be a
 * template (in the reader's language, nothing saved), the rep's compose form fills the merge fields
 * from the lead and the rep, and an archived template is offered no more.
 */
@QuarkusTest
class MailTemplatesTest {

  @Test
  void mergeFieldsAreFilledAndOtherBracesKept() {
    assertThat(
            MailTemplate.fill(
                "{firstName}, {company} {unknown} {lastName}",
                Map.of("firstName", "Ana", "company", "Acme")))
        .isEqualTo("Ana, Acme {unknown} ");
    assertThat(MailTemplate.fill("{firstName}", Map.of("firstName", "$1 \\ x")))
        .isEqualTo("$1 \\ x");
  }

  @Test
  @TestSecurity(user = "ada", roles = "admin")
  void anAdminKeepsTemplatesAndAWrongOneIsExplainedInChinese() {
    long before = QuarkusTransaction.requiringNew().call(() -> MailTemplate.count());
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("name", "")
        .formParam("language", "fr")
        .formParam("subject", "Hi\r\nBcc: x@y.example")
        .formParam("body", "")
        .post("/admin/mail-templates")
        .then()
        .statusCode(422)
        .body(containsString("id=\"error-name\""))
        .body(containsString("id=\"error-language\""))
        .body(containsString("请写在一行内"))
        .body(containsString("id=\"error-body\""));
    assertThat(QuarkusTransaction.requiringNew().call(() -> MailTemplate.count()))
        .isEqualTo(before);
    String name = Fixtures.unique("Welcome");
    Csrf.form()
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParam("name", name)
        .formParam("language", "zh-CN")
        .formParam("subject", "{company} 的试用")
        .formParam("body", "{lastName}{firstName}，您好！\n\n{repName}（{repEmail}）")
        .post("/admin/mail-templates")
        .then()
        .statusCode(303);
    given()
        .get("/admin/mail-templates")
        .then()
        .statusCode(200)
        .body(containsString(name))
        .body(containsString("{firstName}"));
  }

  @Test
  @TestSecurity(user = "sam", roles = "sales")
  void aRepStartsFromATemplateFilledFromTheLeadAndArchivedOnesAreGone() {
    Member sam = Fixtures.member("sam", List.of("sales"), "Team East");
    Lead lead = Fixtures.lead(sam, "Zhang", "Yunfan Tech", null);
    MailTemplate t =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  MailTemplate m = new MailTemplate();
                  m.name = Fixtures.unique("Trial");
                  m.language = "zh-CN";
                  m.subject = "{company} 的试用";
                  m.body = "{firstName}，您好！\n\n{repName}";
                  m.persist();
                  return m;
                });
    given()
        .header("Accept-Language", "zh-CN")
        .get("/sales/leads/" + lead.id + "/email?template=" + t.id)
        .then()
        .statusCode(200)
        .body(containsString("value=\"Yunfan Tech 的试用\""))
        .body(containsString("Alex，您好！"))
        .body(containsString("Sam</textarea>"))
        .body(containsString("<option value=\"" + t.id + "\" selected"));
    QuarkusTransaction.requiringNew()
        .run(() -> MailTemplate.<MailTemplate>findById(t.id).archived = true);
    given()
        .get("/sales/leads/" + lead.id + "/email?template=" + t.id)
        .then()
        .statusCode(200)
        .body(not(containsString("Yunfan Tech 的试用")))
        .body(not(containsString("<option value=\"" + t.id + "\"")));
    // a template id that is no number or no template: the plain form
    given().get("/sales/leads/" + lead.id + "/email?template=x").then().statusCode(200);
    given().get("/sales/leads/" + lead.id + "/email?template=99999999").then().statusCode(200);
  }
}
