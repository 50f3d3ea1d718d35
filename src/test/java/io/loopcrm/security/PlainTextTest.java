package io.loopcrm.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.people.Member;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A NUL (or another control character no one types) in a field is dropped instead of failing the
 * write: PostgreSQL cannot store a NUL, and one used to turn a lead form into a 500 and lose a
 * whole batch of tracked clicks.
 */
@QuarkusTest
class PlainTextTest {
  @Inject EntityManager em;

  @Test
  @TestSecurity(user = "plain-rep", roles = "sales")
  void aLeadTypedWithANulIsSavedWithoutIt() {
    Fixtures.member("plain-rep", List.of("sales"), null);
    String email = Fixtures.unique("nul").toLowerCase() + "@example.com";
    String location =
        Csrf.form()
            .formParam("firstName", "Nul\u0000")
            .formParam("lastName", "By\u0007te")
            .formParam("company", "Acme\u0000Corp")
            .formParam("email", email)
            .formParam("source", "phone")
            .post("/sales/leads/new")
            .then()
            .statusCode(303)
            .extract()
            .header("Location");
    long id = Long.parseLong(location.replaceAll(".*/sales/leads/(\\d+).*", "$1"));
    Lead lead = Fixtures.reload(Lead.class, id);
    assertThat(lead.company).isEqualTo("AcmeCorp");
    assertThat(lead.firstName).isEqualTo("Nul");
    assertThat(lead.lastName).isEqualTo("Byte");
    assertThat(lead.owner.id)
        .isEqualTo(Member.<Member>find("username", "plain-rep").firstResult().id);
  }

  @Test
  void aClickWithANulInItsCampaignTagsIsKeptAndRedirected() throws Exception {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Plain"));
    given()
        .redirects()
        .follow(false)
        .queryParam("utm_source", "news\u0000letter")
        .header("Referer", "https://news.example/\u0001x")
        .get("/t/" + v.trackingCode)
        .then()
        .statusCode(302);
    String source = null;
    for (int i = 0; i < 50 && source == null; i++) {
      List<?> found =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      em.createNativeQuery("select utm_source from click where variant_id = ?1")
                          .setParameter(1, v.id)
                          .getResultList());
      source = found.isEmpty() ? null : (String) found.get(0);
      if (source == null) {
        Thread.sleep(50);
      }
    }
    assertThat(source).isEqualTo("newsletter");
  }

  @Test
  void anApiLeadWithANulIsSavedWithoutIt() {
    String email = Fixtures.unique("api-nul").toLowerCase() + "@example.com";
    long id =
        ((Number)
                given()
                    .auth()
                    .oauth2(RouteMatrixTest.clientToken())
                    .contentType(ContentType.JSON)
                    .body(
                        "{\"lastName\":\"Api\\u0000Nul\",\"company\":\"Nul\\u0000 Ltd\",\"email\":\""
                            + email
                            + "\"}")
                    .post("/api/leads")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"))
            .longValue();
    Lead lead = Fixtures.reload(Lead.class, id);
    assertThat(lead.lastName).isEqualTo("ApiNul");
    assertThat(lead.company).isEqualTo("Nul Ltd");
  }
}
