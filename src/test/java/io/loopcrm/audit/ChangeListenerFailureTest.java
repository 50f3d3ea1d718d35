package io.loopcrm.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.api.ApiLeadsTest;
import io.loopcrm.customer.Account;
import io.loopcrm.testing.FailingChangeListener;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A change whose listener fails (a webhook event that cannot be written) does not commit: no
 * record, no audit entry. Hibernate only logs what the interceptor throws, so the interceptor marks
 * the transaction for rollback itself.
 */
@QuarkusTest
class ChangeListenerFailureTest {

  @Test
  void aChangeWithoutItsEventsDoesNotCommit() {
    int status =
        given()
            .auth()
            .oauth2(ApiLeadsTest.token())
            .contentType("application/json")
            .body("{\"name\":\"" + FailingChangeListener.NAME + "\"}")
            .post("/api/accounts")
            .then()
            .extract()
            .statusCode();
    assertThat(status).isGreaterThanOrEqualTo(500);
    long accounts =
        QuarkusTransaction.requiringNew()
            .call(() -> Account.count("name", FailingChangeListener.NAME));
    assertThat(accounts).isZero();
  }
}
