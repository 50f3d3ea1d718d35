package io.loopcrm.admin;

import io.loopcrm.common.LoopConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * The app's realm through the Keycloak Admin REST API, signed in as the {@code loop-admin} service
 * account (client credentials) on first use; every call's failure becomes a {@link
 * KeycloakUsers.Failure} with a message key the page can show.
 */
@ApplicationScoped
public class KeycloakRealm {
  private static final Logger LOG = Logger.getLogger(KeycloakRealm.class);

  @ConfigProperty(name = "quarkus.oidc.auth-server-url")
  String realmUrl;

  @Inject LoopConfig config;

  private volatile Keycloak keycloak;

  /** One call to Keycloak. */
  interface Call<T> {
    T run();
  }

  /**
   * Runs a call; a 400 is put next to {@code field}, other refusals and an unreachable Keycloak
   * next to the whole form.
   */
  <T> T call(String field, Call<T> call) {
    try {
      return call.run();
    } catch (KeycloakUsers.Failure f) {
      throw f;
    } catch (ProcessingException e) {
      LOG.warnf("Keycloak unreachable: %s", e.getMessage());
      throw new KeycloakUsers.Failure(null, "users_error_unreachable", e);
    } catch (WebApplicationException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
      LOG.warnf("Keycloak refused (%d): %s", status, e.getMessage());
      if (status == 404) {
        throw new KeycloakUsers.Failure(null, "users_error_not_found", e);
      }
      if (status == 400) {
        throw new KeycloakUsers.Failure(field, "users_error_rejected", e);
      }
      throw new KeycloakUsers.Failure(null, "users_error_refused", e);
    } catch (RuntimeException e) {
      LOG.warn("Keycloak call failed", e);
      throw new KeycloakUsers.Failure(null, "users_error_unreachable", e);
    }
  }

  RealmResource realm() {
    int cut = realmUrl.indexOf("/realms/");
    return client().realm(realmUrl.substring(cut + "/realms/".length()).replaceAll("/+$", ""));
  }

  private Keycloak client() {
    Keycloak k = keycloak;
    if (k == null) {
      synchronized (this) {
        if (keycloak == null) {
          int cut = realmUrl.indexOf("/realms/");
          String server = realmUrl.substring(0, cut);
          String realm = realmUrl.substring(cut + "/realms/".length()).replaceAll("/+$", "");
          keycloak =
              KeycloakBuilder.builder()
                  .serverUrl(server)
                  .realm(realm)
                  .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                  .clientId(config.adminClient().clientId())
                  .clientSecret(config.adminClient().clientSecret())
                  .build();
        }
        k = keycloak;
      }
    }
    return k;
  }

  @PreDestroy
  void close() {
    if (keycloak != null) {
      keycloak.close();
    }
  }
}
