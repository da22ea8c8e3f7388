package dev.portolan.catalog.core;

import dev.portolan.catalog.model.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * A relation whose target is not in the catalog. It is kept in its source's relations, as Backstage keeps
 * it.
 *
 * @param relation the relation, from the entity that wrote it
 * @param file the file of the entity that wrote it
 * @param position where the field item is written, when known
 */
public record DanglingRelation(Relation relation, String file, Optional<SourcePosition> position) {

  /**
   * Checks the parts are present.
   *
   * @param relation the relation, from the entity that wrote it
   * @param file the file of the entity that wrote it
   * @param position where the field item is written, when known
   */
  public DanglingRelation {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
  }
}
