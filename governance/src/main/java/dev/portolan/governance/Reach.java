package dev.portolan.governance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity reached from a start by a {@link RelationPath}, with the shortest witness path that reaches it.
 *
 * @param target the canonical ref of the entity reached (or the text as written when a relation points at
 *     something that is not a ref)
 * @param path the witness: entity refs alternating with relation names, from the start to {@code target}
 * @param asset the entity, when it is in the catalog; empty for an unregistered target
 */
public record Reach(String target, List<String> path, Optional<Asset> asset) {

  /**
   * Copies the path.
   *
   * @param target the target ref
   * @param path the witness path
   * @param asset the entity, if registered
   */
  public Reach {
    Objects.requireNonNull(target, "target");
    path = List.copyOf(path);
    Objects.requireNonNull(asset, "asset");
  }

  /**
   * Whether the target is an entity of the catalog.
   *
   * @return true when registered
   */
  public boolean resolved() {
    return asset.isPresent();
  }

  /**
   * The relations along the witness path, in order (every second element of {@link #path()}).
   *
   * @return the relation names
   */
  public List<String> relations() {
    java.util.ArrayList<String> out = new java.util.ArrayList<>(path.size() / 2);
    for (int i = 1; i < path.size(); i += 2) {
      out.add(path.get(i));
    }
    return List.copyOf(out);
  }
}
