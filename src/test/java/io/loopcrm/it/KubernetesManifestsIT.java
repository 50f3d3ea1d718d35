package io.loopcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.JsonParser;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests of {@code deploy/kubernetes}: the app's are the ones the Quarkus
 * Kubernetes extension generates in this build; every Kubernetes object, in the base and after the
 * production overlay's patches, passes the validation of the Kubernetes API's own models ({@code
 * io.kubernetes:client-java-api}: required fields, types, no unknown fields); the objects of the
 * operators are checked for what ties them together, since no registry reachable here serves their
 * CRD schemas (see {@link #NO_SCHEMA}); no secret is committed.
 */
class KubernetesManifestsIT {
  private static final Path BASE = Path.of("deploy/kubernetes/base");
  private static final Path OVERLAY = Path.of("deploy/kubernetes/overlays/production");
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Kinds whose CRD schema could not be fetched: the Keycloak Operator's jar and the CloudNativePG
   * CRDs are not served by Maven Central (nor by another registry reachable here, as a schema).
   */
  private static final Set<String> NO_SCHEMA =
      Set.of(
          "postgresql.cnpg.io/v1 Cluster",
          "postgresql.cnpg.io/v1 ScheduledBackup",
          "k8s.keycloak.org/v2alpha1 Keycloak",
          "k8s.keycloak.org/v2alpha1 KeycloakRealmImport");

  @Test
  void theAppsManifestsAreTheGeneratedOnes() throws IOException {
    assertThat(documents(BASE.resolve("loop-crm.yml")))
        .isEqualTo(documents(Path.of("target/kubernetes/kubernetes.yml")));
  }

  @Test
  void everyKubernetesObjectIsValidInTheBaseAndInTheOverlay() throws Exception {
    List<JsonNode> base = base();
    Set<String> kinds = new TreeSet<>();
    for (JsonNode doc : base) {
      kinds.add(kindOf(doc));
      validate(doc);
    }
    assertThat(kinds)
        .contains(
            "apps/v1 Deployment",
            "v1 Service",
            "networking.k8s.io/v1 Ingress",
            "policy/v1 PodDisruptionBudget",
            "autoscaling/v2 HorizontalPodAutoscaler",
            "v1 PersistentVolumeClaim")
        .containsAll(NO_SCHEMA);
    for (JsonNode doc : overlaid(base)) {
      validate(doc);
    }
  }

  @Test
  void theValidationRejectsWhatKubernetesWould() {
    ObjectNode deployment = (ObjectNode) find(base(), "Deployment", "loop-crm").deepCopy();
    ((ObjectNode) deployment.get("spec")).put("replica", 2);
    assertThatThrownBy(() -> validate(deployment)).hasMessageContaining("replica");
    ObjectNode nested = (ObjectNode) find(base(), "Deployment", "loop-crm").deepCopy();
    ((ObjectNode) nested.at("/spec/template/spec/containers/0/readinessProbe/httpGet"))
        .put("paht", "/q/health/ready");
    assertThatThrownBy(() -> validate(nested)).hasMessageContaining("paht");
    ObjectNode service = (ObjectNode) find(base(), "Service", "loop-crm").deepCopy();
    ((ObjectNode) service.get("spec")).put("ports", "80");
    assertThatThrownBy(() -> validate(service)).isNotNull();
  }

  @Test
  void theDeploymentIsHighlyAvailableAndProbed() {
    List<JsonNode> base = base();
    JsonNode deployment = find(base, "Deployment", "loop-crm");
    assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
    assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
    assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean())
        .isTrue();
    Map<String, String> labels =
        JSON.convertValue(deployment.at("/spec/template/metadata/labels"), Map.class);
    for (String kind : List.of("PodDisruptionBudget", "Service")) {
      JsonNode selector = find(base, kind, "loop-crm").at("/spec/selector");
      JsonNode match = selector.has("matchLabels") ? selector.get("matchLabels") : selector;
      assertThat(labels).containsAllEntriesOf(JSON.convertValue(match, Map.class));
    }
    assertThat(
            find(base, "HorizontalPodAutoscaler", "loop-crm")
                .at("/spec/scaleTargetRef/name")
                .asText())
        .isEqualTo("loop-crm");
    assertThat(find(base, "HorizontalPodAutoscaler", "loop-crm").at("/spec/minReplicas").asInt())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void theOperatorsObjectsFitTogether() throws IOException {
    List<JsonNode> base = base();
    JsonNode appDb = find(base, "Cluster", "loop-db");
    assertThat(appDb.at("/spec/instances").asInt()).isEqualTo(3);
    assertThat(appDb.at("/spec/backup/barmanObjectStore/destinationPath").asText()).isNotEmpty();
    assertThat(appDb.at("/spec/backup/barmanObjectStore/wal").isObject()).isTrue();
    assertThat(find(base, "ScheduledBackup", "loop-db-nightly").at("/spec/cluster/name").asText())
        .isEqualTo("loop-db");
    JsonNode container =
        find(base, "Deployment", "loop-crm").at("/spec/template/spec/containers/0");
    assertThat(env(container, "QUARKUS_DATASOURCE_JDBC_URL").at("/value").asText())
        .startsWith("jdbc:postgresql://loop-db-rw:");
    assertThat(
            env(container, "QUARKUS_DATASOURCE_PASSWORD")
                .at("/valueFrom/secretKeyRef/name")
                .asText())
        .isEqualTo("loop-db-app");

    JsonNode keycloak = find(base, "Keycloak", "loop-keycloak");
    assertThat(keycloak.at("/spec/instances").asInt()).isEqualTo(2);
    String keycloakDb = keycloak.at("/spec/db/host").asText();
    assertThat(keycloakDb).isEqualTo("keycloak-db-rw");
    find(base, "Cluster", "keycloak-db");
    assertThat(keycloak.at("/spec/db/passwordSecret/name").asText()).isEqualTo("keycloak-db-app");
    assertThat(env(container, "QUARKUS_OIDC_AUTH_SERVER_URL").at("/value").asText())
        .startsWith("http://loop-keycloak-service:");

    JsonNode realmImport = find(base, "KeycloakRealmImport", "loop-realm");
    assertThat(realmImport.at("/spec/keycloakCRName").asText()).isEqualTo("loop-keycloak");
    assertThat(realmImport.at("/spec/realm"))
        .isEqualTo(JSON.readTree(Path.of("deploy/keycloak/loop-realm-production.json").toFile()));
  }

  @Test
  void noSecretIsCommitted() throws IOException {
    for (JsonNode doc : base()) {
      assertThat(doc.path("kind").asText()).isNotEqualTo("Secret");
    }
    try (Stream<Path> files = Files.walk(Path.of("deploy/kubernetes"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file))
            .doesNotContain("demo-secret")
            .doesNotContain("password:");
      }
    }
  }

  // --- the overlay: kustomize's namespace, images and JSON 6902 patches ---------------------

  private static List<JsonNode> overlaid(List<JsonNode> base) throws IOException {
    JsonNode kustomization = YAML.readTree(OVERLAY.resolve("kustomization.yaml").toFile());
    assertThat(kustomization.at("/resources/0").asText()).isEqualTo("../../base");
    List<JsonNode> out = new ArrayList<>();
    Set<String> patched = new HashSet<>();
    for (JsonNode doc : base) {
      JsonNode result = doc.deepCopy();
      ((ObjectNode) result.get("metadata"))
          .put("namespace", kustomization.at("/namespace").asText());
      for (JsonNode patch : kustomization.path("patches")) {
        JsonNode target = patch.get("target");
        if (target.get("kind").asText().equals(doc.path("kind").asText())
            && target.get("name").asText().equals(doc.at("/metadata/name").asText())) {
          result = JsonPatch.apply(YAML.readTree(patch.get("patch").asText()), result);
          patched.add(target.get("kind").asText());
        }
      }
      out.add(result);
    }
    assertThat(patched)
        .as("every patch of the overlay found its object")
        .hasSize(kustomization.path("patches").size());
    String image =
        find(base, "Deployment", "loop-crm").at("/spec/template/spec/containers/0/image").asText();
    assertThat(image).startsWith(kustomization.at("/images/0/name").asText() + ":");
    return out;
  }

  // --- helpers --------------------------------------------------------------------------------

  private static void validate(JsonNode doc) throws Exception {
    String kind = kindOf(doc);
    assertThat(doc.at("/metadata/name").asText()).as(kind + " has a name").isNotEmpty();
    if (NO_SCHEMA.contains(kind)) {
      assertThat(doc.get("spec")).as(kind + " has a spec").isNotNull();
      return;
    }
    String apiVersion = doc.get("apiVersion").asText();
    String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
    String model =
        "io.kubernetes.client.openapi.models."
            + Character.toUpperCase(version.charAt(0))
            + version.substring(1)
            + doc.get("kind").asText();
    try {
      Class.forName(model)
          .getMethod("validateJsonElement", com.google.gson.JsonElement.class)
          .invoke(null, JsonParser.parseString(JSON.writeValueAsString(doc)));
    } catch (ClassNotFoundException e) {
      throw new AssertionError(
          "no Kubernetes schema for " + kind + ": add it to NO_SCHEMA with why");
    } catch (InvocationTargetException e) {
      throw new AssertionError(
          kind + " " + doc.at("/metadata/name").asText() + ": " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  private static String kindOf(JsonNode doc) {
    return doc.path("apiVersion").asText() + " " + doc.path("kind").asText();
  }

  private static List<JsonNode> base() {
    try {
      JsonNode kustomization = YAML.readTree(BASE.resolve("kustomization.yaml").toFile());
      List<JsonNode> docs = new ArrayList<>();
      for (JsonNode resource : kustomization.get("resources")) {
        docs.addAll(documents(BASE.resolve(resource.asText())));
      }
      return docs;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  private static JsonNode find(List<JsonNode> docs, String kind, String name) {
    return docs.stream()
        .filter(d -> d.path("kind").asText().equals(kind))
        .filter(d -> d.at("/metadata/name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static JsonNode env(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (e.path("name").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no environment variable " + name);
  }
}
