package dev.portolan.catalog.core;

import dev.portolan.catalog.model.EntityRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A part of the entity graph: the entities reached from a start entity and the relations followed, ready to
 * export as Graphviz DOT or Mermaid.
 *
 * @param start the start entity
 * @param nodes the reached entities, without the start, in discovery order
 * @param edges the relations followed, in discovery order
 */
public record Subgraph(EntityRef start, List<EntityRef> nodes, List<Relation> edges) {

  /**
   * Copies the lists.
   *
   * @param start the start entity
   * @param nodes the reached entities, without the start, in discovery order
   * @param edges the relations followed, in discovery order
   */
  public Subgraph {
    Objects.requireNonNull(start, "start");
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * The subgraph as a Graphviz {@code digraph}; the start entity is drawn bold.
   *
   * @return the DOT text
   */
  public String toDot() {
    StringBuilder sb = new StringBuilder("digraph catalog {\n  rankdir=LR;\n  node [shape=box];\n");
    sb.append("  ").append(dotId(start)).append(" [style=bold];\n");
    for (EntityRef n : nodes) {
      sb.append("  ").append(dotId(n)).append(";\n");
    }
    for (Relation e : edges) {
      sb.append("  ").append(dotId(e.source())).append(" -> ").append(dotId(e.target()))
          .append(" [label=").append(dotQuote(e.type().id())).append("];\n");
    }
    return sb.append("}\n").toString();
  }

  /**
   * The subgraph as a Mermaid {@code flowchart}; node ids are {@code n0}, {@code n1}, ... in order (the
   * start is {@code n0}) and labels are the refs.
   *
   * @return the Mermaid text
   */
  public String toMermaid() {
    Map<EntityRef, String> ids = new HashMap<>();
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    node(sb, ids, start);
    for (EntityRef n : nodes) {
      node(sb, ids, n);
    }
    for (Relation e : edges) {
      node(sb, ids, e.source());
      node(sb, ids, e.target());
      sb.append("  ").append(ids.get(e.source())).append(" -->|").append(e.type().id()).append("| ")
          .append(ids.get(e.target())).append('\n');
    }
    return sb.toString();
  }

  private static void node(StringBuilder sb, Map<EntityRef, String> ids, EntityRef ref) {
    if (ids.containsKey(ref)) {
      return;
    }
    String id = "n" + ids.size();
    ids.put(ref, id);
    sb.append("  ").append(id).append("[\"").append(mermaidText(ref.toString())).append("\"]\n");
  }

  private static String mermaidText(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("#quot;");
        case '<' -> sb.append("#lt;");
        case '>' -> sb.append("#gt;");
        case '#' -> sb.append("#35;");
        case '\n', '\r' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String dotId(EntityRef ref) {
    return dotQuote(ref.toString());
  }

  private static String dotQuote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      if (c == '\n' || c == '\r') {
        sb.append("\\n");
        continue;
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }
}
