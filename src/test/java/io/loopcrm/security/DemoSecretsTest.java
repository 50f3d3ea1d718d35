package io.loopcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo-secret check against the defaults application.properties really ships. */
class DemoSecretsTest {
  private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(.*)}");

  /** A setting as the packaged app sees it without any environment: the file's default. */
  private static Optional<String> shipped(String name) {
    Properties file = new Properties();
    try (InputStream in = DemoSecretsTest.class.getResourceAsStream("/application.properties")) {
      file.load(in);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String value = file.getProperty(name);
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = DEFAULT.matcher(value);
    return Optional.of(m.matches() ? m.group(1) : value);
  }

  @Test
  void everySecretTheRepositoryShipsIsRefusedByItsVariable() {
    assertThat(DemoSecrets.found(DemoSecretsTest::shipped))
        .containsExactly(
            "LOOP_SESSION_SECRET",
            "QUARKUS_OIDC_CREDENTIALS_SECRET",
            "LOOP_ADMIN_CLIENT_SECRET",
            "QUARKUS_DATASOURCE_PASSWORD");
  }

  @Test
  void ownSecretsPassAndTheEmbeddedDatabasePasswordDoesNot() {
    Map<String, String> own =
        Map.of(
            "quarkus.oidc.token-state-manager.encryption-secret",
                "k3Q9-a-long-secret-of-our-own-0042",
            "quarkus.oidc.credentials.secret", "client-secret-of-our-own",
            "loop.admin-client.client-secret", "admin-secret-of-our-own",
            "quarkus.datasource.password", "db-password-of-our-own");
    assertThat(DemoSecrets.found(name -> Optional.ofNullable(own.get(name)))).isEmpty();

    Map<String, String> embedded = new java.util.HashMap<>(own);
    embedded.put("quarkus.datasource.password", "postgres");
    assertThat(DemoSecrets.found(name -> Optional.ofNullable(embedded.get(name))))
        .containsExactly("QUARKUS_DATASOURCE_PASSWORD");
  }
}
