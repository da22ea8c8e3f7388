package dev.portolan.catalog.core;

import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import java.util.Map;
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
   * @throws IllegalStateException when called while preprocessing
   */
  default void emitRelation(RelationType type, EntityRef target) {
    emitRelation(type, target, Optional.empty(), Map.of());
  }

  /**
   * Emits a relation from this entity, and its inverse from the target, naming the field that declares it
   * (problems about the relation, such as a missing target, point at that field) and carrying edge
   * attributes (postprocessing only).
   *
   * @param type the relation type
   * @param target the target entity
   * @param field the field of this entity that declares the relation, if one does
   * @param attributes facts about the edge (strings, numbers, booleans or lists of those); the inverse row
   *     carries the same
   * @throws IllegalStateException when called while preprocessing
   * @throws IllegalArgumentException if an attribute value is not one of the accepted types
   */
  void emitRelation(RelationType type, EntityRef target, Optional<FieldPath> field, Map<String, Object> attributes);

  /**
   * Rejects the entity: it is left out of the catalog and a problem is reported at the field.
   *
   * @param path the offending field
   * @param message what was expected and what was found
   */
  void reject(FieldPath path, String message);
}
