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
  /** The field whose refs are being read (dotted, with an index for grants). */
  private String field;
  /** Collect mode: the forward edges of one entity, with the field that declares each. */
  private List<Derived> collected;

  /**
   * A forward edge one entity declares by itself, with the field that declares it.
   *
   * @param relation the relation
   * @param target the canonical target ref (or the text as written when it is not a ref)
   * @param attributes the edge attributes
   * @param field the dotted field path
   */
  record Derived(Relation relation, String target, Map<String, Object> attributes, String field) {}

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

  /**
   * The relations one entity declares in its own fields, in declaration order, without the ones that need
   * other entities (through model servers, from {@code dependsOn} to a model, bare model names).
   *
   * @param asset the entity
   * @return its forward edges
   */
  static List<Derived> declared(Asset asset) {
    GraphDeriver d = new GraphDeriver(List.of(asset));
    d.collected = new ArrayList<>();
    d.direct(asset, 0);
    return d.collected;
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

    refs(spec.path("owner"), "spec.owner", "group", ns).forEach(t -> add(a, Relation.OWNED_BY, t, Map.of()));
    if (kind.equals("system")) {
      refs(spec.path("domain"), "spec.domain", "domain", ns).forEach(t -> add(a, Relation.PART_OF, t, Map.of()));
    } else if (kind.equals("domain")) {
      refs(spec.path("subdomainOf"), "spec.subdomainOf", "domain", ns).forEach(t -> add(a, Relation.PART_OF, t, Map.of()));
    } else {
      refs(spec.path("system"), "spec.system", "system", ns).forEach(t -> add(a, Relation.PART_OF, t, Map.of()));
    }
    refs(spec.path("subcomponentOf"), "spec.subcomponentOf", "component", ns).forEach(t -> add(a, Relation.PART_OF, t, Map.of()));
    refs(spec.path("providesApis"), "spec.providesApis", "api", ns).forEach(t -> add(a, Relation.PROVIDES_API, t, Map.of()));
    refs(spec.path("consumesApis"), "spec.consumesApis", "api", ns).forEach(t -> add(a, Relation.CONSUMES_API, t, Map.of()));
    if (kind.equals("group")) {
      refs(spec.path("parent"), "spec.parent", "group", ns).forEach(t -> add(a, Relation.CHILD_OF, t, Map.of()));
      refs(spec.path("children"), "spec.children", "group", ns).forEach(t -> add(a, Relation.PARENT_OF, t, Map.of()));
      refs(spec.path("members"), "spec.members", "user", ns).forEach(t -> add(a, Relation.HAS_MEMBER, t, Map.of()));
    }
    if (kind.equals("user")) {
      refs(spec.path("memberOf"), "spec.memberOf", "group", ns).forEach(t -> add(a, Relation.MEMBER_OF, t, Map.of()));
    }
    for (String t : refs(spec.path("dependsOn"), "spec.dependsOn", null, ns)) {
      add(a, Relation.DEPENDS_ON, t, Map.of());
      Asset target = asset(t);
      if (target != null && target.assetType() == AssetType.MODEL) {
        add(a, type == AssetType.MODEL_SERVER ? Relation.SERVES_MODEL : Relation.USES_MODEL, t, Map.of());
      }
    }
    for (String t : refs(spec.path("dependencyOf"), "spec.dependencyOf", null, ns)) {
      add(a, Relation.DEPENDENCY_OF, t, Map.of());
      Asset target = asset(t);
      if (type == AssetType.MODEL && target != null && target.assetType() == AssetType.MODEL_SERVER) {
        graph.add(graph.intern(t), Relation.SERVES_MODEL, self, Map.of());
      }
    }
    switch (type) {
      case MODEL:
        for (String t : refs(spec.path("baseModel"), "spec.baseModel", "airesource", ns)) {
          add(a, Relation.DERIVED_FROM, t, Map.of());
          add(a, Relation.DEPENDS_ON, t, Map.of());
        }
        for (String t : refs(spec.path("trainedOn"), "spec.trainedOn", "airesource", ns)) {
          add(a, Relation.TRAINED_ON, t, Map.of());
          add(a, Relation.DEPENDS_ON, t, Map.of());
        }
        refs(spec.path("evaluatedOn"), "spec.evaluatedOn", "airesource", ns).forEach(t -> add(a, Relation.EVALUATED_ON, t, Map.of()));
        break;
      case DATASET:
        for (String t : refs(spec.path("derivedFrom"), "spec.derivedFrom", "airesource", ns)) {
          add(a, Relation.DERIVED_FROM, t, Map.of());
          add(a, Relation.DEPENDS_ON, t, Map.of());
        }
        break;
      case AGENT:
        for (String name : List.of("model", "models")) {
          field = "spec." + name;
          for (String raw : Fields.texts(spec.path(name))) {
            String t = resolveModel(raw, ns);
            add(a, Relation.USES_MODEL, t, Map.of());
            add(a, Relation.DEPENDS_ON, t, Map.of());
          }
        }
        for (String t : refs(spec.path("tools"), "spec.tools", "api", ns)) {
          add(a, Relation.USES_TOOL, t, Map.of());
          add(a, Relation.CONSUMES_API, t, Map.of());
        }
        refs(spec.path("handoffs"), "spec.handoffs", "airesource", ns).forEach(t -> add(a, Relation.DELEGATES_TO, t, Map.of()));
        grants(a, spec, ns);
        break;
      case MODEL_SERVER:
        for (String t : refs(spec.path("models").path("available"), "spec.models.available", "airesource", ns)) {
          add(a, Relation.SERVES_MODEL, t, Map.of());
        }
        refs(spec.path("models").path("default"), "spec.models.default", "airesource", ns).forEach(t -> add(a, Relation.SERVES_MODEL, t, Map.of()));
        break;
      default:
        break;
    }
    if (type == AssetType.AGENT || kind.equals("component") || kind.equals("system")) {
      for (String t : refs(spec.path("retrievesFrom"), "spec.retrievesFrom", "airesource", ns)) {
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
      field = "spec.accessGrants[" + (i - 1) + "]";
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

  private List<String> refs(JsonNode node, String fieldPath, String defaultKind, String ns) {
    field = fieldPath;
    List<String> out = new ArrayList<>();
    for (String raw : Fields.texts(node)) {
      out.add(Refs.canonical(raw, defaultKind, ns).orElse(raw));
    }
    return out;
  }

  private void add(Asset a, Relation r, String target, Map<String, Object> attrs) {
    if (collected != null) {
      collected.add(new Derived(r, target, attrs, field));
      return;
    }
    graph.add(current, r, graph.intern(target), attrs);
  }
}
