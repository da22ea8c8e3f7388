package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AiBomTest {

  private static final JsonSchema SCHEMA = schema();

  static JsonSchema schema() {
    String dir = Fixtures.shared().resolve("schemas/cyclonedx-1.6").toUri().toString();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
        b -> b.schemaMappers(m -> m.mapPrefix("http://cyclonedx.org/schema/", dir)));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return factory.getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-1.6.schema.json"), config);
  }

  static Set<ValidationMessage> validate(JsonNode bom) {
    return SCHEMA.validate(bom);
  }

  private final AiBom aiBom = AiBom.builder().clock(Fixtures.clock()).toolVersion("test").build();

  @Test
  void export_exampleCatalog_validatesAgainstCycloneDx16Schema() {
    JsonNode bom = aiBom.export(Fixtures.example());
    assertThat(validate(bom)).isEmpty();
  }

  @Test
  void validator_brokenBom_reportsErrors() {
    JsonNode bom = aiBom.export(Fixtures.example()).deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) bom).put("specVersion", 16);
    assertThat(validate(bom)).isNotEmpty();
  }

  @Test
  void export_exampleCatalog_mapsModelsDatasetsAgentsAndLineage() {
    JsonNode bom = aiBom.export(Fixtures.example());
    assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    assertThat(bom.path("metadata").path("timestamp").asText()).isEqualTo("2026-07-01T00:00:00Z");
    JsonNode model = find(bom.path("components"), "airesource:default/claims-triage-llm");
    assertThat(model.path("type").asText()).isEqualTo("machine-learning-model");
    assertThat(model.path("licenses").get(0).path("license").path("id").asText()).isEqualTo("Apache-2.0");
    assertThat(model.path("hashes").get(0).path("alg").asText()).isEqualTo("SHA-256");
    assertThat(model.path("modelCard").path("modelParameters").path("datasets").get(0).path("ref").asText())
        .isEqualTo("airesource:default/claims-history-2019-2024");
    assertThat(model.path("modelCard").path("quantitativeAnalysis").path("performanceMetrics").get(0).path("value").asText())
        .isEqualTo("0.91");
    assertThat(model.path("pedigree").path("ancestors").get(0).path("name").asText()).isEqualTo("granite-3-8b-instruct");
    JsonNode dataset = find(bom.path("components"), "airesource:default/claims-history-2019-2024");
    assertThat(dataset.path("type").asText()).isEqualTo("data");
    assertThat(dataset.path("data").get(0).path("sensitiveData").toString()).contains("personal-data:health", "special-category-data");
    JsonNode agent = find(bom.path("services"), "airesource:default/claims-ops-agent");
    assertThat(agent.path("data").get(0).path("flow").asText()).isEqualTo("bi-directional");
    JsonNode portal = find(bom.path("services"), "component:default/claims-portal");
    assertThat(portal.path("x-trust-boundary").asBoolean()).isTrue();
    List<String> deps = new ArrayList<>();
    for (JsonNode d : bom.path("dependencies")) {
      for (JsonNode on : d.path("dependsOn")) {
        deps.add(d.path("ref").asText() + " -> " + on.asText());
      }
    }
    assertThat(deps).contains(
        "component:default/claims-portal -> airesource:default/claims-triage-llm",
        "airesource:default/claims-triage-llm -> airesource:default/claims-history-2019-2024",
        "airesource:default/claims-ops-agent -> api:default/claims-mcp");
  }

  @Test
  void export_sameCatalogTwice_isDeterministic() {
    assertThat(aiBom.toJson(Fixtures.example())).isEqualTo(aiBom.toJson(Fixtures.example()));
  }

  @Test
  void export_aliasesAndOddValues_stillValid() throws Exception {
    String yaml = String.join("\n",
        "apiVersion: backstage.io/v1beta1",
        "kind: AIResource",
        "metadata: { name: m1 }",
        "spec: { type: model, owner: team-a, license: 'weird licence', artifact: { digest: 'sha256:zz' }, modelCard: { metrics: [ { name: acc } ] } }",
        "---",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Resource",
        "metadata: { name: m2 }",
        "spec: { type: ai-model, owner: team-a, dependencyOf: [component:srv] }",
        "---",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Component",
        "metadata: { name: srv }",
        "spec: { type: model-server, owner: team-a, lifecycle: production, serverUrl: 'not a url' }",
        "---",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Resource",
        "metadata: { name: d1 }",
        "spec: { type: dataset, owner: team-a, location: '::bad', personalData: { present: true } }",
        "");
    JsonNode bom = aiBom.export(Fixtures.catalog(yaml));
    assertThat(validate(bom)).isEmpty();
    assertThat(new ObjectMapper().writeValueAsString(bom)).contains("airesource:default/m1", "resource:default/m2", "resource:default/d1");
  }

  private static JsonNode find(JsonNode list, String ref) {
    for (JsonNode n : list) {
      if (n.path("bom-ref").asText().equals(ref)) {
        return n;
      }
    }
    throw new AssertionError("no " + ref + " in " + list);
  }
}
