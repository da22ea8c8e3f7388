package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.RelationType;
import dev.portolan.catalog.core.WellKnownRelation;
import dev.portolan.catalog.model.EntityRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceProcessorTest {

  static final String CATALOG = String.join("\n",
      "apiVersion: backstage.io/v1alpha1",
      "kind: AiResource",
      "metadata: {name: llm}",
      "spec: {type: model, owner: group:default/ml, lifecycle: production, trainedOn: [claims-data],",
      "  evaluatedOn: [holdout], baseModel: base}",
      "---",
      "apiVersion: backstage.io/v1alpha1",
      "kind: AiResource",
      "metadata: {name: claims-data}",
      "spec: {type: dataset, owner: group:default/ml, lifecycle: production}",
      "---",
      "apiVersion: backstage.io/v1alpha1",
      "kind: AiResource",
      "metadata: {name: triage-agent}",
      "spec:",
      "  type: agent",
      "  owner: group:default/ml",
      "  lifecycle: production",
      "  model: airesource:default/llm",
      "  handoffs: [other-agent]",
      "  accessGrants: [{target: resource:default/claims-db, environment: production, permissions: [write]}]",
      "");

  static List<String> rows(CatalogSnapshot s, String ref) {
    return s.relations(EntityRef.parse(ref)).stream().map(r -> r.type().id() + " " + r.target()).toList();
  }

  @Test
  void processor_inCatalogBuilder_addsTheDeclaredAiRelationsAndTheirInverses(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, CATALOG);
    CatalogSnapshot s = Catalog.builder().location(file).processor(GovernanceProcessor.create()).build().snapshot();
    assertThat(s.errors()).extracting(CatalogProblem::kind).containsOnly(CatalogProblem.Kind.DANGLING_RELATION);
    assertThat(s.danglingRelations()).extracting(d -> d.toString())
        .anySatisfy(d -> assertThat(d).contains("delegatesTo").contains("airesource:default/other-agent"));
    assertThat(rows(s, "airesource:default/llm")).contains(
        "trainedOn airesource:default/claims-data", "dependsOn airesource:default/claims-data",
        "evaluatedOn airesource:default/holdout", "derivedFrom airesource:default/base",
        "modelUsedBy airesource:default/triage-agent");
    assertThat(rows(s, "airesource:default/claims-data")).contains("trainingDataOf airesource:default/llm",
        "dependencyOf airesource:default/llm");
    assertThat(rows(s, "airesource:default/triage-agent")).contains("usesModel airesource:default/llm",
        "delegatesTo airesource:default/other-agent", "hasAccessTo resource:default/claims-db",
        "dependsOn resource:default/claims-db");
  }

  @Test
  void processor_sameEntities_emitsWhatTheAssetCatalogDerivesForDeclaredFields(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, CATALOG);
    CatalogSnapshot s = Catalog.builder().location(file).processor(GovernanceProcessor.create()).build().snapshot();
    AssetCatalog assets = AssetCatalog.of(s);
    for (Relation r : List.of(Relation.TRAINED_ON, Relation.USES_MODEL, Relation.HAS_ACCESS_TO, Relation.DELEGATES_TO)) {
      for (Asset a : assets.assets()) {
        List<String> expected = assets.edges(a.ref(), r).stream().map(e -> r.id() + " " + e.target()).toList();
        assertThat(rows(s, a.ref())).containsAll(expected);
      }
    }
  }

  static final String CROSS_ENTITY = String.join("\n",
      "apiVersion: backstage.io/v1alpha1",
      "kind: AiResource",
      "metadata: {name: llm}",
      "spec: {type: model, owner: group:default/ml, lifecycle: production}",
      "---",
      "apiVersion: backstage.io/v1alpha1",
      "kind: API",
      "metadata: {name: inference}",
      "spec: {type: ai-model-server, owner: group:default/ml, lifecycle: production, definition: x,",
      "  models: {available: [airesource:default/llm]}}",
      "---",
      "apiVersion: backstage.io/v1alpha1",
      "kind: Component",
      "metadata: {name: portal}",
      "spec: {type: service, owner: group:default/web, lifecycle: production, consumesApis: [inference]}",
      "---",
      "apiVersion: backstage.io/v1alpha1",
      "kind: Component",
      "metadata: {name: batch}",
      "spec: {type: service, owner: group:default/web, lifecycle: production, dependsOn: [airesource:default/llm]}",
      "");

  @Test
  void processor_catalogPass_addsRelationsThatNeedOtherEntities(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, CROSS_ENTITY);
    CatalogSnapshot s = Catalog.builder().location(file).processor(GovernanceProcessor.create()).build().snapshot();
    assertThat(rows(s, "component:default/batch")).contains("usesModel airesource:default/llm");
    assertThat(rows(s, "component:default/portal")).contains("usesModel airesource:default/llm");
    dev.portolan.catalog.core.Relation indirect = s.relations(EntityRef.parse("component:default/portal")).stream()
        .filter(r -> r.type().id().equals("usesModel")).findFirst().orElseThrow();
    assertThat(indirect.attributes()).containsEntry("indirect", "yes").containsEntry("via", "api:default/inference");
    assertThat(rows(s, "airesource:default/llm")).contains("modelUsedBy component:default/batch",
        "modelUsedBy component:default/portal", "modelServedBy api:default/inference");
    assertThat(s.graph().shortestPath(EntityRef.parse("component:default/portal"), EntityRef.parse("airesource:default/llm")))
        .hasValueSatisfying(p -> assertThat(p).hasSize(1));
    assertThat(s.filter("relations.usesmodel=airesource:default/llm")).extracting(e -> e.ref().name())
        .containsExactly("batch", "portal");
  }

  @Test
  void processor_accessGrant_rowCarriesGrantAttributesAndField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, CATALOG);
    CatalogSnapshot s = Catalog.builder().location(file).processor(GovernanceProcessor.create()).build().snapshot();
    dev.portolan.catalog.core.Relation grant = s.relations(EntityRef.parse("airesource:default/triage-agent")).stream()
        .filter(r -> r.type().id().equals("hasAccessTo")).findFirst().orElseThrow();
    assertThat(grant.attributes()).containsEntry("environment", "production").containsEntry("permissions", List.of("write"));
    assertThat(grant.field()).map(Object::toString).contains("spec.accessGrants[0]");
    assertThat(s.danglingRelations()).filteredOn(d -> d.relation().type().id().equals("hasAccessTo")).singleElement()
        .satisfies(d -> assertThat(d.position()).map(p -> p.line()).contains(21));
  }

  @Test
  void relationType_backstageRelation_isWellKnownAndAiRelationsArePairs() {
    assertThat(GovernanceProcessor.relationType(Relation.DEPENDS_ON)).isEqualTo(WellKnownRelation.DEPENDS_ON);
    RelationType t = GovernanceProcessor.relationType(Relation.TRAINED_ON);
    assertThat(t.id()).isEqualTo("trainedOn");
    assertThat(t.inverse().id()).isEqualTo("trainingDataOf");
    assertThat(GovernanceProcessor.create().name()).isEqualTo("governance");
  }
}
