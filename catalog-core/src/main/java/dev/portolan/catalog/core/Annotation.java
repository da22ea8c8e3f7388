package dev.portolan.catalog.core;

import dev.portolan.catalog.model.Entity;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed annotation key: the key and how to read its value. Well-known ones are in
 * {@link WellKnownAnnotations}; define your own with {@link #of(String, Function)}.
 *
 * @param <T> the value type
 */
public final class Annotation<T> {

  private final String key;
  private final Function<String, Optional<T>> parser;

  private Annotation(String key, Function<String, Optional<T>> parser) {
    this.key = Objects.requireNonNull(key, "key");
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /**
   * An annotation whose value is parsed; a value the parser rejects (returns empty for) reads as absent.
   *
   * @param key the annotation key, e.g. {@code github.com/project-slug}
   * @param parser reads the raw value
   * @param <T> the value type
   * @return the annotation
   */
  public static <T> Annotation<T> of(String key, Function<String, Optional<T>> parser) {
    return new Annotation<>(key, parser);
  }

  /**
   * An annotation read as its raw, non-blank string.
   *
   * @param key the key
   * @return the annotation
   */
  public static Annotation<String> text(String key) {
    return new Annotation<>(key, v -> v.isBlank() ? Optional.empty() : Optional.of(v));
  }

  /**
   * The key.
   *
   * @return the annotation key
   */
  public String key() {
    return key;
  }

  /**
   * The typed value on an entity.
   *
   * @param entity the entity
   * @return the value, empty when absent or not readable
   */
  public Optional<T> get(Entity entity) {
    return entity.metadata().annotation(key).flatMap(parser);
  }

  /**
   * The typed value on a catalog entity.
   *
   * @param entity the entity
   * @return the value, empty when absent or not readable
   */
  public Optional<T> get(CatalogEntity entity) {
    String v = entity.json().path("metadata").path("annotations").path(key).textValue();
    return v == null ? Optional.empty() : parser.apply(v);
  }

  @Override
  public String toString() {
    return key;
  }
}
