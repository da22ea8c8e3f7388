package dev.portolan.catalog.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one document of a file.
 *
 * @param file the file name or path as given
 * @param documentIndex the zero-based index of the document in its file (empty documents count, as in
 *     Backstage, but produce no result)
 * @param ref the canonical entity ref, when the document has a string kind and name
 * @param kind the {@code kind} as written, when it is a string
 * @param valid whether Backstage accepts the document
 * @param violations every problem found, empty when valid
 * @param entity the parsed entity, when the document is a mapping
 * @param backstageVerdict Backstage's own stage and message, when invalid
 */
public record DocumentResult(
    String file,
    int documentIndex,
    Optional<EntityRef> ref,
    Optional<String> kind,
    boolean valid,
    List<Violation> violations,
    Optional<Entity> entity,
    Optional<BackstageVerdict> backstageVerdict) {

  /**
   * Checks the parts and copies the violations.
   *
   * @param file the file name or path as given
   * @param documentIndex the zero-based index of the document in its file (empty documents count, as in
   *     Backstage, but produce no result)
   * @param ref the canonical entity ref, when the document has a string kind and name
   * @param kind the {@code kind} as written, when it is a string
   * @param valid whether Backstage accepts the document
   * @param violations every problem found, empty when valid
   * @param entity the parsed entity, when the document is a mapping
   * @param backstageVerdict Backstage's own stage and message, when invalid
   */
  public DocumentResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(kind, "kind");
    violations = List.copyOf(violations);
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(backstageVerdict, "backstageVerdict");
    if (valid != violations.isEmpty()) {
      throw new IllegalArgumentException("a document is valid exactly when it has no violations");
    }
  }
}
