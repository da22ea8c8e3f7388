package dev.portolan.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.governance.internal.Fields;
import dev.portolan.governance.internal.Refs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Derives Backstage's relations and the typed AI relations from entity specs. */
final class GraphDeriver {

  private final List<Asset> sorted;
  private final EdgeIndex.Builder graph;
  private final Map<String, List<String>> modelsByName = new HashMap<>();
  private int current;

  private GraphDeriver(List<Asset> sorted) {
    this.sorted = sorted;
    String[] refs = new String[sorted.size()];
    for (int i = 0; i < refs.length; i++) {
      refs[i] = sorted.get(i).ref();
    }
    this.graph = new EdgeIndex.Builder(refs);
    for (Asset a : sorted) {
      if (a.assetType() == AssetType.MODEL) {
        modelsByName.computeIfAbsent(Refs.name(a.ref()), k -> new ArrayList<>()).add(a.ref());
      }
    }
  }

  /**
   * Derives every relation, with its inverse, of entities given in ref order (distinct refs).
   *
   * @param sorted the entities, sorted by ref
   * @return the graph; entity {@code i} of the list has id {@code i}
   */
  static EdgeIndex derive(List<Asset> sorted) {
    GraphDeriver d = new GraphDeriver(sorted);
    for (int i = 0; i < sorted.size(); i++) {
      d.direct(sorted.get(i), i);
    }
    int[][] consumes = d.graph.grouped(Relation.CONSUMES_API);
    int[][] serves = d.graph.grouped(Relation.SERVES_MODEL);
    for (int i = 0; i < sorted.size(); i++) {
      d.viaModelServers(i, consumes, serves);
    }
    return d.graph.build();
  }

  private Asset asset(String ref) {
    int id = graph.find(ref);
    return id >= 0 && graph.resolved(id) ? sorted.get(id) : null;
  }

  private void direct(Asset a, int self) {
    current = self;
    JsonNode spec = a.tree().path("spec");
    String ns = Refs.kind(a.ref()).isEmpty() ? "default" : a.ref().substring(a.ref().indexOf(':') + 1, a.ref().indexOf('/'));
    String kind = a.kind().toLowerCase(Locale.ROOT);
    AssetType type = a.assetType();

    refs(spec.path("owner"), "group", ns).forEach(t -> add(a, Relation.OWNED_BY, t, Map.of()));
    if (kind.equals("system")) {
      refs(spec.path("domain"), "domain", ns).forEach(t -> add(a, Relation.PART_OF, t, Map.of()));
    } else if (kind.equals("domain")) {
      refs(spec.path("subdomainOf"), "domain", ns).forEach(t -> add(a, Relation.PART_OF, t, Map.of()));
    } else {
      refs(spec.path("system"), "system", ns).forEach(t -> add(a, Relation.PART_OF, t, Map.of()));
    }
    refs(spec.path("subcomponentOf"), "component", ns).forEach(t -> add(a, Relation.PART_OF, t, Map.of()));
    refs(spec.path("providesApis"), "api", ns).forEach(t -> add(a, Relation.PROVIDES_API, t, Map.of()));
    refs(spec.path("consumesApis"), "api", ns).forEach(t -> add(a, Relation.CONSUMES_API, t, Map.of()));
    if (kind.equals("group")) {
      refs(spec.path("parent"), "group", ns).forEach(t -> add(a, Relation.CHILD_OF, t, Map.of()));
      refs(spec.path("children"), "group", ns).forEach(t -> add(a, Relation.PARENT_OF, t, Map.of()));
      refs(spec.path("members"), "user", ns).forEach(t -> add(a, Relation.HAS_MEMBER, t, Map.of()));
    }
    if (kind.equals("user")) {
      refs(spec.path("memberOf"), "group", ns).forEach(t -> add(a, Relation.MEMBER_OF, t, Map.of()));
    }
    for (String t : refs(spec.path("dependsOn"), null, ns)) {
      add(a, Relation.DEPENDS_ON, t, Map.of());
      Asset target = asset(t);
      if (target != null && target.assetType() == AssetType.MODEL) {
        add(a, type == AssetType.MODEL_SERVER ? Relation.SERVES_MODEL : Relation.USES_MODEL, t, Map.of());
      }
    }
    for (String t : refs(spec.path("dependencyOf"), null, ns)) {
      add(a, Relation.DEPENDENCY_OF, t, Map.of());
      Asset target = asset(t);
      if (type == AssetType.MODEL && target != null && target.assetType() == AssetType.MODEL_SERVER) {
        graph.add(graph.intern(t), Relation.SERVES_MODEL, self, Map.of());
      }
    }
    switch (type) {
      case MODEL:
        for (String t : refs(spec.path("baseModel"), "airesource", ns)) {
          add(a, Relation.DERIVED_FROM, t, Map.of());
          add(a, Relation.DEPENDS_ON, t, Map.of());
        }
        for (String t : refs(spec.path("trainedOn"), "airesource", ns)) {
          add(a, Relation.TRAINED_ON, t, Map.of());
          add(a, Relation.DEPENDS_ON, t, Map.of());
        }
        refs(spec.path("evaluatedOn"), "airesource", ns).forEach(t -> add(a, Relation.EVALUATED_ON, t, Map.of()));
        break;
      case DATASET:
        for (String t : refs(spec.path("derivedFrom"), "airesource", ns)) {
          add(a, Relation.DERIVED_FROM, t, Map.of());
          add(a, Relation.DEPENDS_ON, t, Map.of());
        }
        break;
      case AGENT:
        for (JsonNode m : List.of(spec.path("model"), spec.path("models"))) {
          for (String raw : Fields.texts(m)) {
            String t = resolveModel(raw, ns);
            add(a, Relation.USES_MODEL, t, Map.of());
            add(a, Relation.DEPENDS_ON, t, Map.of());
          }
        }
        for (String t : refs(spec.path("tools"), "api", ns)) {
          add(a, Relation.USES_TOOL, t, Map.of());
          add(a, Relation.CONSUMES_API, t, Map.of());
        }
        refs(spec.path("handoffs"), "airesource", ns).forEach(t -> add(a, Relation.DELEGATES_TO, t, Map.of()));
        grants(a, spec, ns);
        break;
      case MODEL_SERVER:
        for (String t : refs(spec.path("models").path("available"), "airesource", ns)) {
          add(a, Relation.SERVES_MODEL, t, Map.of());
        }
        refs(spec.path("models").path("default"), "airesource", ns).forEach(t -> add(a, Relation.SERVES_MODEL, t, Map.of()));
        break;
      default:
        break;
    }
    if (type == AssetType.AGENT || kind.equals("component") || kind.equals("system")) {
      for (String t : refs(spec.path("retrievesFrom"), "airesource", ns)) {
        add(a, Relation.RETRIEVES_FROM, t, Map.of());
        add(a, Relation.DEPENDS_ON, t, Map.of());
      }
    }
  }

