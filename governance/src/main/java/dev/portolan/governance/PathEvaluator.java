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

  private final AssetCatalog catalog;
  private final int maxDepth;

  PathEvaluator(AssetCatalog catalog, int maxDepth) {
    this.catalog = catalog;
    this.maxDepth = maxDepth;
  }

  /**
   * All nodes reached from a start, each with its shortest trail, in BFS order.
   */
  Map<String, Trail> reach(String start, PathExpr expr) {
    Map<String, Trail> frontier = new LinkedHashMap<>();
    frontier.put(start, Trail.start(start));
    return eval(expr, frontier);
  }

  private Map<String, Trail> eval(PathExpr e, Map<String, Trail> in) {
    if (in.isEmpty()) {
      return in;
    }
    if (e instanceof PathExpr.Step) {
      return step((PathExpr.Step) e, in);
    }
    if (e instanceof PathExpr.Seq) {
      Map<String, Trail> cur = in;
      for (PathExpr s : ((PathExpr.Seq) e).steps()) {
        cur = eval(s, cur);
        if (cur.isEmpty()) {
          break;
        }
      }
      return cur;
    }
    if (e instanceof PathExpr.Alt) {
      Map<String, Trail> out = null;
      for (PathExpr a : ((PathExpr.Alt) e).alternatives()) {
        Map<String, Trail> r = eval(a, in);
        if (r.isEmpty()) {
          continue;
        }
        if (out == null) {
          out = new LinkedHashMap<>();
        }
        merge(out, r);
      }
      return out == null ? java.util.Collections.emptyMap() : out;
    }
    if (e instanceof PathExpr.Group) {
      return eval(((PathExpr.Group) e).inner(), in);
    }
    if (e instanceof PathExpr.Optional) {
      Map<String, Trail> out = new LinkedHashMap<>(in);
      merge(out, eval(((PathExpr.Optional) e).inner(), in));
      return out;
    }
    PathExpr.Repeat r = (PathExpr.Repeat) e;
    Map<String, Trail> visited = new LinkedHashMap<>();
    Map<String, Trail> result = new LinkedHashMap<>();
    if (r.min() == 0) {
      result.putAll(in);
    }
    visited.putAll(in);
    Map<String, Trail> frontier = in;
    int depth = 0;
    while (!frontier.isEmpty() && depth++ < maxDepth) {
      Map<String, Trail> next = eval(r.inner(), frontier);
      Map<String, Trail> fresh = new LinkedHashMap<>();
      for (Map.Entry<String, Trail> en : next.entrySet()) {
        result.putIfAbsent(en.getKey(), en.getValue());
        if (!visited.containsKey(en.getKey())) {
          visited.put(en.getKey(), en.getValue());
          fresh.put(en.getKey(), en.getValue());
        }
      }
      frontier = fresh;
    }
    return result;
  }

  private static void merge(Map<String, Trail> out, Map<String, Trail> add) {
    for (Map.Entry<String, Trail> en : add.entrySet()) {
      Trail have = out.get(en.getKey());
      if (have == null || en.getValue().length < have.length) {
        out.put(en.getKey(), en.getValue());
      }
    }
  }

  private Map<String, Trail> step(PathExpr.Step s, Map<String, Trail> in) {
    Map<String, Trail> out = null;
    for (Map.Entry<String, Trail> en : in.entrySet()) {
      List<Edge> edges = catalog.edges(en.getKey(), s.relation());
      for (int i = 0, n = edges.size(); i < n; i++) {
        Edge edge = edges.get(i);
        if (!s.filters().isEmpty() && !matches(edge, s.filters())) {
          continue;
        }
        if (out == null) {
          out = new LinkedHashMap<>();
        }
        if (!out.containsKey(edge.target())) {
          out.put(edge.target(), en.getValue().then(s.relation(), edge.target()));
        }
      }
    }
    return out == null ? java.util.Collections.emptyMap() : out;
  }

  static boolean matches(Edge edge, List<PathExpr.Filter> filters) {
    for (PathExpr.Filter f : filters) {
      Object v = edge.attributes().get(f.attribute());
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
