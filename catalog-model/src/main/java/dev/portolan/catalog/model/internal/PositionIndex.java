package dev.portolan.catalog.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Lays the source positions of a YAML tree over a JSON tree derived from it, node by node in pre-order.
 * Object members are matched by key, array items by index, or by value when the items were reordered.
 */
public final class PositionIndex {

  private PositionIndex() {}

  /**
   * The number of nodes of a JSON tree, itself included.
   *
   * @param n the tree
   * @return the node count
   */
  public static int size(JsonNode n) {
    int s = 1;
    if (n.isContainerNode()) {
      for (JsonNode c : n) {
        s += size(c);
      }
    }
    return s;
  }

  /**
   * The position where each node of {@code tree} is written: where a scalar value starts; for an object
   * member holding a mapping or sequence, where its key is written (a block value starts on a later line);
   * 0 for a node the YAML tree does not have.
   *
   * @param root the YAML tree, may be null
   * @param tree the JSON tree
   * @return two ints per node in pre-order, the 1-based line and column (0 when unknown)
   */
  public static int[] positions(YNode root, JsonNode tree) {
    int[] out = new int[size(tree) * 2];
    walk(deref(root), root, tree, 0, out);
    return out;
  }

  private static int walk(YNode y, YNode at, JsonNode n, int idx, int[] out) {
    if (at != null) {
      out[idx * 2] = at.line + 1;
      out[idx * 2 + 1] = at.column + 1;
    }
    int next = idx + 1;
    if (n.isObject()) {
      YNode.Map m = y instanceof YNode.Map mm ? mm : null;
      int guess = 0;
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        int i = m == null ? -1 : keyIndex(m, e.getKey(), guess);
        if (i < 0) {
          next = walk(null, null, e.getValue(), next, out);
          continue;
        }
        YNode key = m.keys.get(i);
        YNode value = i < m.values.size() ? m.values.get(i) : null;
        YNode target = deref(value);
        next = walk(target, target instanceof YNode.Map || target instanceof YNode.Seq || value == null ? key : value,
            e.getValue(), next, out);
        guess = i + 1;
      }
    } else if (n.isArray()) {
      YNode.Seq q = y instanceof YNode.Seq qq ? qq : null;
      boolean[] used = q == null ? null : new boolean[q.items.size()];
      for (int j = 0; j < n.size(); j++) {
        JsonNode item = n.get(j);
        int i = q == null ? -1 : itemIndex(q, used, item, j);
        if (i >= 0) {
          used[i] = true;
        }
        YNode raw = i < 0 ? null : q.items.get(i);
        next = walk(deref(raw), raw, item, next, out);
      }
    }
    return next;
  }

  private static int keyIndex(YNode.Map m, String key, int guess) {
    if (guess < m.jsonKeys.size() && key.equals(m.jsonKeys.get(guess))) {
      return guess;
    }
    for (int i = m.jsonKeys.size() - 1; i >= 0; i--) {
      if (key.equals(m.jsonKeys.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int itemIndex(YNode.Seq q, boolean[] used, JsonNode item, int j) {
    if (!item.isTextual()) {
      return j < q.items.size() && !used[j] ? j : -1;
    }
    String text = item.textValue();
    if (j < q.items.size() && !used[j] && deref(q.items.get(j)) instanceof YNode.Scalar s && text.equals(s.value)) {
      return j;
    }
    for (int i = 0; i < q.items.size(); i++) {
      if (!used[i] && deref(q.items.get(i)) instanceof YNode.Scalar s && text.equals(s.value)) {
        return i;
      }
    }
    return j < q.items.size() && !used[j] ? j : -1;
  }

  private static YNode deref(YNode n) {
    int guard = 0;
    while (n instanceof YNode.Alias a && guard++ < 1000) {
      n = a.target;
    }
    return n;
  }
}