  private void grants(Asset a, JsonNode spec, String ns) {
    JsonNode grants = spec.path("accessGrants");
    if (!grants.isArray()) {
      return;
    }
    int i = 0;
    for (JsonNode g : grants) {
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("index", i++);
      g.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("target")) {
          Object v = plain(e.getValue());
          if (v != null) {
            attrs.put(e.getKey(), v);
          }
        }
      });
      String raw = Fields.text(g.path("target")).orElse("");
      String t = Refs.canonical(raw, null, ns).orElse(raw.isBlank() ? "<missing target>" : raw);
      add(a, Relation.HAS_ACCESS_TO, t, Map.copyOf(attrs));
      add(a, Relation.DEPENDS_ON, t, Map.of());
    }
  }

  private static Object plain(JsonNode v) {
    if (v.isArray()) {
      List<String> l = new ArrayList<>();
      for (JsonNode x : v) {
        Fields.text(x).ifPresent(s -> l.add(s.toLowerCase(Locale.ROOT)));
      }
      return List.copyOf(l);
    }
    if (v.isNumber()) {
      return v.numberValue();
    }
    return Fields.text(v).orElse(null);
  }

  private void viaModelServers(int self, int[][] consumes, int[][] serves) {
    for (int api : consumes[self]) {
      if (!graph.resolved(api) || sorted.get(api).assetType() != AssetType.MODEL_SERVER) {
        continue;
      }
      Map<String, Object> attrs = Map.of("indirect", "yes", "via", sorted.get(api).ref());
      for (int model : serves[api]) {
        graph.add(self, Relation.USES_MODEL, model, attrs);
      }
    }
  }

  private String resolveModel(String raw, String ns) {
    String canonical = Refs.canonical(raw, "airesource", ns).orElse(raw);
    if (graph.find(canonical) >= 0 && graph.resolved(graph.find(canonical)) || raw.contains(":")) {
      return canonical;
    }
    List<String> byName = modelsByName.get(raw.toLowerCase(Locale.ROOT));
    return byName != null && byName.size() == 1 ? byName.get(0) : canonical;
  }

  private static List<String> refs(JsonNode node, String defaultKind, String ns) {
    List<String> out = new ArrayList<>();
    for (String raw : Fields.texts(node)) {
      out.add(Refs.canonical(raw, defaultKind, ns).orElse(raw));
    }
    return out;
  }

  private void add(Asset a, Relation r, String target, Map<String, Object> attrs) {
    graph.add(current, r, graph.intern(target), attrs);
  }
}
