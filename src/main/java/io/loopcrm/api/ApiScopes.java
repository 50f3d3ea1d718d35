package io.loopcrm.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What an API client may do: the scopes Keycloak grants its service account as roles of the {@code
 * loop-api} client ({@code deals:read}, {@code deals:write} …), read from its token. A person
 * (signed in, or with a token of their own) acts with their roles alone: the scopes limit clients,
 * and the roles decide what anyone sees. Each API operation names the scope it needs ({@link
 * #require}); a client without it gets 403 with the scope named.
 */
@ApplicationScoped
public class ApiScopes {
  /** Every scope, as the realms grant them. */
  public static final List<String> ALL =
      List.of(
          "leads:read",
          "leads:write",
          "deals:read",
          "deals:write",
          "accounts:read",
          "accounts:write",
          "contacts:read",
          "contacts:write",
          "activities:read",
          "activities:write",
          "campaigns:read",
          "campaigns:write",
          "audiences:read",
          "members:read");

  static final String CLIENT = "loop-api";

  @Inject SecurityIdentity identity;

  /** Refuses the request with 403 unless the caller holds {@code scope}. */
  public void require(String scope) {
    if (!held(identity).contains(scope)) {
      throw new ApiProblem(
          403,
          "Missing scope",
          "This client is not granted the scope "
              + scope
              + " (a role of the loop-api client in"
              + " Keycloak).",
          Map.of("scope", scope));
    }
  }

  /**
   * Refuses a person with 403: people change sales records on the pages, where their role decides
   * what they may change; the API's writes of {@code what} are for integrations' clients.
   */
  public void requireClient(String what) {
    if (!isClient()) {
      throw new ApiProblem(
          403,
          "Clients only",
          "People change "
              + what
              + " on the sales pages; the API changes them for an"
              + " integration's client (a service account).",
          Map.of());
    }
  }

  /** Whether the caller is a client (a service account), not a person. */
  public boolean isClient() {
    return identity.getPrincipal() instanceof JsonWebToken jwt && isClient(jwt);
  }

  /** The scopes of {@code id}: a client's as granted, a person's all. */
  static Set<String> held(SecurityIdentity id) {
    if (id.isAnonymous()) {
      return Set.of();
    }
    return id.getPrincipal() instanceof JsonWebToken jwt && isClient(jwt)
        ? granted(jwt)
        : Set.copyOf(ALL);
  }

  /** A client's own token: its service account's, not a person's. */
  private static boolean isClient(JsonWebToken jwt) {
    String user = jwt.getClaim("preferred_username");
    return user != null && user.startsWith("service-account-");
  }

  private static Set<String> granted(JsonWebToken jwt) {
    Set<String> scopes = new HashSet<>();
    Object access = jwt.getClaim("resource_access");
    if (access instanceof JsonObject clients
        && clients.get(CLIENT) instanceof JsonObject api
        && api.get("roles") instanceof JsonArray roles) {
      for (JsonValue role : roles) {
        if (role.getValueType() == JsonValue.ValueType.STRING) {
          scopes.add(((jakarta.json.JsonString) role).getString());
        }
      }
    }
    scopes.retainAll(ALL);
    return scopes;
  }
}
