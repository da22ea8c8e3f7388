package dev.portolan.governance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed governance graph in primitive form. Every ref gets an integer id: the catalog's entities first,
 * {@code 0..resolved-1} in ref order (the same order as {@link AssetCatalog#assets()}), then the targets
 * that are not in the catalog. Each relation is a compressed adjacency array: the edges leaving node
 * {@code n} are {@code targets[offsets[n]] .. targets[offsets[n + 1] - 1]}, sorted by target ref. Edge
 * attributes are kept only for the relations that have them. Immutable once built.
 */
final class EdgeIndex {

  private static final int[] NO_TARGETS = new int[0];

  private final String[] refs;
  private final int resolved;
  private final Map<String, Integer> ids;
  private final int[][] offsets;
  private final int[][] targets;
  private final Object[][] attributes;

  EdgeIndex(String[] refs, int resolved, Map<String, Integer> ids, int[][] offsets, int[][] targets,
      Object[][] attributes) {
    this.refs = refs;
    this.resolved = resolved;
    this.ids = ids;
    this.offsets = offsets;
    this.targets = targets;
    this.attributes = attributes;
  }

  /** The id of a canonical ref, or -1 when no entity or edge target has it. */
  int id(String ref) {
    Integer id = ids.get(ref);
    return id == null ? -1 : id;
  }

  String ref(int id) {
    return refs[id];
  }

  /** Whether the node is an entity of the catalog (not only the target of an edge). */
  boolean resolved(int id) {
    return id < resolved;
  }

  int nodes() {
    return refs.length;
  }

  /** Index of the first edge of a relation leaving a node. */
  int start(Relation r, int node) {
    int[] o = offsets[r.ordinal()];
    return o == null ? 0 : o[node];
  }

  /** Index after the last edge of a relation leaving a node. */
  int end(Relation r, int node) {
    int[] o = offsets[r.ordinal()];
    return o == null ? 0 : o[node + 1];
  }

  int target(Relation r, int edge) {
    return targets[r.ordinal()][edge];
  }

  Map<String, Object> attributes(Relation r, int edge) {
    Object[] a = attributes[r.ordinal()];
    return a == null || a[edge] == null ? Map.of() : attrs(a[edge]);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attrs(Object o) {
    return (Map<String, Object>) o;
  }

  /** The edges of one relation leaving a ref, as values, sorted by target. */
  List<Edge> edges(String ref, Relation r) {
    int node = id(ref);
    if (node < 0) {
      return List.of();
    }
    int from = start(r, node);
    int to = end(r, node);
    if (from == to) {
      return List.of();
    }
    Edge[] out = new Edge[to - from];
    for (int i = from; i < to; i++) {
      int t = targets[r.ordinal()][i];
      out[i - from] = new Edge(ref, r, refs[t], attributes(r, i), t < resolved);
    }
    return List.of(out);
  }

  /** Collects edges, then sorts and de-duplicates them into an {@link EdgeIndex}. Not thread-safe. */
  static final class Builder {
    private final int resolved;
    private final Map<String, Integer> ids;
    private String[] refs;
    private int size;
    private final int[][] src = new int[Relation.values().length][];
    private final int[][] dst = new int[Relation.values().length][];
    private final int[] count = new int[Relation.values().length];
    private final Object[][] attrs = new Object[Relation.values().length][];

    /** Starts with the catalog's refs, already sorted; they get ids {@code 0..sortedRefs.length-1}. */
    Builder(String[] sortedRefs) {
      this.resolved = sortedRefs.length;
      this.refs = Arrays.copyOf(sortedRefs, Math.max(16, sortedRefs.length + sortedRefs.length / 8));
      this.size = sortedRefs.length;
      this.ids = new HashMap<>(Math.max(16, sortedRefs.length * 2));
      for (int i = 0; i < sortedRefs.length; i++) {
        ids.put(sortedRefs[i], i);
      }
    }

    /** The id of a ref, adding it as an unresolved node when new. */
    int intern(String ref) {
      Integer id = ids.get(ref);
      if (id != null) {
        return id;
      }
      if (size == refs.length) {
        refs = Arrays.copyOf(refs, size * 2);
      }
      refs[size] = ref;
      ids.put(ref, size);
      return size++;
    }

    /** The id of a ref, or -1. */
    int find(String ref) {
      Integer id = ids.get(ref);
      return id == null ? -1 : id;
    }

    boolean resolved(int id) {
      return id < resolved;
    }

    /** Adds an edge and its inverse; duplicates are dropped when the index is built (the first one wins). */
    void add(int source, Relation r, int target, Map<String, Object> attributes) {
      append(source, r, target, attributes);
      append(target, r.inverse(), source, attributes);
    }

    private void append(int source, Relation r, int target, Map<String, Object> attributes) {
      int k = r.ordinal();
      int n = count[k];
      if (src[k] == null) {
        src[k] = new int[64];
        dst[k] = new int[64];
      } else if (n == src[k].length) {
        src[k] = Arrays.copyOf(src[k], n * 2);
        dst[k] = Arrays.copyOf(dst[k], n * 2);
      }
      if (!attributes.isEmpty() && attrs[k] == null) {
        attrs[k] = new Object[src[k].length];
      }
      if (attrs[k] != null) {
        if (attrs[k].length < src[k].length) {
          attrs[k] = Arrays.copyOf(attrs[k], src[k].length);
        }
        attrs[k][n] = attributes.isEmpty() ? null : attributes;
      }
      src[k][n] = source;
      dst[k][n] = target;
      count[k] = n + 1;
    }

    /**
     * The targets of a relation per source as emitted so far, in emission order, duplicates removed.
     *
     * @return per source id, the target ids (an empty array when none)
     */
    int[][] grouped(Relation r) {
      int k = r.ordinal();
      int[][] out = new int[size][];
      int[] c = new int[size];
      for (int i = 0; i < count[k]; i++) {
        c[src[k][i]]++;
      }
      for (int n = 0; n < size; n++) {
        out[n] = c[n] == 0 ? NO_TARGETS : new int[c[n]];
        c[n] = 0;
      }
      for (int i = 0; i < count[k]; i++) {
        int s = src[k][i];
        int t = dst[k][i];
        int[] row = out[s];
        boolean seen = false;
        for (int j = 0; j < c[s]; j++) {
          if (row[j] == t) {
            seen = true;
            break;
          }
        }
        if (!seen) {
          row[c[s]++] = t;
        }
      }
      for (int n = 0; n < size; n++) {
        if (c[n] != out[n].length) {
          out[n] = Arrays.copyOf(out[n], c[n]);
        }
      }
      return out;
    }

    /** Sorts each node's edges by target ref, drops duplicates and freezes. */
    EdgeIndex build() {
      String[] all = Arrays.copyOf(refs, size);
      int[] rank = rank(all);
      int relations = Relation.values().length;
      int[][] offsets = new int[relations][];
      int[][] targets = new int[relations][];
      Object[][] attributes = new Object[relations][];
      for (Relation r : Relation.values()) {
        int k = r.ordinal();
        int n = count[k];
        if (n == 0) {
          continue;
        }
        int[] off = new int[size + 1];
        for (int i = 0; i < n; i++) {
          off[src[k][i] + 1]++;
        }
        for (int i = 0; i < size; i++) {
          off[i + 1] += off[i];
        }
        // stable placement by source; keys sort by target rank, ties in emission order
        long[] keys = new long[n];
        int[] fill = Arrays.copyOf(off, size);
        for (int i = 0; i < n; i++) {
          keys[fill[src[k][i]]++] = ((long) rank[dst[k][i]] << 32) | i;
        }
        boolean grant = r == Relation.HAS_ACCESS_TO || r == Relation.ACCESSIBLE_BY;
        int[] tgt = new int[n];
        Object[] at = attrs[k] == null ? null : new Object[n];
        int[] outOff = new int[size + 1];
        int w = 0;
        for (int node = 0; node < size; node++) {
          int from = off[node];
          int to = off[node + 1];
          if (to - from > 1) {
            Arrays.sort(keys, from, to);
          }
          int runStart = w;
          for (int i = from; i < to; i++) {
            int e = (int) keys[i];
            int t = dst[k][e];
            Object a = attrs[k] == null ? null : attrs[k][e];
            if (w > runStart && tgt[w - 1] == t && duplicate(grant, tgt, at, w, runStart, t, a)) {
              continue;
            }
            tgt[w] = t;
            if (at != null) {
              at[w] = a;
            }
            w++;
          }
          outOff[node + 1] = w;
        }
        offsets[k] = outOff;
        targets[k] = Arrays.copyOf(tgt, w);
        attributes[k] = at == null ? null : Arrays.copyOf(at, w);
      }
      return new EdgeIndex(all, resolved, Map.copyOf(ids), offsets, targets, attributes);
    }

    /** Whether an edge to {@code t} is already kept: same target, and for grants the same grant index. */
    private static boolean duplicate(boolean grant, int[] tgt, Object[] at, int w, int runStart, int t, Object a) {
      if (!grant) {
        return true;
      }
      Object index = a == null ? null : attrs(a).get("index");
      for (int j = w - 1; j >= runStart && tgt[j] == t; j--) {
        Object other = at == null ? null : at[j];
        if (java.util.Objects.equals(index, other == null ? null : attrs(other).get("index"))) {
          return true;
        }
      }
      return false;
    }

    /** Ranks of the ids in ref order: catalog refs are already sorted, the others are merged in. */
    private int[] rank(String[] all) {
      int[] rank = new int[all.length];
      Integer[] extra = new Integer[all.length - resolved];
      for (int i = 0; i < extra.length; i++) {
        extra[i] = resolved + i;
      }
      Arrays.sort(extra, (a, b) -> all[a].compareTo(all[b]));
      int i = 0;
      int j = 0;
      int r = 0;
      while (i < resolved || j < extra.length) {
        if (j == extra.length || i < resolved && all[i].compareTo(all[extra[j]]) <= 0) {
          rank[i++] = r++;
        } else {
          rank[extra[j++]] = r++;
        }
      }
      return rank;
    }
  }
}
