package io.loopcrm.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.loopcrm.testing.AsAdmin;
import io.loopcrm.testing.Await;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.loopcrm.testing.WebhookReceiver;
import io.loopcrm.testing.WebhookReceiver.Received;
import io.loopcrm.webhook.WebhookEndpoint;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The admin's webhook pages: bad input is named at its field and nothing is saved; a new endpoint's
 * secret is shown once; a test event arrives signed with it; after a rotation both secrets sign; a
 * delivery is replayed with its webhook-id; both languages.
 */
@QuarkusTest
@AsAdmin
class AdminWebhooksTest {

  @Test
  void badInputIsNamedAtItsFieldAndNothingIsSaved() {
    Fixtures.member("ada", List.of("admin"), null);
    long before = QuarkusTransaction.requiringNew().call(() -> WebhookEndpoint.count());
    String page =
        Csrf.form()
            .header("Accept-Language", "en")
            .formParam("url", "hooks.example/no-scheme")
            .post("/admin/webhooks")
            .then()
            .statusCode(422)
            .extract()
            .asString();
    Document d = Jsoup.parse(page);
    assertThat(d.select("#error-url").text()).contains("full address");
    assertThat(d.select("#error-types").text()).contains("at least one event");
    String zh =
        Csrf.form()
            .header("Accept-Language", "zh-CN")
            .formParam("url", "ftp://hooks.example/x")
            .formParam("types", "lead.created", "no.such_event")
            .post("/admin/webhooks")
            .then()
            .statusCode(422)
            .extract()
            .asString();
    Document z = Jsoup.parse(zh);
    assertThat(z.select("#error-url").text()).contains("https");
    assertThat(z.select("#error-types").text()).contains("至少选择一个事件");
    long after = QuarkusTransaction.requiringNew().call(() -> WebhookEndpoint.count());
    assertThat(after).isEqualTo(before);
  }

  @Test
  void theSecretIsShownOnceATestEventArrivesSignedAndARotationSignsWithBoth() throws Exception {
    Fixtures.member("ada", List.of("admin"), null);
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String location =
          Csrf.form()
              .formParam("url", receiver.url("/loop"))
              .formParam("description", "Billing")
              .formParam("types", "lead.created", "deal.won")
              .redirects()
              .follow(false)
              .post("/admin/webhooks")
              .then()
              .statusCode(303)
              .extract()
              .header("Location");
      long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
      try {
        Document first = page(id, "en");
        String secret = first.select("#secret").text();
        assertThat(secret).startsWith("whsec_");
        assertThat(first.select("#type-lead\\.created").hasAttr("checked")).isTrue();
        assertThat(first.select("#type-lead\\.updated").hasAttr("checked")).isFalse();
        // shown once
        assertThat(page(id, "en").select("#secret")).isEmpty();
        assertThat(page(id, "zh-CN").select("#secret-card h2").text()).isEqualTo("签名密钥");

        Csrf.form().post("/admin/webhooks/" + id + "/test").then().statusCode(303);
        Await.until("the test event", Duration.ofSeconds(20), () -> receiver.received.size() == 1);
        Received test = receiver.received.get(0);
        new Webhook(secret).verify(test.body(), test.headers());
        assertThat(test.body()).contains("\"type\":\"webhook.test\"");
        Await.until(
            "the log shows it delivered",
            Duration.ofSeconds(20),
            () -> page(id, "en").select("#deliveries .text-bg-success").size() == 1);
        Document log = page(id, "en");
        String delivery = log.select("#deliveries > li").first().id().replace("delivery-", "");
        assertThat(log.select("#deliveries").text()).contains("webhook.test", "HTTP 200");

        // rotated: the new secret shown once, both sign for a day
        Csrf.form().post("/admin/webhooks/" + id + "/rotate").then().statusCode(303);
        Document rotated = page(id, "en");
        String fresh = rotated.select("#secret").text();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.select("#previous-secret")).hasSize(1);
        Csrf.form()
            .post("/admin/webhooks/" + id + "/deliveries/" + delivery + "/replay")
            .then()
            .statusCode(303);
        Await.until("the replay", Duration.ofSeconds(20), () -> receiver.received.size() == 2);
        Received replay = receiver.received.get(1);
        assertThat(replay.header("webhook-id")).isEqualTo(test.header("webhook-id"));
        assertThat(replay.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(fresh).verify(replay.body(), replay.headers());
        new Webhook(secret).verify(replay.body(), replay.headers());
        // a delivery not delivered or failed, or another endpoint's, is not replayed
        Csrf.form()
            .post("/admin/webhooks/" + id + "/deliveries/987654321/replay")
            .then()
            .statusCode(404);

        // switched off by hand: says so on the list
        Csrf.form()
            .formParam("url", receiver.url("/loop"))
            .formParam("types", "lead.created")
            .formParam("version", page(id, "en").select("input[name=version]").val())
            .post("/admin/webhooks/" + id)
            .then()
            .statusCode(303);
        assertThat(Fixtures.reload(WebhookEndpoint.class, id).enabled).isFalse();
        assertThat(
                Jsoup.parse(
                        given().header("Accept-Language", "en").get("/admin/webhooks").asString())
                    .select("#endpoint-" + id)
                    .text())
            .contains("Switched off");
      } finally {
        Csrf.form().post("/admin/webhooks/" + id + "/delete").then().statusCode(303);
      }
      assertThat(Fixtures.reload(WebhookEndpoint.class, id)).isNull();
    }
  }

  private static Document page(long id, String language) {
    return Jsoup.parse(
        given()
            .header("Accept-Language", language)
            .get("/admin/webhooks/" + id)
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }
}
