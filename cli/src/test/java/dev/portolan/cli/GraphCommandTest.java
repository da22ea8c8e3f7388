package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {

  @TempDir Path dir;

  @Test
  void graph_dependenciesJson_nodesWithoutStartAndEdges() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("graph", CatalogCliFixture.write(dir).toString(),
        "--entity", "component:default/web", "--format", "json");
    assertThat(r.exit()).isZero();
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertThat(n.get("entity").asText()).isEqualTo("component:default/web");
    assertThat(n.get("direction").asText()).isEqualTo("dependencies");
    assertThat(n.get("nodes").toString()).isEqualTo("[\"component:default/api\",\"resource:default/db\"]");
    assertThat(n.get("edges").get(0).toString()).isEqualTo(
        "{\"source\":\"component:default/web\",\"type\":\"dependsOn\",\"target\":\"component:default/api\"}");
  }

  @Test
  void graph_dependentsWithDepth_boundedAndDot() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("graph", CatalogCliFixture.write(dir).toString(),
        "--entity", "resource:db", "--direction", "dependents", "--depth", "1");
    assertThat(r.out()).startsWith("digraph catalog {")
        .contains("\"component:default/api\" -> \"resource:default/db\" [label=\"dependsOn\"];")
        .doesNotContain("component:default/web");
  }

  @Test
  void graph_mermaid_flowchart() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("graph", CatalogCliFixture.write(dir).toString(),
        "--entity", "component:web", "--format", "mermaid");
    assertThat(r.out()).startsWith("flowchart LR").contains("-->|dependsOn|");
  }

  @Test
  void graph_unknownEntity_exitOneWithMessage() throws Exception {
    CatalogCliFixture.Run r = CatalogCliFixture.run("graph", CatalogCliFixture.write(dir).toString(),
        "--entity", "component:nope");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("component:default/nope: no such entity");
  }
}
