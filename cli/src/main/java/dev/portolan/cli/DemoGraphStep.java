package dev.portolan.cli;

import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.EntityGraph;
import dev.portolan.catalog.core.Relation;
import dev.portolan.catalog.core.Subgraph;
import dev.portolan.catalog.core.WellKnownRelation;
import dev.portolan.catalog.model.EntityRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependsOn graph around one service, as {@code portolan graph} computes it: a text tree of its
 * dependencies and of its dependents, and the whole neighbourhood written as DOT and Mermaid files.
 */
final class DemoGraphStep implements DemoStep {

  /** The service the demo looks at: it has both dependencies and a dependent. */
  static final EntityRef SERVICE = EntityRef.parse("component:default/ledger-worker");

  @Override
  public String title() {
    return "The dependency graph around " + SERVICE;
  }

  @Override
  public boolean run(DemoContext context) {
    PrintWriter out = context.out();
    CatalogSnapshot s = context.catalog().snapshot();
    if (s.entity(SERVICE).isEmpty()) {
      out.println(SERVICE + ": no such entity in the catalog (" + s.size() + " entities loaded)");
      return false;
    }
    Set<WellKnownRelation> dependsOn = Set.of(WellKnownRelation.DEPENDS_ON);
    Subgraph down = s.graph().traverse(SERVICE, dependsOn, EntityGraph.Direction.OUTGOING, EntityGraph.UNBOUNDED);
    Subgraph up = s.graph().traverse(SERVICE, dependsOn, EntityGraph.Direction.INCOMING, EntityGraph.UNBOUNDED);
    out.println("Dependencies (what " + SERVICE.name() + " depends on):");
    tree(out, SERVICE, children(down, true), "  ", new HashSet<>());
    out.println();
    out.println("Dependents (what depends on " + SERVICE.name() + "):");
    tree(out, SERVICE, children(up, false), "  ", new HashSet<>());
    out.println();
    Subgraph both = s.graph().traverse(SERVICE, dependsOn, EntityGraph.Direction.BOTH, EntityGraph.UNBOUNDED);
    out.println("Neighbourhood: " + SERVICE.name() + " and " + both.nodes().size() + " other entities, "
        + both.edges().size() + " dependsOn edges");
    try {
      Path dot = context.outDir().resolve(SERVICE.name() + ".dot");
      Path mermaid = context.outDir().resolve(SERVICE.name() + ".mmd");
      Files.writeString(dot, both.toDot(), StandardCharsets.UTF_8);
      Files.writeString(mermaid, both.toMermaid(), StandardCharsets.UTF_8);
      context.wrote("Graphviz DOT", dot);
      context.wrote("Mermaid flowchart", mermaid);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the graph files", e);
    }
    return true;
  }

  /** Each node's neighbours along the traversal: targets of its edges going down, sources going up. */
  private static Map<EntityRef, List<EntityRef>> children(Subgraph g, boolean outgoing) {
    Map<EntityRef, List<EntityRef>> children = new LinkedHashMap<>();
    for (Relation r : g.edges()) {
      boolean forward = r.type().id().equals(WellKnownRelation.DEPENDS_ON.id());
      EntityRef dependent = forward ? r.source() : r.target();
      EntityRef dependency = forward ? r.target() : r.source();
      if (outgoing) {
        children.computeIfAbsent(dependent, k -> new ArrayList<>()).add(dependency);
      } else {
        children.computeIfAbsent(dependency, k -> new ArrayList<>()).add(dependent);
      }
    }
    children.values().forEach(l -> l.sort(java.util.Comparator.comparing(EntityRef::toString)));
    return children;
  }

  private static void tree(PrintWriter out, EntityRef node, Map<EntityRef, List<EntityRef>> children, String indent,
      Set<EntityRef> path) {
    out.println(indent + node + (path.contains(node) ? " (cycle)" : ""));
    if (!path.add(node)) {
      return;
    }
    List<EntityRef> next = children.getOrDefault(node, List.of());
    if (indent.length() == 2 && next.isEmpty()) {
      out.println(indent + "  (none)");
    }
    for (EntityRef c : next) {
      tree(out, c, children, indent + "  ", path);
    }
    path.remove(node);
  }
}
