package dev.portolan.governance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates {@link PathExpr} over an {@link AssetCatalog}, breadth-first, with shortest witness trails. */
final class PathEvaluator {

  /** A persistent witness trail: start, then (relation, node) pairs. */
  static final class Trail {
    final Trail prev;
    final Relation relation;
    final String node;
    final int length;

    Trail(Trail prev, Relation relation, String node) {
      this.prev = prev;
      this.relation = relation;
      this.node = node;
      this.length = prev == null ? 0 : prev.length + 1;
    }

    static Trail start(String ref) {
      return new Trail(null, null, ref);
    }

    Trail then(Relation r, String target) {
      return new Trail(this, r, target);
    }

    Trail append(Trail suffix) {
      if (suffix.prev == null) {
        return this;
      }
      return append(suffix.prev).then(suffix.relation, suffix.node);
    }

    List<String> toList() {
      String[] out = new String[length * 2 + 1];
      Trail t = this;
      int i = out.length - 1;
      while (t != null) {
        out[i--] = t.node;
        if (t.relation != null) {
          out[i--] = t.relation.id();
        }
        t = t.prev;
      }
      return List.of(out);
    }
  }

  /** Nodes with their trails, in insertion order, keyed by node id (open addressing). */
  static final class Frontier {
    private int[] nodes;
    private Trail[] trails;
    private int[] slots;
    private int size;

    Frontier(int capacity) {
      int c = Math.max(4, Integer.highestOneBit(Math.max(1, capacity) * 2 - 1));
      nodes = new int[c];
      trails = new Trail[c];
      slots = new int[c * 2];
    }

    int size() {
      return size;
    }

    boolean isEmpty() {
      return size == 0;
    }

    int node(int i) {
      return nodes[i];
    }

    Trail trail(int i) {
      return trails[i];
    }

    private int slot(int node) {
      int mask = slots.length - 1;
      int h = (node * 0x9E3779B9) >>> 7 & mask;
      while (true) {
        int s = slots[h];
        if (s == 0 || nodes[s - 1] == node) {
          return h;
        }
        h = (h + 1) & mask;
      }
    }

    /** The position of a node, or -1. */
    int indexOf(int node) {
      int s = slots[slot(node)];
      return s - 1;
    }

    boolean contains(int node) {
      return indexOf(node) >= 0;
    }

    Trail get(int node) {
      int i = indexOf(node);
      return i < 0 ? null : trails[i];
    }

    /** Adds a node when absent; returns whether it was added. */
    boolean putIfAbsent(int node, Trail trail) {
      int h = slot(node);
      if (slots[h] != 0) {
        return false;
      }
      if (size == nodes.length) {
        grow();
        h = slot(node);
      }
      nodes[size] = node;
      trails[size] = trail;
      slots[h] = ++size;
      return true;
    }

    /** Adds a node, or replaces its trail by a shorter one. */
    void putShorter(int node, Trail trail) {
      int i = indexOf(node);
      if (i < 0) {
        putIfAbsent(node, trail);
      } else if (trail.length < trails[i].length) {
        trails[i] = trail;
      }
    }

    void putAll(Frontier other) {
      for (int i = 0; i < other.size; i++) {
        putIfAbsent(other.nodes[i], other.trails[i]);
      }
    }

    private void grow() {
      int[] oldNodes = nodes;
      Trail[] oldTrails = trails;
      int n = size;
      nodes = java.util.Arrays.copyOf(oldNodes, n * 2);
      trails = java.util.Arrays.copyOf(oldTrails, n * 2);
      slots = new int[n * 4];
      for (int i = 0; i < n; i++) {
        slots[slot(nodes[i])] = i + 1;
      }
    }
  }

  private static final Frontier EMPTY = new Frontier(1);

  private final EdgeIndex graph;
  private final int maxDepth;

  PathEvaluator(AssetCatalog catalog, int maxDepth) {
    this.graph = catalog.graph();
    this.maxDepth = maxDepth;
  }

  /**
   * All nodes reached from a start, each with its shortest trail, in BFS order.
   */
  Map<String, Trail> reach(String start, PathExpr expr) {
    int id = graph.id(start);
    Frontier in = new Frontier(1);
    if (id < 0) {
      // not in the graph: no edges leave it, but an optional or zero-length path still reaches it
      Frontier none = eval(expr, EMPTY_START);
      return none.isEmpty() ? Map.of() : Map.of(start, Trail.start(start));
    }
    in.putIfAbsent(id, Trail.start(graph.ref(id)));
    Frontier out = eval(expr, in);
    if (out.isEmpty()) {
      return Map.of();
    }
    Map<String, Trail> m = new LinkedHashMap<>(out.size() * 2);
    for (int i = 0; i < out.size(); i++) {
      m.put(graph.ref(out.node(i)), out.trail(i));
    }
    return m;
  }

