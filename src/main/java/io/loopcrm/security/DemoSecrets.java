package io.loopcrm.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start with a secret that ships with the demo (the session-cookie key, the client
 * secrets, the database passwords of the samples), because anyone who has read the repository knows
 * them. It names the variable to set. The run command ({@code deploy/run.sh}) turns the demo switch
 * {@code loop.allow-demo-secrets} on; tests run with the demo secrets too.
 */
@Singleton
public class DemoSecrets {
  /** A setting, the environment variable that sets it, and the values the demo ships. */
  record Secret(String property, String variable, List<String> demoValues) {}

  static final List<Secret> SECRETS =
      List.of(
          new Secret(
              "quarkus.oidc.token-state-manager.encryption-secret",
              "LOOP_SESSION_SECRET",
              List.of("demo-only-session-secret-change-me-0123456789abcdef")),
          new Secret(
              "quarkus.oidc.credentials.secret",
              "QUARKUS_OIDC_CREDENTIALS_SECRET",
              List.of("loop-app-demo-secret")),
          new Secret(
              "loop.admin-client.client-secret",
              "LOOP_ADMIN_CLIENT_SECRET",
              List.of("loop-admin-demo-secret")),
          new Secret(
              "quarkus.datasource.password",
              "QUARKUS_DATASOURCE_PASSWORD",
              List.of("loop", "postgres")));

  void check(@Observes @Priority(1) StartupEvent start, Config config) {
    if (config.getOptionalValue("loop.allow-demo-secrets", Boolean.class).orElse(false)) {
      return;
    }
    List<String> found = found(name -> config.getOptionalValue(name, String.class));
    if (!found.isEmpty()) {
      throw new IllegalStateException(
          "Loop CRM does not start in production with a demo secret. Set "
              + String.join(", ", found)
              + " to a secret of your own (or LOOP_ALLOW_DEMO_SECRETS=true for a demo).");
    }
  }

  /** The variables whose settings still hold a demo value. */
  static List<String> found(Function<String, Optional<String>> setting) {
    return SECRETS.stream()
        .filter(s -> setting.apply(s.property()).map(s.demoValues()::contains).orElse(false))
        .map(Secret::variable)
        .toList();
  }
}
