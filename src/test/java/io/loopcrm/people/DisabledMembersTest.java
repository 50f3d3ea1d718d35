package io.loopcrm.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopcrm.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user disabled through another instance (only the database knows) counts as disabled here once
 * the list is read again, and as enabled again once enabled there. (That a disabled user's next
 * request is refused is AdminUsersKeycloakTest's, through the real Keycloak.)
 */
@QuarkusTest
class DisabledMembersTest {
  @Inject DisabledMembers disabled;

  private static void enable(String username, boolean enabled) {
    QuarkusTransaction.requiringNew()
        .run(() -> Member.update("enabled = ?1 where username = ?2", enabled, username));
  }

  @Test
  void aChangeMadeElsewhereIsFollowedOnTheNextRead() {
    Fixtures.member("dora", List.of("sales"), null);
    disabled.refresh();
    assertThat(disabled.isDisabled("dora")).isFalse();

    enable("dora", false);
    disabled.refresh();
    assertThat(disabled.isDisabled("dora")).isTrue();

    enable("dora", true);
    disabled.refresh();
    assertThat(disabled.isDisabled("dora")).isFalse();
  }
}
