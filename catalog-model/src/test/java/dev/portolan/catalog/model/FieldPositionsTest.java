package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPositionsTest {

  private static final String YAML = """
      kind: Component
      metadata:
        name: a
        tags: [x, y]
      spec:
        owner: group:default/team
        dependsOn:
          - resource:default/zeta
          - resource:default/alpha
        base: &b
          k: v
        copy: *b
      """;

  private static SourceDocument doc() {
    List<SourceDocument> docs = DocumentReader.create().read("c.yaml", YAML);
    return docs.get(0);
  }

  private static SourcePosition at(int line, int column) {
    return new SourcePosition(line, column);
  }

  @Test
  void position_scalarsAndContainers_valueOrKeyWhereWritten() {
    SourceDocument d = doc();
    FieldPositions p = FieldPositions.of(d, d.json().orElseThrow());
    assertThat(p.isKnown()).isTrue();
    assertThat(p.position(FieldPath.ROOT)).contains(at(1, 1));
    assertThat(p.position(FieldPath.parse("kind"))).contains(at(1, 7));
    assertThat(p.position(FieldPath.parse("spec.owner"))).contains(at(6, 10));
    assertThat(p.position(FieldPath.parse("spec.dependsOn"))).contains(at(7, 3));
    assertThat(p.position(FieldPath.parse("spec.dependsOn[1]"))).contains(at(9, 7));
    assertThat(p.position(FieldPath.parse("metadata.tags[1]"))).contains(at(4, 13));
    assertThat(p.position(FieldPath.parse("spec.copy.k"))).contains(at(11, 8));
  }

  @Test
  void position_reorderedArrayAndAddedFields_itemsFoundByValueOthersAtAncestor() {
    SourceDocument d = doc();
    ObjectNode tree = (ObjectNode) d.json().orElseThrow();
    ArrayNode deps = (ArrayNode) tree.get("spec").get("dependsOn");
    JsonNode first = deps.remove(0);
    deps.add(first);
    ((ObjectNode) tree.get("metadata")).put("namespace", "default");
    FieldPositions p = FieldPositions.of(d, tree);
    assertThat(p.position(FieldPath.parse("spec.dependsOn[0]"))).contains(at(9, 7));
    assertThat(p.position(FieldPath.parse("spec.dependsOn[1]"))).contains(at(8, 7));
    assertThat(p.position(FieldPath.parse("metadata.namespace"))).contains(at(2, 1));
    assertThat(p.position(FieldPath.parse("spec.missing.deeper"))).contains(at(5, 1));
    assertThat(p.position(FieldPath.parse("spec.dependsOn[7]"))).contains(at(7, 3));
  }

  @Test
  void position_unreadableDocumentOrNone_empty() {
    SourceDocument bad = DocumentReader.create().read("bad.yaml", "a: [1, 2\n").get(0);
    assertThat(bad.error()).isPresent();
    assertThat(FieldPositions.of(bad, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode())
        .position(FieldPath.ROOT)).isEmpty();
    assertThat(FieldPositions.none().position(FieldPath.parse("spec"))).isEmpty();
    assertThat(FieldPositions.none().isKnown()).isFalse();
  }
}
