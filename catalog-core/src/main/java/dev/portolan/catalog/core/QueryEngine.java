package dev.portolan.catalog.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Backstage's search-table semantics over one snapshot: per-key inverted indexes built on first use,
 * Caffeine caches for parsed filters (per catalog) and matched entity ids (per snapshot, so a new snapshot
 * never sees stale results).
 */
final class QueryEngine {

  private static final int MAX_LENGTH = 200;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Parsed filters, shared by the snapshots of one catalog. */
  static final class FilterCache {
    private final Cache<String, EntityFilter> cache = Caffeine.newBuilder().maximumSize(10_000).build();

    EntityFilter parse(String expression) {
      return cache.get(expression, EntityFilter::parse);
    }
  }

  /** The index of one key: lower-cased value → sorted entity ids, and the ids where the key exists. */
  private record KeyIndex(Map<String, int[]> byValue, int[] exists) {}

  private record Matched(int[] ids) {}

  private final CatalogSnapshot snapshot;
  private final FilterCache filterCache;
  private final Map<String, KeyIndex> indexes = new ConcurrentHashMap<>();
  private final Cache<List<Object>, Matched> results = Caffeine.newBuilder().maximumSize(1_000).build();

  QueryEngine(CatalogSnapshot snapshot, FilterCache filterCache) {
    this.snapshot = snapshot;
    this.filterCache = filterCache;
  }

