package dev.portolan.catalog.core;

import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import java.util.Optional;

/** What an {@link EntityProcessor} knows about the entity being processed, and what it can do. */
public interface ProcessingContext {

  /**
   * The location the entity was read from, e.g. {@code file:/repo/catalog-info.yaml}.
   *
   * @return the location ref
   */
  String location();

  /**
   * The entity's ref, once known (always in {@link EntityProcessor#postProcess}).
   *
   * @return the ref
   */
  Optional<EntityRef> ref();

  /**
   * Emits a relation from this entity, and its inverse from the target (postprocessing only).
   *
   * @param type the relation type
   * @param target the target entity
   */
  void emitRelation(RelationType type, EntityRef target);

  /**
   * Rejects the entity: it is left out of the catalog and a problem is reported at the field.
   *
   * @param path the offending field
   * @param message what was expected and what was found
   */
  void reject(FieldPath path, String message);
}
