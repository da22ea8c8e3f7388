package dev.portolan.catalog.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hooks into the processing of every entity, as Backstage's {@code CatalogProcessor}. Processors run in
 * ascending {@link #priority()}, then in registration order.
 *
 * <ul>
 *   <li>{@link #preProcess} runs after placeholders are resolved and before validation; it may change the
 *       entity (add annotations, fill defaults). What it returns is validated.</li>
 *   <li>{@link #postProcess} runs after validation and Backstage's relations are emitted; it may emit
 *       extra relations (with the field that declares them and edge attributes) or reject the entity with a
 *       located error.</li>
 *   <li>{@link #processCatalog} runs once per snapshot, after every entity is processed and the snapshot's
 *       relations are stitched; it sees the whole catalog and may emit relations that need more than one
 *       entity (a relation inferred from the kind of a target, for instance). Its relations join the
 *       snapshot's relations, graph and queries.</li>
 * </ul>
 *
 * A processor that throws in {@link #preProcess} or {@link #postProcess} fails that entity only, with a
 * {@link CatalogProblem.Kind#PROCESSOR} problem; one that throws in {@link #processCatalog} contributes no
 * relations to that snapshot and the failure is reported the same way.
 */
public interface EntityProcessor {

  /**
   * The name used in problems.
   *
   * @return the name
   */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * Lower runs earlier; Backstage's default is 20.
   *
   * @return the priority
   */
  default int priority() {
    return 20;
  }

  /**
   * Changes the raw entity before validation.
   *
   * @param entity a private, mutable copy of the entity
   * @param context where the entity comes from
   * @return the entity to validate (usually {@code entity} itself)
   */
  default ObjectNode preProcess(ObjectNode entity, ProcessingContext context) {
    return entity;
  }

  /**
   * Looks at the valid, processed entity; emits relations or rejects it through the context.
   *
   * @param entity a read-only view of the processed entity (changes are ignored)
   * @param context where the entity comes from, and how to emit relations or reject
   */
  default void postProcess(ObjectNode entity, ProcessingContext context) {}

  /**
   * Looks at the whole catalog once per snapshot, after all per-entity processing; emits relations that
   * need more than one entity through the context.
   *
   * @param catalog the snapshot as assembled so far: every entity with the relations emitted while
   *     processing entities (not those of catalog passes)
   * @param context how to emit relations
   */
  default void processCatalog(CatalogSnapshot catalog, CatalogPassContext context) {}
}
