package dev.portolan.catalog.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed, immutable view of an entity's {@code metadata}. Values of the wrong type (which only an invalid
 * entity has) are left out of this view; the raw values stay available through {@link Entity#at(FieldPath)}.
 * Unknown metadata keys are kept by the entity and reachable the same way.
 *
 * @param name {@code metadata.name}, empty string when absent
 * @param namespace {@code metadata.namespace} as written
 * @param title the display title
 * @param description the description
 * @param labels the labels, in document order
 * @param annotations the annotations, in document order
 * @param tags the tags
 * @param links the links
 * @param uid the catalog-assigned id
 * @param etag the catalog-assigned etag
 */
public record EntityMetadata(
    String name,
    Optional<String> namespace,
    Optional<String> title,
    Optional<String> description,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<String> tags,
    List<EntityLink> links,
    Optional<String> uid,
    Optional<String> etag) {

  /**
   * Checks the parts and copies the collections (labels and annotations keep their order).
   *
   * @param name {@code metadata.name}, empty string when absent
   * @param namespace {@code metadata.namespace} as written
   * @param title the display title
   * @param description the description
   * @param labels the labels, in document order
   * @param annotations the annotations, in document order
   * @param tags the tags
   * @param links the links
   * @param uid the catalog-assigned id
   * @param etag the catalog-assigned etag
   */
  public EntityMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    annotations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(annotations));
    tags = List.copyOf(tags);
    links = List.copyOf(links);
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(etag, "etag");
  }

  /**
   * The namespace, or {@value EntityRef#DEFAULT_NAMESPACE} when absent or empty.
   *
   * @return the effective namespace
   */
  public String namespaceOrDefault() {
    return namespace.filter(n -> !n.isEmpty()).orElse(EntityRef.DEFAULT_NAMESPACE);
  }

  /**
   * One annotation.
   *
   * @param key the annotation key
   * @return its value, if set
   */
  public Optional<String> annotation(String key) {
    return Optional.ofNullable(annotations.get(key));
  }

  /**
   * One label.
   *
   * @param key the label key
   * @return its value, if set
   */
  public Optional<String> label(String key) {
    return Optional.ofNullable(labels.get(key));
  }
}
