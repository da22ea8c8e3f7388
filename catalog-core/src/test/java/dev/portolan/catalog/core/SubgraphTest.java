package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.EntityRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubgraphTest {

  static final EntityRef A = EntityRef.of("component", "default", "a\"b");
  static final EntityRef B = EntityRef.of("component", "default", "x<y>#z");

  @Test
  void toDot_quotesAndBackslashes_escaped() {
    Subgraph g = new Subgraph(A, List.of(B), List.of(new Relation(A, WellKnownRelation.DEPENDS_ON, B, A,
        Optional.empty())));
    assertThat(g.toDot()).contains("\"component:default/a\\\"b\" [style=bold];")
        .contains("\"component:default/a\\\"b\" -> \"component:default/x<y>#z\" [label=\"dependsOn\"];");
  }

  @Test
  void toMermaid_specialCharacters_entityCoded() {
    Subgraph g = new Subgraph(A, List.of(B), List.of(new Relation(A, WellKnownRelation.DEPENDS_ON, B, A,
        Optional.empty())));
    assertThat(g.toMermaid()).isEqualTo("flowchart LR\n  n0[\"component:default/a#quot;b\"]\n"
        + "  n1[\"component:default/x#lt;y#gt;#35;z\"]\n  n0 -->|dependsOn| n1\n");
  }
}
