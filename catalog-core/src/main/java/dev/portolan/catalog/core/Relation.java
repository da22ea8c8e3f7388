package dev.portolan.catalog.core;

import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param field the field that made the row, when a field did (Backstage's spec fields, or the field a
 *     processor named when it emitted the row)
 * @param attributes facts about this edge, such as the environment and permissions of an access grant; empty
 *     for Backstage's own relations. Values are strings, numbers, booleans or lists of those
 */
public record Relation(EntityRef source, RelationType type, EntityRef target, EntityRef origin,
    Optional<FieldPath> field, Map<String, Object> attributes) {

  /**
   * Normalises the refs, checks the parts are present and copies the attributes.
   *
   * @param source the source entity
   * @param type the relation type
   * @param target the target entity
   * @param origin the entity whose processing emitted this row (the source for forward rows, the target
   *     for reverse rows)
   * @param field the field that made the row, when a field did
   * @param attributes facts about this edge (strings, numbers, booleans or lists of those)
   * @throws IllegalArgumentException if an attribute value is not a string, number, boolean or list of those
   */
  public Relation {
    source = normalize(Objects.requireNonNull(source, "source"));
    Objects.requireNonNull(type, "type");
    target = normalize(Objects.requireNonNull(target, "target"));
    origin = normalize(Objects.requireNonNull(origin, "origin"));
    Objects.requireNonNull(field, "field");
    attributes = copyAttributes(attributes);
  }

  /**
   * A relation without attributes.
   *
   * @param source the source entity
   * @param type the relation type
   * @param target the target entity
   * @param origin the entity whose processing emitted this row
   * @param field the field that made the row, when a field did
   */
  public Relation(EntityRef source, RelationType type, EntityRef target, EntityRef origin,
      Optional<FieldPath> field) {
    this(source, type, target, origin, field, Map.of());
  }

  private static Map<String, Object> copyAttributes(Map<String, Object> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    if (attributes.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      out.put(Objects.requireNonNull(e.getKey(), "attribute name"), attributeValue(e.getKey(), e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object attributeValue(String name, Object v) {
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (!(o instanceof String || o instanceof Number || o instanceof Boolean)) {
          throw new IllegalArgumentException("relation attribute " + name
              + ": expected a list of strings, numbers or booleans, found an item that is " + describe(o));
        }
      }
      return List.copyOf(l);
    }
    throw new IllegalArgumentException("relation attribute " + name
        + ": expected a string, number, boolean or list of those, found " + describe(v));
  }

  private static String describe(Object o) {
    if (o == null) {
      return "null";
    }
    if (o instanceof Map) {
      return "an object";
    }
    if (o instanceof java.util.Collection) {
      return "a list";
    }
    return "a " + o.getClass().getSimpleName();
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
   * @return the inverse row, same origin, field and attributes
   */
  public Relation inverse() {
    return new Relation(target, type.inverse(), source, origin, field, attributes);
  }

  /** {@code source type target}. */
  @Override
  public String toString() {
    return source + " " + type.id() + " " + target;
  }
}
