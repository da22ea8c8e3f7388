package dev.portolan.catalog.core;

/**
 * The handle an {@link EntityProvider} receives to push its entities into a catalog. Thread-safe.
 */
public interface EntityProviderConnection {

  /**
   * Applies a mutation: the entities are validated and processed like entities read from files, a new
   * snapshot is published and listeners are told. Invalid entities become problems of the snapshot.
   *
   * @param mutation the full set or the delta
   * @return what changed
   */
  CatalogChange applyMutation(EntityProviderMutation mutation);
}
