package dev.portolan.catalog.core;

import dev.portolan.catalog.model.EntityRef;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two snapshots. Refs are normalised and sorted.
 *
 * @param previous the snapshot before the change
 * @param current the snapshot after the change
 * @param added entities only in {@code current}
 * @param updated entities in both whose processed entity or relations differ
 * @param removed entities only in {@code previous}
 */
public record CatalogChange(CatalogSnapshot previous, CatalogSnapshot current, List<EntityRef> added,
    List<EntityRef> updated, List<EntityRef> removed) {

  /**
   * Copies the lists.
   *
   * @param previous the snapshot before the change
   * @param current the snapshot after the change
   * @param added entities only in {@code current}
   * @param updated entities in both whose processed entity or relations differ
   * @param removed entities only in {@code previous}
   */
  public CatalogChange {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    added = List.copyOf(added);
    updated = List.copyOf(updated);
    removed = List.copyOf(removed);
  }

  /**
   * Whether any entity was added, updated or removed.
   *
   * @return true when nothing changed
   */
  public boolean isEmpty() {
    return added.isEmpty() && updated.isEmpty() && removed.isEmpty();
  }
}
