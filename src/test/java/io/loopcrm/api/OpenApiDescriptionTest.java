package io.loopcrm.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API's description as integrators read it ({@code docs/openapi.json}, from which the build
 * generates the client of {@code GeneratedClientTest}) is the running application's {@code
 * /q/openapi}, cut to the {@code /api/} operations: a change of the API that is not in the file
 * fails here. {@code -DwriteOpenApi=true} writes the file from the running application.
 */
@QuarkusTest
class OpenApiDescriptionTest {
  static final Path FILE = Path.of("docs/openapi.json");

  @Test
  @io.loopcrm.testing.AsAdmin
  void theCommittedDescriptionIsTheRunningApi() throws Exception {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    JsonNode live =
        json.readTree(
            given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    ObjectNode paths = (ObjectNode) live.get("paths");
    List<String> pages = new ArrayList<>();
    paths
        .fieldNames()
        .forEachRemaining(
            p -> {
              if (!p.startsWith("/api/")) {
                pages.add(p);
              }
            });
    paths.remove(pages);
    // the schemas the operations use, and what those use: not the pages'
    ObjectNode schemas = (ObjectNode) live.path("components").path("schemas");
    java.util.Set<String> used = new java.util.TreeSet<>();
    java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>(List.of(paths));
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      if (n.has("$ref")) {
        String name = n.get("$ref").asText().substring("#/components/schemas/".length());
        if (used.add(name) && schemas.has(name)) {
          todo.push(schemas.get(name));
        }
      }
      n.elements().forEachRemaining(todo::push);
    }
    schemas.retain(used);
    // the test stack's Keycloak listens on a port of its own each run
    ((ObjectNode) live.path("components").path("securitySchemes").path("SecurityScheme"))
        .put(
            "openIdConnectUrl",
            "https://keycloak.example/realms/loop/.well-known/openid-configuration");
    // every operation named, so that generated clients have stable method names
    paths.forEach(
        path ->
            path.forEach(
                op -> assertThat(op.path("operationId").asText()).as(op.toString()).isNotEmpty()));
    String text =
        json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(json.treeToValue(live, Object.class))
            + "\n";
    if (Boolean.getBoolean("writeOpenApi")) {
      Files.writeString(FILE, text, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as("docs/openapi.json is not the running API: run this test with -DwriteOpenApi=true")
        .isEqualTo(text);
  }
}