  /** A start with no edges, used to decide whether a path can be empty. */
  private static final Frontier EMPTY_START = startWithoutEdges();

  private static Frontier startWithoutEdges() {
    Frontier f = new Frontier(1);
    f.putIfAbsent(-1, Trail.start(""));
    return f;
  }

  private Frontier eval(PathExpr e, Frontier in) {
    if (in.isEmpty()) {
      return in;
    }
    if (e instanceof PathExpr.Step) {
      return step((PathExpr.Step) e, in);
    }
    if (e instanceof PathExpr.Seq) {
      Frontier cur = in;
      for (PathExpr s : ((PathExpr.Seq) e).steps()) {
        cur = eval(s, cur);
        if (cur.isEmpty()) {
          break;
        }
      }
      return cur;
    }
    if (e instanceof PathExpr.Alt) {
      Frontier out = null;
      for (PathExpr a : ((PathExpr.Alt) e).alternatives()) {
        Frontier r = eval(a, in);
        if (r.isEmpty()) {
          continue;
        }
        if (out == null) {
          out = new Frontier(r.size());
        }
        for (int i = 0; i < r.size(); i++) {
          out.putShorter(r.node(i), r.trail(i));
        }
      }
      return out == null ? EMPTY : out;
    }
    if (e instanceof PathExpr.Group) {
      return eval(((PathExpr.Group) e).inner(), in);
    }
    if (e instanceof PathExpr.Optional) {
      Frontier out = new Frontier(in.size() * 2);
      out.putAll(in);
      Frontier r = eval(((PathExpr.Optional) e).inner(), in);
      for (int i = 0; i < r.size(); i++) {
        out.putShorter(r.node(i), r.trail(i));
      }
      return out;
    }
    PathExpr.Repeat r = (PathExpr.Repeat) e;
    Frontier visited = new Frontier(in.size() * 2);
    Frontier result = new Frontier(in.size() * 2);
    if (r.min() == 0) {
      result.putAll(in);
    }
    visited.putAll(in);
    Frontier frontier = in;
    int depth = 0;
    while (!frontier.isEmpty() && depth++ < maxDepth) {
      Frontier next = eval(r.inner(), frontier);
      Frontier fresh = new Frontier(next.size());
      for (int i = 0; i < next.size(); i++) {
        int node = next.node(i);
        result.putIfAbsent(node, next.trail(i));
        if (visited.putIfAbsent(node, next.trail(i))) {
          fresh.putIfAbsent(node, next.trail(i));
        }
      }
      frontier = fresh;
    }
    return result;
  }

  private Frontier step(PathExpr.Step s, Frontier in) {
    Frontier out = null;
    Relation rel = s.relation();
    boolean filtered = !s.filters().isEmpty();
    for (int i = 0; i < in.size(); i++) {
      int node = in.node(i);
      if (node < 0) {
        continue;
      }
      int from = graph.start(rel, node);
      int to = graph.end(rel, node);
      for (int k = from; k < to; k++) {
        if (filtered && !matches(graph.attributes(rel, k), s.filters())) {
          continue;
        }
        int target = graph.target(rel, k);
        if (out == null) {
          out = new Frontier(to - from);
        } else if (out.contains(target)) {
          continue;
        }
        out.putIfAbsent(target, in.trail(i).then(rel, graph.ref(target)));
      }
    }
    return out == null ? EMPTY : out;
  }

  static boolean matches(Map<String, Object> attributes, List<PathExpr.Filter> filters) {
    for (PathExpr.Filter f : filters) {
      Object v = attributes.get(f.attribute());
      Collection<String> have = values(v);
      boolean ok;
      switch (f.op()) {
        case EQUALS:
          ok = have.size() == 1 && f.values().contains(have.iterator().next());
          break;
        case NOT_EQUALS:
          ok = !(have.size() == 1 && f.values().contains(have.iterator().next()));
          break;
        case HAS:
          ok = have.containsAll(f.values());
          break;
        case ANY:
          ok = have.stream().anyMatch(f.values()::contains);
          break;
        default:
          ok = have.size() == 1 && f.values().contains(have.iterator().next());
          break;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Collection<String> values(Object v) {
    if (v == null) {
      return Set.of();
    }
    if (v instanceof List) {
      List<String> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(String.valueOf(o).toLowerCase(java.util.Locale.ROOT));
      }
      return out;
    }
    return List.of(String.valueOf(v).toLowerCase(java.util.Locale.ROOT));
  }
}
