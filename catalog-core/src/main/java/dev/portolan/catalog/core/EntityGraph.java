package dev.portolan.catalog.core;

import dev.portolan.catalog.core.CatalogProblem.Kind;
import dev.portolan.catalog.core.CatalogProblem.Severity;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * The typed, directed multigraph of a snapshot: a vertex per entity, an edge per stitched relation. Every
 * query returns a value (empty when the entity is unknown), never null. Traversals are breadth-first and
 * return entities in discovery order. Thread-safe and immutable.
 *
 * <p>Traversals run over compact adjacency arrays (microseconds on 100k entities); {@link #asGraph()}
 * gives the same graph as a JGraphT {@link Graph} for any other algorithm.
 */
public final class EntityGraph {

  /** A depth bound meaning "no bound". */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  /** Which way to follow relations from the start entity. */
  public enum Direction {
    /** Follow relations out of each entity (dependencies). */
    OUTGOING,
    /** Follow relations into each entity (dependents). */
    INCOMING,
    /**
     * Both ways: the union of an {@link #OUTGOING} and an {@link #INCOMING} traversal (never out then back
     * in, so siblings are not reached).
     */
    BOTH
  }

  private final CatalogSnapshot snapshot;
  private final int n;
  private final Map<String, Integer> typeCodes = new HashMap<>();
  private final List<RelationType> types = new ArrayList<>();
  // CSR adjacency over every stitched relation whose target is in the catalog
  private final int[] outStart;
  private final int[] outTarget;
  private final int[] outType;
  private final int[] inStart;
  private final int[] inSource;
  private final int[] inType;
  private volatile Graph<EntityRef, Relation> jgraph;
  private volatile List<List<EntityRef>> cycles;

  EntityGraph(CatalogSnapshot snapshot) {
    this.snapshot = snapshot;
    this.n = snapshot.size();
    Map<EntityRef, CatalogEntity> byRef = snapshot.byRef();
    int edges = 0;
    for (CatalogEntity e : snapshot.entities()) {
      edges += e.relations().size();
    }
    int[] src = new int[edges];
    int[] dst = new int[edges];
    int[] typ = new int[edges];
    int m = 0;
    for (CatalogEntity e : snapshot.entities()) {
      for (Relation r : e.relations()) {
        CatalogEntity t = byRef.get(r.target());
        if (t == null) {
          continue;
        }
        src[m] = e.id();
        dst[m] = t.id();
        typ[m] = typeCodes.computeIfAbsent(r.type().id(), k -> {
          types.add(r.type());
          return types.size() - 1;
        });
        m++;
      }
    }
    outStart = new int[n + 1];
    inStart = new int[n + 1];
    for (int i = 0; i < m; i++) {
      outStart[src[i] + 1]++;
      inStart[dst[i] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
      inStart[i + 1] += inStart[i];
    }
    outTarget = new int[m];
    outType = new int[m];
    inSource = new int[m];
    inType = new int[m];
    int[] oc = Arrays.copyOf(outStart, n);
    int[] ic = Arrays.copyOf(inStart, n);
    for (int i = 0; i < m; i++) {
      int o = oc[src[i]]++;
      outTarget[o] = dst[i];
      outType[o] = typ[i];
      int in = ic[dst[i]]++;
      inSource[in] = src[i];
      inType[in] = typ[i];
    }
  }

  /**
   * The number of entities (vertices).
   *
   * @return the vertex count
   */
  public int vertexCount() {
    return n;
  }

  /**
   * The number of relations between entities in the catalog (edges); dangling relations are not edges.
   *
   * @return the edge count
   */
  public int edgeCount() {
    return outTarget.length;
  }

  private int id(EntityRef ref) {
    CatalogEntity e = snapshot.byRef().get(Relation.normalize(ref));
    return e == null ? -1 : e.id();
  }

  private EntityRef ref(int id) {
    return snapshot.byId(id).ref();
  }

  private int code(RelationType t) {
    Integer c = typeCodes.get(t.id());
    return c == null ? -1 : c;
  }

  /**
   * What the entity depends on: {@code dependsOn} relations followed out of it, transitively.
   *
   * @param ref the entity
   * @param maxDepth how many hops at most ({@link #UNBOUNDED} for no bound; 1 for direct dependencies)
   * @return the dependencies in discovery order, without the entity itself
   */
  public Set<EntityRef> dependencies(EntityRef ref, int maxDepth) {
    return reach(ref, WellKnownRelation.DEPENDS_ON, Direction.OUTGOING, maxDepth);
  }

  /**
   * What depends on the entity (its blast radius): {@code dependsOn} relations followed into it,
   * transitively.
   *
   * @param ref the entity
   * @param maxDepth how many hops at most ({@link #UNBOUNDED} for no bound; 1 for direct dependents)
   * @return the dependents in discovery order, without the entity itself
   */
  public Set<EntityRef> dependents(EntityRef ref, int maxDepth) {
    return reach(ref, WellKnownRelation.DEPENDS_ON, Direction.INCOMING, maxDepth);
  }

  private Set<EntityRef> reach(EntityRef ref, RelationType type, Direction dir, int maxDepth) {
    int start = id(ref);
    int t = code(type);
    if (start < 0 || t < 0 || maxDepth <= 0) {
      return Set.of();
    }
    int[] queue = new int[Math.min(n, 64)];
    int head = 0;
    int tail = 0;
    BitSet seen = new BitSet(n);
    seen.set(start);
    queue[tail++] = start;
    int depth = 0;
    int levelEnd = tail;
    Set<EntityRef> out = new LinkedHashSet<>();
    while (head < tail && depth < maxDepth) {
      int v = queue[head++];
      int[] starts = dir == Direction.OUTGOING ? outStart : inStart;
      int[] others = dir == Direction.OUTGOING ? outTarget : inSource;
      int[] kinds = dir == Direction.OUTGOING ? outType : inType;
      for (int i = starts[v]; i < starts[v + 1]; i++) {
        if (kinds[i] != t) {
          continue;
        }
        int w = others[i];
        if (!seen.get(w)) {
          seen.set(w);
          out.add(ref(w));
          if (tail == queue.length) {
            queue = Arrays.copyOf(queue, Math.min(n, queue.length * 2));
          }
          queue[tail++] = w;
        }
      }
      if (head == levelEnd) {
        depth++;
        levelEnd = tail;
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * Follows relations of the given types from an entity, breadth-first, up to a depth.
   *
   * @param start the start entity
   * @param relationTypes the relation types to follow (in the relation's own direction)
   * @param direction out of, into, or both ways
   * @param maxDepth how many hops at most ({@link #UNBOUNDED} for no bound)
   * @return the reached entities (without the start) and the relations followed between reached entities
   */
  public Subgraph traverse(EntityRef start, Set<? extends RelationType> relationTypes, Direction direction,
      int maxDepth) {
    int s = id(start);
    if (s < 0) {
      return new Subgraph(start.normalized(), List.of(), List.of());
    }
    if (direction == Direction.BOTH) {
      Subgraph out = traverse(start, relationTypes, Direction.OUTGOING, maxDepth);
      Subgraph in = traverse(start, relationTypes, Direction.INCOMING, maxDepth);
      Set<EntityRef> nodes = new LinkedHashSet<>(out.nodes());
      nodes.addAll(in.nodes());
      Set<Relation> edges = new LinkedHashSet<>(out.edges());
      edges.addAll(in.edges());
      return new Subgraph(out.start(), List.copyOf(nodes), List.copyOf(edges));
    }
    BitSet wanted = new BitSet();
    for (RelationType t : relationTypes) {
      int c = code(t);
      if (c >= 0) {
        wanted.set(c);
      }
    }
    List<Integer> order = new ArrayList<>();
    List<Relation> edges = new ArrayList<>();
    Set<Long> edgeSeen = new java.util.HashSet<>();
    BitSet seen = new BitSet(n);
    seen.set(s);
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    queue.add(new int[] {s, 0});
    while (!queue.isEmpty()) {
      int[] cur = queue.poll();
      int v = cur[0];
      if (cur[1] >= maxDepth) {
        continue;
      }
      if (direction != Direction.INCOMING) {
        for (int i = outStart[v]; i < outStart[v + 1]; i++) {
          if (wanted.get(outType[i])) {
            visitEdge(v, outTarget[i], outType[i], cur[1], seen, order, edges, edgeSeen, queue);
          }
        }
      }
      if (direction != Direction.OUTGOING) {
        for (int i = inStart[v]; i < inStart[v + 1]; i++) {
          if (wanted.get(inType[i])) {
            visitEdge(inSource[i], v, inType[i], cur[1], seen, order, edges, edgeSeen, queue);
          }
        }
      }
    }
    List<EntityRef> nodes = new ArrayList<>(order.size());
    for (int id : order) {
      nodes.add(ref(id));
    }
    return new Subgraph(ref(s), nodes, edges);
  }

  private void visitEdge(int from, int to, int type, int depth, BitSet seen, List<Integer> order,
      List<Relation> edges, Set<Long> edgeSeen, ArrayDeque<int[]> queue) {
    long key = ((long) from * n + to) * types.size() + type;
    if (edgeSeen.add(key)) {
      EntityRef a = ref(from);
      edges.add(new Relation(a, types.get(type), ref(to), a, Optional.empty()));
    }
    for (int w : new int[] {from, to}) {
      if (!seen.get(w)) {
        seen.set(w);
        order.add(w);
        queue.add(new int[] {w, depth + 1});
      }
    }
  }

  private Set<EntityRef> direct(EntityRef ref, RelationType type, Direction dir) {
    return reach(ref, type, dir, 1);
  }

  /**
   * The owners of an entity: the targets of its {@code ownedBy} relations.
   *
   * @param ref the entity
   * @return the owners
   */
  public Set<EntityRef> owners(EntityRef ref) {
    return direct(ref, WellKnownRelation.OWNED_BY, Direction.OUTGOING);
  }

  /**
   * The groups below a group: {@code parentOf} relations followed transitively.
   *
   * @param group the group
   * @return the sub-groups, without the group itself
   */
  public Set<EntityRef> subgroups(EntityRef group) {
    return reach(group, WellKnownRelation.PARENT_OF, Direction.OUTGOING, UNBOUNDED);
  }

  /**
   * What a group owns ({@code ownerOf}), optionally including what its sub-groups own.
   *
   * @param group the group (or user)
   * @param includeSubgroups whether to add what every sub-group owns
   * @return the owned entities, in discovery order
   */
  public Set<EntityRef> ownedBy(EntityRef group, boolean includeSubgroups) {
    Set<EntityRef> out = new LinkedHashSet<>(direct(group, WellKnownRelation.OWNER_OF, Direction.OUTGOING));
    if (includeSubgroups) {
      for (EntityRef g : subgroups(group)) {
        out.addAll(direct(g, WellKnownRelation.OWNER_OF, Direction.OUTGOING));
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * The groups a user belongs to: its {@code memberOf} groups and, transitively, their parents
   * ({@code childOf}).
   *
   * @param user the user
   * @return the groups, direct ones first
   */
  public Set<EntityRef> groupsOf(EntityRef user) {
    Set<EntityRef> out = new LinkedHashSet<>(direct(user, WellKnownRelation.MEMBER_OF, Direction.OUTGOING));
    for (EntityRef g : List.copyOf(out)) {
      out.addAll(reach(g, WellKnownRelation.CHILD_OF, Direction.OUTGOING, UNBOUNDED));
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * The members of a group ({@code hasMember}), optionally with the members of every sub-group.
   *
   * @param group the group
   * @param includeSubgroups whether to add the sub-groups' members
   * @return the users
   */
  public Set<EntityRef> members(EntityRef group, boolean includeSubgroups) {
    Set<EntityRef> out = new LinkedHashSet<>(direct(group, WellKnownRelation.HAS_MEMBER, Direction.OUTGOING));
    if (includeSubgroups) {
      for (EntityRef g : subgroups(group)) {
        out.addAll(direct(g, WellKnownRelation.HAS_MEMBER, Direction.OUTGOING));
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * The direct parts of a system (or any entity): its {@code hasPart} targets.
   *
   * @param system the system
   * @return the components, APIs, resources and other parts
   */
  public Set<EntityRef> parts(EntityRef system) {
    return direct(system, WellKnownRelation.HAS_PART, Direction.OUTGOING);
  }

  /**
   * Everything in a domain: its sub-domains, their systems and the systems' parts ({@code hasPart}
   * followed transitively).
   *
   * @param domain the domain
   * @return the members, in discovery order
   */
  public Set<EntityRef> domainMembers(EntityRef domain) {
    return reach(domain, WellKnownRelation.HAS_PART, Direction.OUTGOING, UNBOUNDED);
  }

  /**
   * The system an entity is part of, and the domains above it ({@code partOf} followed transitively).
   *
   * @param ref the entity
   * @return the containers, nearest first
   */
  public Set<EntityRef> containers(EntityRef ref) {
    return reach(ref, WellKnownRelation.PART_OF, Direction.OUTGOING, UNBOUNDED);
  }

  /**
   * The shortest chain of relations (any type, in their direction) from one entity to another, as an
   * explanation of how they are connected.
   *
   * @param from the start entity
   * @param to the end entity
   * @return the relations in order; empty when there is no path or an entity is unknown
   */
  public Optional<List<Relation>> shortestPath(EntityRef from, EntityRef to) {
    Graph<EntityRef, Relation> g = asGraph();
    EntityRef a = from.normalized();
    EntityRef b = to.normalized();
    if (!g.containsVertex(a) || !g.containsVertex(b)) {
      return Optional.empty();
    }
    if (a.equals(b)) {
      return Optional.of(List.of());
    }
    GraphPath<EntityRef, Relation> p = BFSShortestPath.findPathBetween(g, a, b);
    return p == null ? Optional.empty() : Optional.of(List.copyOf(p.getEdgeList()));
  }

  /**
   * Every cycle of {@code dependsOn} relations: one cycle per strongly connected component (and per
   * self-dependency), as the list of entities along it, the first repeated at the end.
   *
   * @return the cycles, ordered by their first entity
   */
  public List<List<EntityRef>> dependsOnCycles() {
    List<List<EntityRef>> c = cycles;
    if (c == null) {
      c = computeCycles();
      cycles = c;
    }
    return c;
  }

  private List<List<EntityRef>> computeCycles() {
    int t = code(WellKnownRelation.DEPENDS_ON);
    if (t < 0) {
      return List.of();
    }
    Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    List<List<EntityRef>> out = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      for (int i = outStart[v]; i < outStart[v + 1]; i++) {
        if (outType[i] != t) {
          continue;
        }
        int w = outTarget[i];
        if (w == v) {
          out.add(List.of(ref(v), ref(v)));
          continue;
        }
        g.addVertex(v);
        g.addVertex(w);
        g.addEdge(v, w);
      }
    }
    for (Set<Integer> scc : new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets()) {
      if (scc.size() < 2) {
        continue;
      }
      int first = Collections.min(scc);
      out.add(cycleThrough(first, scc, t));
    }
    out.sort((x, y) -> x.get(0).toString().compareTo(y.get(0).toString()));
    return List.copyOf(out);
  }

  /** The shortest cycle from {@code start} back to itself inside its component. */
  private List<EntityRef> cycleThrough(int start, Set<Integer> scc, int t) {
    Map<Integer, Integer> parent = new HashMap<>();
    ArrayDeque<Integer> q = new ArrayDeque<>();
    q.add(start);
    parent.put(start, -1);
    int last = -1;
    while (!q.isEmpty() && last < 0) {
      int v = q.poll();
      for (int i = outStart[v]; i < outStart[v + 1]; i++) {
        int w = outTarget[i];
        if (outType[i] != t || !scc.contains(w)) {
          continue;
        }
        if (w == start) {
          last = v;
          break;
        }
        if (!parent.containsKey(w)) {
          parent.put(w, v);
          q.add(w);
        }
      }
    }
    List<EntityRef> path = new ArrayList<>();
    for (int v = last; v != -1; v = parent.get(v)) {
      path.add(ref(v));
    }
    Collections.reverse(path);
    path.add(ref(start));
    return List.copyOf(path);
  }

  List<CatalogProblem> dependsOnCycleProblems() {
    List<CatalogProblem> out = new ArrayList<>();
    for (List<EntityRef> cycle : dependsOnCycles()) {
      CatalogEntity e = snapshot.entity(cycle.get(0)).orElseThrow();
      StringBuilder sb = new StringBuilder("dependsOn cycle: ");
      for (int i = 0; i < cycle.size(); i++) {
        sb.append(i == 0 ? "" : " -> ").append(cycle.get(i));
      }
      out.add(new CatalogProblem(Severity.ERROR, Kind.DEPENDS_ON_CYCLE, e.file(), e.position(),
          Optional.of(e.ref()), FieldPath.of("spec", "dependsOn"), sb.toString()));
    }
    return out;
  }

  /**
   * The whole graph as an unmodifiable JGraphT directed pseudograph (vertices: normalised refs; edges:
   * relations), for any JGraphT algorithm. Built on first use.
   *
   * @return the graph
   */
  public Graph<EntityRef, Relation> asGraph() {
    Graph<EntityRef, Relation> g = jgraph;
    if (g == null) {
      synchronized (this) {
        g = jgraph;
        if (g == null) {
          Graph<EntityRef, Relation> build = new DirectedPseudograph<>(null, null, false);
          for (CatalogEntity e : snapshot.entities()) {
            build.addVertex(e.ref());
          }
          for (CatalogEntity e : snapshot.entities()) {
            for (Relation r : e.relations()) {
              if (build.containsVertex(r.target())) {
                build.addEdge(r.source(), r.target(), r);
              }
            }
          }
          g = new org.jgrapht.graph.AsUnmodifiableGraph<>(build);
          jgraph = g;
        }
      }
    }
    return g;
  }
}
