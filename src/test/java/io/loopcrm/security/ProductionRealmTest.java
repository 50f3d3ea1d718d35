package io.loopcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loopcrm.stack.TestStack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The production realm ({@code deploy/keycloak/loop-realm-production.json}): the demo realm's
 * roles, clients and service accounts, without demo people, without known client secrets, with TLS
 * for external addresses and no password grant. Checked in the file and by importing it into the
 * real Keycloak of the test stack.
 */
class ProductionRealmTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static JsonNode realm(String file) throws Exception {
    return JSON.readTree(Files.readString(Path.of("deploy/keycloak", file)));
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  @Test
  void theFileKeepsTheDemoRealmsRolesAndClientsButNoPeopleAndNoSecrets() throws Exception {
    JsonNode demo = realm("loop-realm.json");
    JsonNode prod = realm("loop-realm-production.json");
    assertThat(prod.path("realm").asText()).isEqualTo(demo.path("realm").asText());
    assertThat(prod.path("sslRequired").asText()).isEqualTo("external");
    assertThat(prod.path("roles")).isEqualTo(demo.path("roles"));
    assertThat(names(prod.path("clients"), "clientId"))
        .isEqualTo(names(demo.path("clients"), "clientId"));
    for (JsonNode client : prod.path("clients")) {
      assertThat(client.has("secret")).as(client.path("clientId").asText()).isFalse();
      assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
    }
    // only the clients' service accounts, with the demo's role mappings
    Map<String, JsonNode> demoAccounts = serviceAccounts(demo);
    assertThat(serviceAccounts(prod)).isEqualTo(demoAccounts).hasSize(3);
    assertThat(prod.path("users")).hasSize(demoAccounts.size());
    assertThat(prod.toString()).doesNotContain("\"credentials\"").doesNotContain("demo-secret");
  }

  private static Map<String, JsonNode> serviceAccounts(JsonNode realm) {
    List<JsonNode> users = new ArrayList<>();
    realm.path("users").forEach(users::add);
    return users.stream()
        .filter(u -> u.has("serviceAccountClientId"))
        .collect(Collectors.toMap(u -> u.path("username").asText(), u -> u));
  }

  @Test
  void keycloakImportsItAndItRefusesPasswordsAndKnownSecrets() throws Exception {
    String base = TestStack.get().realmUrl().replaceAll("/realms/.*$", "");
    String admin = masterToken(base);
    String name = "loop-prod-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode prod =
        (ObjectNode)
            JSON.readTree(
                Files.readString(Path.of("deploy/keycloak/loop-realm-production.json"))
                    .replace("${LOOP_PUBLIC_URL}", "https://crm.example.test"));
    prod.put("realm", name);
    assertThat(send(admin, "POST", base + "/admin/realms", prod.toString()).statusCode())
        .isEqualTo(201);
    try {
      String realmAdmin = base + "/admin/realms/" + name;
      assertThat(
              JSON.readTree(send(admin, "GET", realmAdmin, null).body())
                  .path("sslRequired")
                  .asText())
          .isEqualTo("external");
      for (String person : List.of("sam", "rita", "max", "olga", "ada")) {
        assertThat(
                JSON.readTree(
                    send(admin, "GET", realmAdmin + "/users?exact=true&username=" + person, null)
                        .body()))
            .as(person)
            .isEmpty();
      }

      // Keycloak generated the secrets: none is a value the repository ships
      String appSecret = secret(admin, realmAdmin, "loop-app");
      String integrationSecret = secret(admin, realmAdmin, "loop-integration");
      assertThat(List.of(appSecret, integrationSecret, secret(admin, realmAdmin, "loop-admin")))
          .allSatisfy(s -> assertThat(s).hasSizeGreaterThanOrEqualTo(20).doesNotContain("demo"));

      // no password grant, even with the client's own secret
      HttpResponse<String> password =
          form(
              base + "/realms/" + name + "/protocol/openid-connect/token",
              Map.of(
                  "grant_type", "password",
                  "client_id", "loop-app",
                  "client_secret", appSecret,
                  "username", "anyone",
                  "password", "anything"));
      assertThat(password.statusCode()).isIn(400, 401);
      assertThat(password.body()).contains("unauthorized_client");

      // the integration client works with its generated secret and carries operations
      HttpResponse<String> integration =
          form(
              base + "/realms/" + name + "/protocol/openid-connect/token",
              Map.of(
                  "grant_type", "client_credentials",
                  "client_id", "loop-integration",
                  "client_secret", integrationSecret));
      assertThat(integration.statusCode()).isEqualTo(200);
      String token = JSON.readTree(integration.body()).path("access_token").asText();
      String claims =
          new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
      assertThat(JSON.readTree(claims).path("realm_access").path("roles").toString())
          .contains("\"operations\"");
    } finally {
      send(admin, "DELETE", base + "/admin/realms/" + name, null);
    }
  }

  private static String secret(String admin, String realmAdmin, String clientId) throws Exception {
    String id =
        JSON.readTree(send(admin, "GET", realmAdmin + "/clients?clientId=" + clientId, null).body())
            .get(0)
            .path("id")
            .asText();
    return JSON.readTree(
            send(admin, "GET", realmAdmin + "/clients/" + id + "/client-secret", null).body())
        .path("value")
        .asText();
  }

  private static String masterToken(String base) throws Exception {
    HttpResponse<String> r =
        form(
            base + "/realms/master/protocol/openid-connect/token",
            Map.of(
                "grant_type", "password",
                "client_id", "admin-cli",
                "username", "admin",
                "password", "admin"));
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).path("access_token").asText();
  }

  private static HttpResponse<String> form(String url, Map<String, String> fields)
      throws Exception {
    String body =
        fields.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(String token, String method, String url, String json)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
