package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EdgeIndexTest {

  /** A catalog of components depending on each other (and on unregistered names), and agents with grants. */
  private static AssetCatalog catalog(List<List<Integer>> deps, List<List<Integer>> grants) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < deps.size(); i++) {
      List<String> refs = new ArrayList<>();
      for (int d : deps.get(i)) {
        refs.add(d % 3 == 2 ? "component:default/ghost-" + d : "component:default/c" + (d % deps.size()));
      }
      yaml.append("---\n{apiVersion: backstage.io/v1alpha1, kind: Component, metadata: {name: c").append(i)
          .append("}, spec: {type: service, owner: team, dependsOn: ").append(refs).append("}}\n");
    }
    for (int i = 0; i < grants.size(); i++) {
      yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: AiResource\nmetadata: {name: agent").append(i)
          .append("}\nspec:\n  type: agent\n  owner: team\n  accessGrants:\n");
      for (int g : grants.get(i)) {
        yaml.append("    - {target: component:default/c").append(g % Math.max(1, deps.size()))
            .append(", environment: ").append(g % 2 == 0 ? "production" : "staging").append("}\n");
      }
      if (grants.get(i).isEmpty()) {
        yaml.append("    []\n");
      }
    }
    return AssetCatalog.builder().addYaml(yaml.toString(), "c.yaml").build();
  }

  @Property(tries = 100)
  void edges_randomCatalogs_sortedWithInversesAndDeclaredTargets(
      @ForAll @Size(min = 1, max = 12) List<@Size(max = 5) List<@IntRange(min = 0, max = 30) Integer>> deps,
      @ForAll @Size(max = 4) List<@Size(max = 4) List<@IntRange(min = 0, max = 30) Integer>> grants) {
    AssetCatalog c = catalog(deps, grants);
    assertThat(c.problems()).isEmpty();
    for (int i = 0; i < deps.size(); i++) {
      Set<String> declared = new TreeSet<>();
      for (int d : deps.get(i)) {
        declared.add(d % 3 == 2 ? "component:default/ghost-" + d : "component:default/c" + (d % deps.size()));
      }
      assertThat(c.edges("component:default/c" + i, Relation.DEPENDS_ON)).extracting(Edge::target)
          .containsExactlyElementsOf(declared);
    }
    List<String> nodes = new ArrayList<>();
    c.assets().forEach(a -> nodes.add(a.ref()));
    for (int d = 0; d <= 30; d++) {
      nodes.add("component:default/ghost-" + d);
    }
    for (String n : nodes) {
      for (Relation r : Relation.values()) {
        List<Edge> edges = c.edges(n, r);
        for (int k = 1; k < edges.size(); k++) {
          assertThat(edges.get(k - 1).target()).isLessThanOrEqualTo(edges.get(k).target());
          if (r != Relation.HAS_ACCESS_TO && r != Relation.ACCESSIBLE_BY) {
            assertThat(edges.get(k - 1).target()).isNotEqualTo(edges.get(k).target());
          }
        }
        for (Edge e : edges) {
          assertThat(e.source()).isEqualTo(n);
          assertThat(e.resolved()).isEqualTo(c.get(e.target()).isPresent());
          assertThat(c.edges(e.target(), r.inverse()))
              .anySatisfy(back -> {
                assertThat(back.target()).isEqualTo(n);
                assertThat(back.attributes()).isEqualTo(e.attributes());
              });
        }
      }
    }
    for (int i = 0; i < grants.size(); i++) {
      assertThat(c.edges("airesource:default/agent" + i, Relation.HAS_ACCESS_TO)).hasSize(grants.get(i).size());
    }
  }
}
