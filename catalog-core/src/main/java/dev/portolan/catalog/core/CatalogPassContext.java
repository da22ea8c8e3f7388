package dev.portolan.catalog.core;

import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@link EntityProcessor#processCatalog catalog pass} can do: emit relations between entities of the
 * snapshot. Each relation is added with its inverse; rows are stitched as Backstage stitches them (one row
 * per source, type and target; the first row's field and attributes are kept). A relation whose source is
 * not in the catalog is ignored; one whose target is not is reported as a dangling relation at the field.
 */
public interface CatalogPassContext {

  /**
   * Emits a relation and its inverse.
   *
   * @param source the source entity; its processing is the row's origin
   * @param type the relation type
   * @param target the target entity
   * @param field the field of the source entity that the relation derives from, if one does
   * @param attributes facts about the edge (strings, numbers, booleans or lists of those)
   * @throws IllegalArgumentException if an attribute value is not one of the accepted types
   */
  void emitRelation(EntityRef source, RelationType type, EntityRef target, Optional<FieldPath> field,
      Map<String, Object> attributes);
}
