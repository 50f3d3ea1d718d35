package io.loopcrm.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells browsers to reach Loop CRM over HTTPS only (HSTS) whenever its cookies are secure, that is
 * in production unless {@code LOOP_SECURE_COOKIES=false} (the run command on a laptop says so).
 */
@Singleton
public class StrictTransport {
  static final String HEADER = "Strict-Transport-Security";
  static final String VALUE = "max-age=31536000; includeSubDomains";

  @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
  boolean secureCookies;

  void register(@Observes Filters filters) {
    if (secureCookies) {
      filters.register(
          rc -> {
            rc.response().putHeader(HEADER, VALUE);
            rc.next();
          },
          100);
    }
  }
}