  List<CatalogEntity> filter(List<String> expressions) {
    List<EntityFilter> filters = new ArrayList<>();
    for (String e : expressions) {
      filters.add(filterCache.parse(e));
    }
    int[] ids = match(filters, Optional.empty(), false);
    List<CatalogEntity> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(snapshot.byId(id));
    }
    return out;
  }

  QueryResult query(EntityQuery q) {
    List<EntityFilter> filters = q.filters();
    Optional<String> order = q.orderField();
    boolean desc = q.descending();
    int offset = 0;
    List<String> fields = q.fields();
    int limit = q.limit();
    if (q.cursor().isPresent()) {
      Cursor c = Cursor.decode(q.cursor().get());
      filters = c.filters().stream().map(filterCache::parse).toList();
      order = c.order();
      desc = c.descending();
      offset = c.offset();
    }
    int[] ids = match(filters, order, desc);
    int from = Math.min(offset, ids.length);
    int to = (int) Math.min((long) from + limit, ids.length);
    List<CatalogEntity> items = new ArrayList<>(to - from);
    List<ObjectNode> projected = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      CatalogEntity e = snapshot.byId(ids[i]);
      items.add(e);
      projected.add(project(e, fields));
    }
    List<String> filterText = filters.stream().map(EntityFilter::toString).toList();
    Optional<String> next = to < ids.length
        ? Optional.of(new Cursor(filterText, order, desc, to).encode()) : Optional.empty();
    Optional<String> prev = from > 0
        ? Optional.of(new Cursor(filterText, order, desc, Math.max(0, from - limit)).encode()) : Optional.empty();
    return new QueryResult(items, projected, ids.length, next, prev);
  }

  Map<String, List<FacetCount>> facets(List<String> facets, List<String> expressions) {
    List<EntityFilter> filters = expressions.stream().map(filterCache::parse).toList();
    int[] ids = match(filters, Optional.empty(), false);
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    for (String facet : facets) {
      String key = facet.toLowerCase(Locale.ROOT);
      Map<String, Long> counts = new TreeMap<>();
      for (int id : ids) {
        CatalogEntity e = snapshot.byId(id);
        java.util.Set<String> seen = new java.util.HashSet<>();
        values(e, key, false, v -> {
          if (v != null && v.length() <= MAX_LENGTH && seen.add(v)) {
            counts.merge(v, 1L, Long::sum);
          }
        });
      }
      List<FacetCount> list = new ArrayList<>();
      counts.forEach((v, c) -> list.add(new FacetCount(v, c)));
      out.put(facet, List.copyOf(list));
    }
    return out;
  }

  // ---------------------------------------------------------------- matching

  private int[] match(List<EntityFilter> filters, Optional<String> order, boolean desc) {
    List<Object> key = List.of(filters, order, desc);
    return results.get(key, k -> new Matched(compute(filters, order, desc))).ids();
  }

  private int[] compute(List<EntityFilter> filters, Optional<String> order, boolean desc) {
    int[] ids;
    if (filters.isEmpty()) {
      ids = new int[snapshot.size()];
      Arrays.setAll(ids, i -> i);
    } else {
      ids = new int[0];
      for (EntityFilter f : filters) {
        ids = union(ids, matchAll(f));
      }
    }
    if (order.isEmpty()) {
      return ids;
    }
    String key = order.get().toLowerCase(Locale.ROOT);
    List<Map.Entry<String, Integer>> keyed = new ArrayList<>(ids.length);
    for (int id : ids) {
      String[] min = {null};
      values(snapshot.byId(id), key, true, v -> {
        if (v != null && (min[0] == null || v.compareTo(min[0]) < 0)) {
          min[0] = v;
        }
      });
      if (min[0] != null) {
        keyed.add(Map.entry(min[0], id));
      }
    }
    Comparator<Map.Entry<String, Integer>> byValue = Map.Entry.comparingByKey();
    if (desc) {
      byValue = byValue.reversed();
    }
    keyed.sort(byValue.thenComparing(Map.Entry.comparingByValue()));
    return keyed.stream().mapToInt(Map.Entry::getValue).toArray();
  }

  private int[] matchAll(EntityFilter f) {
    List<int[]> postings = new ArrayList<>(f.conditions().size());
    for (Map.Entry<String, java.util.Set<String>> c : f.conditions().entrySet()) {
      KeyIndex idx = index(c.getKey());
      int[] ids;
      if (c.getValue().isEmpty()) {
        ids = idx.exists();
      } else {
        ids = new int[0];
        for (String v : c.getValue()) {
          ids = union(ids, idx.byValue().getOrDefault(v, new int[0]));
        }
      }
      postings.add(ids);
    }
    if (postings.isEmpty()) {
      return new int[0];
    }
    // the most selective condition first: every later step costs at most its size times a log
    postings.sort(Comparator.comparingInt(a -> a.length));
    int[] acc = postings.get(0);
    for (int i = 1; i < postings.size() && acc.length > 0; i++) {
      acc = intersect(acc, postings.get(i));
    }
    return acc;
  }

  private KeyIndex index(String key) {
    return indexes.computeIfAbsent(key, this::buildIndex);
  }

  private KeyIndex buildIndex(String key) {
    Map<String, IntList> byValue = new HashMap<>();
    IntList exists = new IntList();
    for (CatalogEntity e : snapshot.entities()) {
      int id = e.id();
      boolean[] any = {false};
      values(e, key, true, v -> {
        any[0] = true;
        if (v != null && v.length() <= MAX_LENGTH) {
          IntList l = byValue.computeIfAbsent(v, k -> new IntList());
          if (l.size == 0 || l.last() != id) {
            l.add(id);
          }
        }
      });
      if (any[0]) {
        exists.add(id);
      }
    }
    Map<String, int[]> frozen = new HashMap<>(byValue.size() * 2);
    byValue.forEach((k, v) -> frozen.put(k, v.toArray()));
    return new KeyIndex(frozen, exists.toArray());
  }

  /**
   * The search-table values of one key of an entity (Backstage's buildEntitySearch): leaves under the dot
   * path, arrays descended without indices, string array items also as {@code path.<item> = true},
   * {@code relations.<type>} = target refs. Null stands for a null leaf.
   */
  static void values(CatalogEntity e, String key, boolean lower, Consumer<String> out) {
    if (key.length() > MAX_LENGTH) {
      return;
    }
    if (key.startsWith("relations.")) {
      String type = key.substring("relations.".length());
      for (Relation r : e.relations()) {
        if (r.type().id().toLowerCase(Locale.ROOT).equals(type)) {
          out.accept(r.target().toString());
        }
      }
      return;
    }
    walk(e.json(), key, 0, lower, out);
  }

  private static void walk(JsonNode node, String key, int from, boolean lower, Consumer<String> out) {
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (item.isContainerNode()) {
          walk(item, key, from, lower, out);
        }
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      String name = f.getKey().toLowerCase(Locale.ROOT);
      if (!key.startsWith(name, from)) {
        continue;
      }
      int end = from + name.length();
      JsonNode child = f.getValue();
      if (end == key.length()) {
        leaf(child, lower, out);
      } else if (key.charAt(end) == '.') {
        if (child.isArray()) {
          String rest = key.substring(end + 1);
          for (JsonNode item : child) {
            if (item.isTextual() && item.textValue().toLowerCase(Locale.ROOT).equals(rest)) {
              out.accept("true");
            }
          }
        }
        walk(child, key, end + 1, lower, out);
      }
    }
  }

  private static void leaf(JsonNode v, boolean lower, Consumer<String> out) {
    if (v.isArray()) {
      for (JsonNode item : v) {
        if (!item.isContainerNode()) {
          leaf(item, lower, out);
        }
      }
    } else if (v.isNull()) {
      out.accept(null);
    } else if (v.isValueNode()) {
      String s = v.asText();
      out.accept(lower ? s.toLowerCase(Locale.ROOT) : s);
    }
  }

  // ---------------------------------------------------------------- projection

  static ObjectNode project(CatalogEntity e, List<String> fields) {
    ObjectNode full = e.toJson();
    if (fields.isEmpty()) {
      return full;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String field : fields) {
      String[] segs = field.split("\\.", -1);
      JsonNode cur = full;
      ObjectNode target = out;
      int i = 0;
      while (i < segs.length && cur != null && cur.isObject()) {
        int j = i;
        String k = segs[i];
        while (!cur.has(k) && j + 1 < segs.length) {
          j++;
          k = k + "." + segs[j];
        }
        if (!cur.has(k)) {
          cur = null;
          break;
        }
        JsonNode next = cur.get(k);
        i = j + 1;
        if (i == segs.length) {
          target.set(k, next.deepCopy());
        } else if (next.isObject()) {
          target = target.get(k) instanceof ObjectNode o ? o : target.putObject(k);
        }
        cur = next;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- int sets

  private static int[] union(int[] a, int[] b) {
    if (a.length == 0) {
      return b;
    }
    if (b.length == 0) {
      return a;
    }
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        out[k++] = a[i++];
      } else if (a[i] > b[j]) {
        out[k++] = b[j++];
      } else {
        out[k++] = a[i++];
        j++;
      }
    }
    while (i < a.length) {
      out[k++] = a[i++];
    }
    while (j < b.length) {
      out[k++] = b[j++];
    }
    return Arrays.copyOf(out, k);
  }

  /** Intersection of sorted id arrays; {@code a} is the smaller one. */
  private static int[] intersect(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int k = 0;
    if ((long) a.length * 8 < b.length) {
      int from = 0;
      for (int v : a) {
        int pos = Arrays.binarySearch(b, from, b.length, v);
        if (pos >= 0) {
          out[k++] = v;
          from = pos + 1;
        } else {
          from = -pos - 1;
        }
        if (from >= b.length) {
          break;
        }
      }
      return Arrays.copyOf(out, k);
    }
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        out[k++] = a[i++];
        j++;
      }
    }
    return Arrays.copyOf(out, k);
  }

  private static final class IntList {
    int[] data = new int[4];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    int last() {
      return data[size - 1];
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }

  // ---------------------------------------------------------------- cursors

  /** A page position that carries its query, as Backstage's cursors do. */
  private record Cursor(List<String> filters, Optional<String> order, boolean descending, int offset) {

    String encode() {
      ObjectNode n = JsonNodeFactory.instance.objectNode();
      ArrayNode f = n.putArray("filters");
      filters.forEach(f::add);
      order.ifPresent(o -> n.put("order", o));
      n.put("desc", descending);
      n.put("offset", offset);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
      try {
        JsonNode n = MAPPER.readTree(Base64.getUrlDecoder().decode(text));
        List<String> filters = new ArrayList<>();
        for (JsonNode f : n.path("filters")) {
          filters.add(f.asText());
        }
        int offset = n.path("offset").asInt(-1);
        if (offset < 0 || !n.path("filters").isArray()) {
          throw new CatalogException("malformed cursor: expected a cursor returned by a query, found \"" + text
              + "\"");
        }
        return new Cursor(filters, Optional.ofNullable(n.get("order")).map(JsonNode::asText),
            n.path("desc").asBoolean(), offset);
      } catch (IOException | IllegalArgumentException e) {
        throw new CatalogException("malformed cursor: expected a cursor returned by a query, found \"" + text
            + "\"");
      }
    }
  }
}
