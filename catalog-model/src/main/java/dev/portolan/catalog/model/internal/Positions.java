package dev.portolan.catalog.model.internal;

import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.SourcePosition;
import java.util.Optional;

/** Finds the source position of a field in a YAML tree. */
public final class Positions {

  private Positions() {}

  /**
   * The position of the value at a path, or of its nearest existing ancestor.
   *
   * @param root the document tree, may be null
   * @param path the field path
   * @param key whether to return the position of the key rather than the value
   * @return the 1-based position, empty when the tree is unknown
   */
  public static Optional<SourcePosition> find(YNode root, FieldPath path, boolean key) {
    if (root == null) {
      return Optional.empty();
    }
    YNode cur = root;
    YNode keyNode = null;
    for (FieldPath.Segment s : path.segments()) {
      cur = deref(cur);
      YNode next = null;
      YNode nextKey = null;
      if (s instanceof FieldPath.Key k && cur instanceof YNode.Map m) {
        for (int i = m.jsonKeys.size() - 1; i >= 0; i--) {
          if (m.jsonKeys.get(i).equals(k.name())) {
            nextKey = m.keys.get(i);
            next = i < m.values.size() ? m.values.get(i) : nextKey;
            break;
          }
        }
      } else if (s instanceof FieldPath.Index ix && cur instanceof YNode.Seq q && ix.index() < q.items.size()) {
        next = q.items.get(ix.index());
      }
      if (next == null) {
        break;
      }
      cur = next;
      keyNode = nextKey;
    }
    YNode at = key && keyNode != null ? keyNode : cur;
    return Optional.of(new SourcePosition(at.line + 1, at.column + 1));
  }

  private static YNode deref(YNode n) {
    int guard = 0;
    while (n instanceof YNode.Alias a && guard++ < 1000) {
      n = a.target;
    }
    return n;
  }
}
