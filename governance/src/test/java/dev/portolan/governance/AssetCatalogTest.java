package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetCatalogTest {

  @Test
  void example_derivesTypedRelationsWithInverses() {
    AssetCatalog c = Fixtures.example();
    assertThat(c.size()).isEqualTo(6);
    assertThat(c.edges("component:default/claims-portal", Relation.USES_MODEL)).extracting(Edge::target)
        .containsExactly("airesource:default/claims-triage-llm");
    assertThat(c.edges("airesource:default/claims-triage-llm", Relation.MODEL_USED_BY)).extracting(Edge::target)
        .containsExactly("airesource:default/claims-ops-agent", "component:default/claims-portal");
    assertThat(c.edges("airesource:default/claims-triage-llm", Relation.TRAINED_ON)).extracting(Edge::target, Edge::resolved)
        .containsExactly(tuple("airesource:default/claims-history-2019-2024", true));
    assertThat(c.edges("airesource:default/claims-triage-llm", Relation.DERIVED_FROM)).extracting(Edge::target, Edge::resolved)
        .containsExactly(tuple("airesource:default/granite-3-8b-instruct", false));
    assertThat(c.edges("airesource:default/claims-ops-agent", Relation.USES_TOOL)).extracting(Edge::target)
        .containsExactly("api:default/claims-mcp");
    assertThat(c.edges("airesource:default/claims-ops-agent", Relation.DELEGATES_TO)).extracting(Edge::target)
        .containsExactly("airesource:default/ticketing-agent");
    Edge grant = c.edges("airesource:default/claims-ops-agent", Relation.HAS_ACCESS_TO).get(0);
    assertThat(grant.target()).isEqualTo("resource:default/claims-db");
    assertThat(grant.attributes()).containsEntry("environment", "production").containsEntry("permissions", List.of("read", "write"))
        .containsEntry("expires", "2026-08-30");
    assertThat(c.edges("resource:default/claims-db", Relation.ACCESSIBLE_BY)).extracting(Edge::target)
        .containsExactly("airesource:default/claims-ops-agent");
    assertThat(c.edges("component:default/claims-portal", Relation.DEPENDS_ON)).extracting(Edge::target)
        .containsExactly("airesource:default/claims-triage-llm", "resource:default/claims-db");
  }

  @Test
  void everyEdge_hasItsInverse() {
    AssetCatalog c = Fixtures.example();
    for (Asset a : c.assets()) {
      for (Edge e : c.edges(a.ref())) {
        assertThat(c.edges(e.target(), e.relation().inverse())).extracting(Edge::target).as(e.toString()).contains(a.ref());
      }
    }
  }

  @Test
  void aliases_classifyAsAiAssets() {
    AssetCatalog c = Fixtures.catalog(String.join("\n",
        "{apiVersion: backstage.io/v1beta1, kind: AIResource, metadata: {name: a}, spec: {type: model, owner: t}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: Resource, metadata: {name: b}, spec: {type: ai-model, owner: t, dependencyOf: [component:srv]}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: Resource, metadata: {name: c}, spec: {type: dataset, owner: t}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: Component, metadata: {name: d}, spec: {type: ai-agent, owner: t, model: b}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: Component, metadata: {name: srv}, spec: {type: model-server, owner: t}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: AiModelServerAPI, metadata: {name: f}, spec: {type: ai-model-server, owner: t, models: {available: [resource:b]}}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: API, metadata: {name: g, tags: [openai]}, spec: {type: openapi, owner: t}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: API, metadata: {name: h}, spec: {type: mcp-server, owner: t}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: Component, metadata: {name: user-app}, spec: {type: service, owner: t, consumesApis: [aimodelserverapi:f]}}"));
    assertThat(c.assets()).extracting(Asset::ref, Asset::kind, Asset::assetType).containsExactly(
        tuple("aimodelserverapi:default/f", "AiModelServerAPI", AssetType.MODEL_SERVER),
        tuple("airesource:default/a", "AiResource", AssetType.MODEL),
        tuple("api:default/g", "API", AssetType.MODEL_SERVER),
        tuple("api:default/h", "API", AssetType.TOOL_SERVER),
        tuple("component:default/d", "Component", AssetType.AGENT),
        tuple("component:default/srv", "Component", AssetType.MODEL_SERVER),
        tuple("component:default/user-app", "Component", AssetType.OTHER),
        tuple("resource:default/b", "Resource", AssetType.MODEL),
        tuple("resource:default/c", "Resource", AssetType.DATASET));
    assertThat(c.edges("component:default/srv", Relation.SERVES_MODEL)).extracting(Edge::target).containsExactly("resource:default/b");
    assertThat(c.edges("component:default/user-app", Relation.USES_MODEL)).extracting(Edge::target, e -> e.attributes().get("indirect"))
        .containsExactly(tuple("resource:default/b", "yes"));
    assertThat(c.edges("component:default/d", Relation.USES_MODEL)).extracting(Edge::target).containsExactly("resource:default/b");
  }

  @Test
  void yamlGotchas_yesNoAndDatesReadTheSameQuotedOrNot() {
    AssetCatalog c = Fixtures.catalog(String.join("\n",
        "{apiVersion: backstage.io/v1alpha1, kind: AiResource, metadata: {name: a}, spec: {type: dataset, owner: t, personalData: {present: yes}, date: 2026-05-10}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: AiResource, metadata: {name: b}, spec: {type: dataset, owner: t, personalData: {present: true}, date: '2026-05-10'}}",
        "---",
        "{\"apiVersion\": \"backstage.io/v1alpha1\", \"kind\": \"AiResource\", \"metadata\": {\"name\": \"c\"}, \"spec\": {\"type\": \"dataset\", \"owner\": \"t\", \"personalData\": {\"present\": \"yes\"}}}"));
    for (Asset a : c.assets()) {
      assertThat(a.text("spec.personalData.present")).as(a.ref()).contains("yes");
    }
    assertThat(c.get("airesource:default/a").orElseThrow().text("spec.date")).contains("2026-05-10");
  }

  @Test
  void badDocuments_areReportedWithLocationAndTheRestIsRead(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), String.join("\n",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Component",
        "metadata: {name: ok}",
        "spec: {type: service, owner: t, lifecycle: production}",
        "---",
        "- just a list",
        "---",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Component",
        "metadata: {title: no-name}",
        ""));
    Files.writeString(dir.resolve("d.yaml"), String.join("\n",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Component",
        "metadata: {name: ok}",
        "spec: {type: service, owner: t, lifecycle: production}",
        ""));
    Files.writeString(dir.resolve("b.yml"), "kind: [unclosed\n");
    Files.write(dir.resolve("c.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
    Files.writeString(dir.resolve("ignored.txt"), "kind: Component");
    AssetCatalog c = AssetCatalog.load(List.of(dir));
    assertThat(c.assets()).extracting(Asset::ref).containsExactly("component:default/ok");
    assertThat(c.problems()).extracting(Throwable::getMessage).satisfiesExactly(
        m -> assertThat(m).startsWith(dir.resolve("a.yaml") + ":6:1: ").contains("found a list"),
        m -> assertThat(m).startsWith(dir.resolve("a.yaml") + ":10:").contains("missing required field \"name\""),
        m -> assertThat(m).startsWith(dir.resolve("b.yml") + ":").contains("YAML syntax error"),
        m -> assertThat(m).startsWith(dir.resolve("c.yaml") + ":1:1: ").contains("invalid UTF-8"),
        m -> assertThat(m).startsWith(dir.resolve("d.yaml") + ":1:1: component:default/ok"));
    assertThat(c.problems().get(1).fieldPath()).contains("metadata");
    assertThat(c.problems().get(1).line()).isEqualTo(10);
  }

  @Test
  void load_followsLocationsResolvesPlaceholdersAndKeepsRejectedAliasesWithTheirProblem(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("catalog-info.yaml"), String.join("\n",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Location",
        "metadata: {name: root}",
        "spec: {targets: [./ai/models.yaml]}",
        ""));
    Files.createDirectories(dir.resolve("ai"));
    Files.writeString(dir.resolve("ai/purpose.txt"), "Routes claims");
    Files.writeString(dir.resolve("ai/models.yaml"), String.join("\n",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Component",
        "metadata:",
        "  name: claims",
        "  description: {$text: ./purpose.txt}",
        "spec: {type: service, owner: group:default/t, lifecycle: production, dependsOn: [airesource:default/llm]}",
        "---",
        "apiVersion: rhdh.io/v1",
        "kind: AIResource",
        "metadata: {name: llm}",
        "spec: {type: model, owner: group:default/t, lifecycle: production}",
        ""));
    AssetCatalog c = AssetCatalog.load(List.of(dir.resolve("catalog-info.yaml")));
    assertThat(c.get("component:default/claims")).get()
        .satisfies(a -> assertThat(a.text("metadata.description")).contains("Routes claims"));
    assertThat(c.get("airesource:default/llm")).get().satisfies(a -> {
      assertThat(a.assetType()).isEqualTo(AssetType.MODEL);
      assertThat(a.location()).get().extracting(l -> l.line()).isEqualTo(8);
    });
    assertThat(c.problems()).singleElement().satisfies(p -> {
      assertThat(p.getMessage()).contains("models.yaml:").contains("airesource:default/llm");
      assertThat(p.line()).isBetween(8, 11);
    });
    assertThat(c.edges("component:default/claims", Relation.USES_MODEL)).extracting(Edge::target)
        .containsExactly("airesource:default/llm");
  }

  @Test
  void hostileYaml_aliasBombAndDeepNesting_areRejectedNotExpanded() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 9; i++) {
      char p = (char) ('a' + i);
      char n = (char) ('a' + i + 1);
      bomb.append(n).append(": &").append(n).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
          .append(", *").append(p).append(", *").append(p).append("]\n");
    }
    AssetCatalog c = Fixtures.catalog(bomb.toString());
    assertThat(c.assets()).isEmpty();
    assertThat(c.problems()).hasSize(1);
    AssetCatalog deep = Fixtures.catalog("a: " + "[".repeat(5000) + "]".repeat(5000));
    assertThat(deep.problems()).hasSize(1);
  }

  @Test
  void ofCatalogCoreSnapshot_keepsEntitiesLocationsAndProblems(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("catalog-info.yaml"), Fixtures.resource("example-catalog.yaml")
        + "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: Bad_}\nspec: {type: service, owner: t, lifecycle: x}\n");
    dev.portolan.catalog.core.Catalog core = dev.portolan.catalog.core.Catalog.builder().location(dir).build();
    AssetCatalog c = AssetCatalog.of(core.snapshot());
    assertThat(c.assets()).extracting(Asset::ref).contains("airesource:default/claims-triage-llm", "component:default/claims-portal");
    assertThat(c.get("airesource:default/claims-ops-agent").flatMap(Asset::location).map(SourceLocation::line)).contains(57);
    assertThat(c.edges("component:default/claims-portal", Relation.USES_MODEL)).extracting(Edge::target)
        .containsExactly("airesource:default/claims-triage-llm");
    assertThat(c.problems()).singleElement().satisfies(p -> assertThat(p.getMessage()).contains("catalog-info.yaml:"));
    Report r = Fixtures.builtIn().evaluate(c);
    assertThat(r.results()).contains(new RuleResult("PRV-01", "component:default/claims-portal", RuleResult.Status.PASS));
  }

  @Test
  void fromCatalogModelEntity_isAccepted() {
    dev.portolan.catalog.model.Entity e = dev.portolan.catalog.model.Entity.parseJson(
        "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"AiResource\",\"metadata\":{\"name\":\"m\"},\"spec\":{\"type\":\"model\",\"owner\":\"t\"}}");
    AssetCatalog c = AssetCatalog.builder().add(e).build();
    assertThat(c.get("AiResource:default/m")).map(Asset::assetType).contains(AssetType.MODEL);
  }
}
