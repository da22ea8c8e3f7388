package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.scaffolder.ScaffoldRequest;
import dev.portolan.scaffolder.ScaffoldResult;
import dev.portolan.scaffolder.Scaffolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogActionsTest {

  @TempDir Path dir;

  Path template(String steps) throws IOException {
    return Files.writeString(dir.resolve("template.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: cat
        spec:
          type: service
        """ + steps, StandardCharsets.UTF_8);
  }

  Catalog catalog() throws IOException {
    Path cat = Files.writeString(dir.resolve("org.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: team-a
        spec:
          type: team
          children: []
        """, StandardCharsets.UTF_8);
    return Catalog.builder().location(cat).build();
  }

  @Test
  void fetch_knownAndOptionalMissing_outputsEntities() throws IOException {
    Scaffolder s = Scaffolder.builder().catalog(catalog()).build();
    ScaffoldResult r = s.run(ScaffoldRequest.dryRun(s.loadTemplate(template("""
          steps:
            - id: owner
              action: catalog:fetch
              input:
                entityRef: team-a
                defaultKind: group
            - id: many
              action: catalog:fetch
              input:
                entityRefs: [group:team-a, group:nobody]
                optional: true
          output:
            owner: ${{ steps.owner.output.entity.metadata.name }}
            second: ${{ steps.many.output.entities[1] }}
        """)), EngineTest.json("{}")));
    assertThat(r.error()).isEmpty();
    assertThat(r.output()).isEqualTo(EngineTest.json("{\"owner\":\"team-a\",\"second\":null}"));
  }

  @Test
  void fetch_missingRequired_failsTheStep() throws IOException {
    Scaffolder s = Scaffolder.builder().catalog(catalog()).build();
    ScaffoldResult r = s.run(ScaffoldRequest.dryRun(s.loadTemplate(template("""
          steps:
            - action: catalog:fetch
              input: {entityRef: "component:default/ghost"}
        """)), EngineTest.json("{}")));
    assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).contains("entity component:default/ghost not found"));
  }

  @Test
  void register_generatedFile_isRegisteredFromOutputDirectoryAfterTheRun() throws IOException {
    Catalog catalog = catalog();
    Scaffolder s = Scaffolder.builder().catalog(catalog).build();
    Path out = dir.resolve("out");
    ScaffoldResult r = s.run(ScaffoldRequest.into(s.loadTemplate(template("""
          steps:
            - action: catalog:write
              input:
                entity:
                  apiVersion: backstage.io/v1alpha1
                  kind: Component
                  metadata: {name: new-svc}
                  spec: {type: service, lifecycle: experimental, owner: group:team-a}
            - id: register
              action: catalog:register
              input: {catalogInfoUrl: ./catalog-info.yaml}
          output:
            ref: ${{ steps.register.output.entityRef }}
        """)), EngineTest.json("{}"), out));
    assertThat(r.error()).isEmpty();
    assertThat(r.output().get("ref").asText()).isEqualTo("component:default/new-svc");
    assertThat(catalog.snapshot().entity("component:default/new-svc")).isPresent();
  }

  @Test
  void register_inDryRun_isSkippedWithExampleOutput() throws IOException {
    Scaffolder s = Scaffolder.builder().catalog(catalog()).build();
    ScaffoldResult r = s.run(ScaffoldRequest.dryRun(s.loadTemplate(template("""
          steps:
            - id: register
              action: catalog:register
              input: {catalogInfoUrl: https://example.com/catalog-info.yaml}
        """)), EngineTest.json("{}")));
    assertThat(r.steps().get(0).status()).isEqualTo("dry-run-skipped");
    assertThat(r.steps().get(0).output().get("entityRef").asText()).isEqualTo("<example>");
  }
}
