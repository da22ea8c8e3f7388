package dev.portolan.catalog.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.model.internal.PositionIndex;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each field of an entity is written in its source document, laid over a JSON tree derived from the
 * document (such as the processed entity, with defaults added, placeholders resolved and relation arrays
 * sorted). Object members are found by key and array items by index, or by value when the items were
 * reordered; a field the document does not contain is reported at its nearest written ancestor. Compact:
 * two ints per node of the tree. Immutable and thread-safe as long as the tree is not changed.
 */
public final class FieldPositions {

  private static final FieldPositions NONE = new FieldPositions(null, new int[0]);

  private final JsonNode tree;
  private final int[] at;

  private FieldPositions(JsonNode tree, int[] at) {
    this.tree = tree;
    this.at = at;
  }

  /**
   * Positions for a tree that was not read from a file: every lookup is empty.
   *
   * @return the empty positions
   */
  public static FieldPositions none() {
    return NONE;
  }

  /**
   * The positions of the fields of a tree derived from a document.
   *
   * @param document the document the tree was derived from
   * @param tree the derived tree; kept, not copied, so it must not be changed afterwards
   * @return the positions; {@link #none()} when the document could not be read
   */
  public static FieldPositions of(SourceDocument document, JsonNode tree) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(tree, "tree");
    if (document.tree() == null) {
      return NONE;
    }
    return new FieldPositions(tree, PositionIndex.positions(document.tree(), tree));
  }

  /**
   * Where a field is written: where its value starts for a scalar (as {@link SourceDocument#position}), where
   * its key is written for an object member holding an object or array. For a field the document does not
   * contain (added by processing, or absent), the position of its nearest written ancestor.
   *
   * @param path the field path, e.g. {@code spec.owner} or {@code spec.dependsOn[1]}
   * @return the 1-based position, empty when the document's positions are unknown
   */
  public Optional<SourcePosition> position(FieldPath path) {
    if (tree == null) {
      return Optional.empty();
    }
    JsonNode cur = tree;
    int idx = 0;
    int best = at[0] > 0 ? 0 : -1;
    for (FieldPath.Segment s : path.segments()) {
      int child = -1;
      JsonNode next = null;
      if (s instanceof FieldPath.Key k && cur.isObject()) {
        int i = idx + 1;
        for (Map.Entry<String, JsonNode> e : cur.properties()) {
          if (e.getKey().equals(k.name())) {
            child = i;
            next = e.getValue();
            break;
          }
          i += PositionIndex.size(e.getValue());
        }
      } else if (s instanceof FieldPath.Index ix && cur.isArray() && ix.index() < cur.size()) {
        int i = idx + 1;
        for (int j = 0; j < ix.index(); j++) {
          i += PositionIndex.size(cur.get(j));
        }
        child = i;
        next = cur.get(ix.index());
      }
      if (next == null) {
        break;
      }
      cur = next;
      idx = child;
      if (at[idx * 2] > 0) {
        best = idx;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(new SourcePosition(at[best * 2], at[best * 2 + 1]));
  }

  /**
   * Whether positions are known (the tree was read from a file).
   *
   * @return true when lookups can find positions
   */
  public boolean isKnown() {
    return tree != null;
  }
}
