package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EntityGraphTest {

  static CatalogSnapshot load(Profile profile, String yaml) throws IOException {
    Path dir = Files.createTempDirectory("graph");
    Files.writeString(dir.resolve("catalog.yaml"), yaml);
    try {
      return Catalog.builder().profile(profile).location(dir).build().snapshot();
    } finally {
      Files.delete(dir.resolve("catalog.yaml"));
      Files.delete(dir);
    }
  }

  static String comp(String name, String owner, String system, String... deps) {
    return "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name
        + "\nspec:\n  type: service\n  lifecycle: production\n  owner: " + owner
        + (system == null ? "" : "\n  system: " + system)
        + "\n  dependsOn: [" + String.join(", ", deps) + "]\n";
  }

  static final String ORG = """
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: org}
      spec: {type: org, children: [team-a]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team-a}
      spec: {type: team, children: [], parent: org}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata: {name: jo}
      spec: {memberOf: [team-a]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: System
      metadata: {name: shop}
      spec: {owner: org, domain: retail}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Domain
      metadata: {name: retail}
      spec: {owner: org}
      """;

  static EntityRef c(String name) {
    return EntityRef.parse("component:default/" + name);
  }

  @Test
  void dependents_chainAndCycle_transitiveWithDepthBound() throws IOException {
    CatalogSnapshot s = load(Profile.CORE, ORG + comp("a", "team-a", "shop", "component:b")
        + comp("b", "org", null, "component:c") + comp("c", "org", null, "component:a") + comp("d", "org", null,
        "component:c"));
    EntityGraph g = s.graph();
    assertThat(g.dependents(c("c"), EntityGraph.UNBOUNDED)).containsExactly(c("b"), c("d"), c("a"));
    assertThat(g.dependents(c("c"), 1)).containsExactlyInAnyOrder(c("b"), c("d"));
    assertThat(g.dependencies(c("a"), 2)).containsExactly(c("b"), c("c"));
    assertThat(g.dependencies(EntityRef.parse("component:nope"), 3)).isEmpty();
    assertThat(g.dependsOnCycles()).singleElement().satisfies(cy -> assertThat(cy).hasSize(4)
        .startsWith(c("a")).endsWith(c("a")));
    assertThat(s.problems()).extracting(CatalogProblem::kind).contains(CatalogProblem.Kind.DEPENDS_ON_CYCLE);
  }

  @Test
  void ownershipAndMembership_orgTree_transitive() throws IOException {
    CatalogSnapshot s = load(Profile.CORE, ORG + comp("a", "team-a", "shop") + comp("b", "org", null));
    EntityGraph g = s.graph();
    EntityRef org = EntityRef.parse("group:default/org");
    assertThat(g.ownedBy(org, false)).contains(c("b")).doesNotContain(c("a"));
    assertThat(g.ownedBy(org, true)).contains(c("a"), c("b"));
    assertThat(g.groupsOf(EntityRef.parse("user:default/jo")))
        .containsExactly(EntityRef.parse("group:default/team-a"), org);
    assertThat(g.owners(c("a"))).containsExactly(EntityRef.parse("group:default/team-a"));
    assertThat(g.parts(EntityRef.parse("system:default/shop"))).containsExactly(c("a"));
    assertThat(g.domainMembers(EntityRef.parse("domain:default/retail")))
        .containsExactly(EntityRef.parse("system:default/shop"), c("a"));
    assertThat(g.members(org, true)).containsExactly(EntityRef.parse("user:default/jo"));
    assertThat(g.shortestPath(EntityRef.parse("user:default/jo"), c("a")).orElseThrow())
        .extracting(Relation::toString).containsExactly("user:default/jo memberOf group:default/team-a",
            "group:default/team-a ownerOf component:default/a");
  }

  @Test
  void subgraph_dotAndMermaid_containEdges() throws IOException {
    CatalogSnapshot s = load(Profile.CORE, ORG + comp("a", "org", null, "component:b") + comp("b", "org", null));
    Subgraph sub = s.graph().traverse(c("a"), Set.of(WellKnownRelation.DEPENDS_ON), EntityGraph.Direction.OUTGOING,
        EntityGraph.UNBOUNDED);
    assertThat(sub.nodes()).containsExactly(c("b"));
    assertThat(sub.toDot()).contains("\"component:default/a\" -> \"component:default/b\" [label=\"dependsOn\"];");
    assertThat(sub.toMermaid()).contains("n0[\"component:default/a\"]").contains("n0 -->|dependsOn| n1");
  }

  @Test
  void traverse_both_unionWithoutSiblings() throws IOException {
    CatalogSnapshot s = load(Profile.CORE, ORG + comp("a", "org", null, "component:b") + comp("b", "org", null)
        + comp("c", "org", null, "component:b") + comp("z", "org", null, "component:a"));
    Subgraph sub = s.graph().traverse(c("a"), Set.of(WellKnownRelation.DEPENDS_ON), EntityGraph.Direction.BOTH,
        EntityGraph.UNBOUNDED);
    assertThat(sub.nodes()).containsExactly(c("b"), c("z"));
    assertThat(sub.edges()).hasSize(2);
  }

  @Property(tries = 60)
  void dependents_randomCatalog_agreeWithNaiveBfs(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 19) Integer> edgeEnds,
      @ForAll @IntRange(min = 0, max = 19) int start, @ForAll @IntRange(min = 1, max = 6) int depth)
      throws IOException {
    Map<Integer, Set<Integer>> deps = new HashMap<>();
    for (int i = 0; i + 1 < edgeEnds.size(); i += 2) {
      deps.computeIfAbsent(edgeEnds.get(i), k -> new HashSet<>()).add(edgeEnds.get(i + 1));
    }
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      yaml.append(comp("e" + i, "org", null, deps.getOrDefault(i, Set.of()).stream().map(d -> "component:e" + d)
          .toArray(String[]::new)));
    }
    CatalogSnapshot s = load(Profile.CORE, yaml.toString());
    Set<EntityRef> expected = new HashSet<>();
    Map<Integer, Integer> dist = new HashMap<>();
    ArrayDeque<Integer> q = new ArrayDeque<>();
    dist.put(start, 0);
    q.add(start);
    while (!q.isEmpty()) {
      int v = q.poll();
      if (dist.get(v) == depth) {
        continue;
      }
      for (Map.Entry<Integer, Set<Integer>> e : deps.entrySet()) {
        if (e.getValue().contains(v) && !dist.containsKey(e.getKey())) {
          dist.put(e.getKey(), dist.get(v) + 1);
          expected.add(c("e" + e.getKey()));
          q.add(e.getKey());
        }
      }
    }
    expected.remove(c("e" + start));
    assertThat(s.graph().dependents(c("e" + start), depth)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Property(tries = 30)
  void relations_everyRow_hasItsInverseUnderCore(@ForAll @Size(max = 30) List<@IntRange(max = 9) Integer> ends)
      throws IOException {
    StringBuilder yaml = new StringBuilder(ORG);
    for (int i = 0; i < 10; i++) {
      String dep = ends.size() > i ? "component:e" + ends.get(i) : "resource:missing";
      yaml.append(comp("e" + i, i % 2 == 0 ? "team-a" : "user:jo", i % 3 == 0 ? "shop" : null, dep));
    }
    CatalogSnapshot s = load(Profile.CORE, yaml.toString());
    for (CatalogEntity e : s.entities()) {
      for (Relation r : e.relations()) {
        s.entity(r.target()).ifPresent(t -> assertThat(t.relations()).extracting(Relation::toString)
            .contains(r.inverse().toString()));
      }
    }
  }
}
