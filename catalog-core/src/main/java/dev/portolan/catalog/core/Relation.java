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

  /**
   * Normalises the refs and checks the parts are present.
   *
   * @param source the source entity
   * @param type the relation type
   * @param target the target entity
   * @param origin the entity whose processing emitted this row (the source for forward rows, the target
   *     for reverse rows)
   * @param field the spec field that made the row, when a field did (empty for processor-emitted rows)
   */
  public Relation {
    source = normalize(Objects.requireNonNull(source, "source"));
    Objects.requireNonNull(type, "type");
    target = normalize(Objects.requireNonNull(target, "target"));
    origin = normalize(Objects.requireNonNull(origin, "origin"));
    Objects.requireNonNull(field, "field");
  }

  /** The ref itself when already lower-case (no allocation), else its normalised copy. */
  static EntityRef normalize(EntityRef r) {
    String k = r.kind().toLowerCase(java.util.Locale.ROOT);
    String n = r.namespace().toLowerCase(java.util.Locale.ROOT);
    String m = r.name().toLowerCase(java.util.Locale.ROOT);
    return k == r.kind() && n == r.namespace() && m == r.name() ? r : new EntityRef(k, n, m);
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
