package dev.portolan.catalog.core;

import dev.portolan.catalog.model.EntityRef;
import java.util.List;

/**
 * A change an {@link EntityProvider} pushes, as Backstage's {@code EntityProviderMutation}: either the full
 * set of its entities, or a delta of added (or replaced) and removed ones.
 */
public sealed interface EntityProviderMutation permits EntityProviderMutation.Full, EntityProviderMutation.Delta {

  /**
   * Replaces everything the provider gave before.
   *
   * @param entities the provider's entities
   */
  record Full(List<DeferredEntity> entities) implements EntityProviderMutation {
    /**
     * Copies the list.
     *
     * @param entities the provider's entities
     */
    public Full {
      entities = List.copyOf(entities);
    }
  }

  /**
   * Adds or replaces some entities and removes others.
   *
   * @param added entities to add or replace (by ref)
   * @param removed refs to remove
   */
  record Delta(List<DeferredEntity> added, List<EntityRef> removed) implements EntityProviderMutation {
    /**
     * Copies the lists.
     *
     * @param added entities to add or replace (by ref)
     * @param removed refs to remove
     */
    public Delta {
      added = List.copyOf(added);
      removed = List.copyOf(removed);
    }
  }
}
