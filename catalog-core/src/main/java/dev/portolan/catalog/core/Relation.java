package dev.portolan.catalog.core;

import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import java.util.Objects;
import java.util.Optional;

/**
 * One directed relation row: {@code source --type--> target}. Refs are normalised (lower-cased), as
 * Backstage stores them.
 *
 * @param source the source entity
 * @param type the relation type
 * @param target the target entity
 * @param origin the entity whose processing emitted this row (the source for forward rows, the target
 *     for reverse rows)
 * @param field the spec field that made the row, when a field did (empty for processor-emitted rows)
 */
public record Relation(EntityRef source, RelationType type, EntityRef target, EntityRef origin,
    Optional<FieldPath> field) {

  /** Normalises the refs and checks the parts are present. */
  public Relation {
    source = Objects.requireNonNull(source, "source").normalized();
    Objects.requireNonNull(type, "type");
    target = Objects.requireNonNull(target, "target").normalized();
    origin = Objects.requireNonNull(origin, "origin").normalized();
    Objects.requireNonNull(field, "field");
  }

  /**
   * The same relation seen from the target: {@code target --inverse--> source}.
   *
   * @return the inverse row, same origin and field
   */
  public Relation inverse() {
    return new Relation(target, type.inverse(), source, origin, field);
  }

  /** {@code source type target}. */
  @Override
  public String toString() {
    return source + " " + type.id() + " " + target;
  }
}
