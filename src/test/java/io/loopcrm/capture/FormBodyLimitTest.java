package io.loopcrm.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.loopcrm.campaign.CampaignVariant;
import io.loopcrm.lead.Lead;
import io.loopcrm.testing.Csrf;
import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The public form's body limit: answered from the declared length, before the body is read. */
@QuarkusTest
class FormBodyLimitTest {
  @TestHTTPResource("/")
  URL base;

  @Test
  void aMegabyteIsRefusedBeforeItsBodyIsSentAndAChunkedPostIsAskedForItsLength() throws Exception {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Big body"));
    // the server answers on the headers alone: no byte of the megabyte is ever sent
    assertThat(statusLine(v, "Content-Length: 1048576")).contains(" 413 ");
    assertThat(statusLine(v, "Transfer-Encoding: chunked")).contains(" 411 ");
  }

  @Test
  void anOversizedFormGetsAPageInTheVisitorsLanguageAndSavesNothing() {
    CampaignVariant v = Fixtures.campaignWithVariant(Fixtures.unique("Long form"));
    String email = Fixtures.unique("big") + "@example.com";
    Csrf.form()
        .header("Accept-Language", "zh-CN")
        .formParam("lastName", "Big")
        .formParam("email", email)
        .formParam("company", "x".repeat(40_000))
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(413)
        .body(containsString("表单内容过大"));
    assertThat(QuarkusTransaction.requiringNew().call(() -> Lead.count("email", email))).isZero();
    // a long field within the limit is the form's own business: explained next to the field
    Csrf.form()
        .header("Accept-Language", "en")
        .formParam("lastName", "Big")
        .formParam("email", email)
        .formParam("company", "x".repeat(1_500))
        .post("/f/" + v.trackingCode)
        .then()
        .statusCode(422)
        .body(containsString("invalid-feedback"));
  }

  private String statusLine(CampaignVariant v, String lengthHeader) throws Exception {
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /f/"
                  + v.trackingCode
                  + " HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + lengthHeader
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
    }
  }
}
