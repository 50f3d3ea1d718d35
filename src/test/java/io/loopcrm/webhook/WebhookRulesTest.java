package io.loopcrm.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The signature, the event codes and where a webhook may go, as plain rules. */
class WebhookRulesTest {

  @Test
  void signsAsTheStandardWebhooksTestVectorSays() {
    assertThat(
            WebhookSecrets.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L,
                "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void aRotatedSecretSignsNextToTheNewOne() {
    String now = WebhookSecrets.generate();
    String old = WebhookSecrets.generate();
    String header = WebhookSecrets.signatures(now, old, "msg_1", 1700000000L, "{}");
    assertThat(header.split(" "))
        .containsExactly(
            WebhookSecrets.sign(now, "msg_1", 1700000000L, "{}"),
            WebhookSecrets.sign(old, "msg_1", 1700000000L, "{}"));
    assertThat(now).startsWith("whsec_").hasSize(6 + 44);
  }

  @Test
  void eventCodesAreRecordDotWhatHappened() {
    assertThat(EventType.LEAD_STATUS_CHANGED.code()).isEqualTo("lead.status_changed");
    assertThat(EventType.DEAL_WON.code()).isEqualTo("deal.won");
    assertThat(EventType.CODES).hasSize(EventType.values().length).doesNotHaveDuplicates();
    assertThat(WebhookEvents.messageId()).matches("msg_[a-z0-9]{27}");
  }

  @Test
  void onlyHttpsToPublicAddressesUnlessLocalTargetsAreAllowed() {
    assertThat(WebhookTargets.problem("https://93.184.216.34/hooks", false)).isNull();
    assertThat(WebhookTargets.problem("https://[2606:4700::1111]/hooks", false)).isNull();
    assertThat(WebhookTargets.problem("http://93.184.216.34/hooks", false))
        .isEqualTo("webhook_error_https");
    assertThat(WebhookTargets.problem("ftp://93.184.216.34/hooks", false))
        .isEqualTo("webhook_error_https");
    for (String local :
        new String[] {
          "https://127.0.0.1/x",
          "https://localhost/x",
          "https://10.1.2.3/x",
          "https://172.16.0.1/x",
          "https://192.168.1.1/x",
          "https://169.254.169.254/latest/meta-data",
          "https://100.64.0.1/x",
          "https://0.0.0.0/x",
          "https://[::1]/x",
          "https://[fd00::1]/x",
          "https://[fe80::1]/x",
          "https://[::ffff:127.0.0.1]/x"
        }) {
      assertThat(WebhookTargets.problem(local, false)).as(local).isEqualTo("webhook_error_private");
      assertThat(WebhookTargets.problem(local.replace("https:", "http:"), true)).as(local).isNull();
    }
    assertThat(WebhookTargets.problem("https://user:pw@93.184.216.34/x", false))
        .isEqualTo("webhook_error_url");
    assertThat(WebhookTargets.problem("not an address", false)).isEqualTo("webhook_error_url");
    assertThat(WebhookTargets.problem("/hooks", false)).isEqualTo("webhook_error_url");
    assertThat(WebhookTargets.problem("  ", false)).isEqualTo("error_required");
    assertThat(WebhookTargets.problem("https://no-such-host.invalid/x", false))
        .isEqualTo("webhook_error_host");
  }

  @Test
  void publicMeansNotLoopbackPrivateLinkLocalOrShared() throws Exception {
    assertThat(WebhookTargets.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
    assertThat(WebhookTargets.isPublic(InetAddress.getByName("100.128.0.1"))).isTrue();
    assertThat(WebhookTargets.isPublic(InetAddress.getByName("100.127.255.255"))).isFalse();
    assertThat(WebhookTargets.isPublic(InetAddress.getByName("198.18.0.1"))).isFalse();
    assertThat(WebhookTargets.isPublic(InetAddress.getByName("224.0.0.1"))).isFalse();
  }
}
