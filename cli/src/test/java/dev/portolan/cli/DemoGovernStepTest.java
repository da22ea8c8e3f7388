package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.core.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGovernStepTest {

  @TempDir Path dir;

  @Test
  void owned_subTeamsAndTeamsOwningNothing_everyGroupListedWithItsSubTeamsEntities() throws IOException {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: org}
        spec: {type: organization, children: [team-a, idle]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team-a}
        spec: {type: team, children: [team-a-sub]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team-a-sub}
        spec: {type: sub-team, children: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: idle}
        spec: {type: team, children: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: web}
        spec: {type: website, lifecycle: production, owner: team-a}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: job}
        spec: {type: service, lifecycle: production, owner: team-a-sub}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: stray}
        spec: {type: service, lifecycle: production, owner: ghost}
        """);

    var owned = DemoGovernStep.owned(Catalog.builder().root(dir).location(file).build().snapshot());

    assertThat(owned).containsExactly(
        Map.entry("group:default/idle", 0),
        Map.entry("group:default/org", 2),
        Map.entry("group:default/team-a", 2),
        Map.entry("group:default/team-a-sub", 1));
  }
}
