package dev.portolan.catalog.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a document, located as precisely as the facts allow.
 *
 * @param file the file name or path as given
 * @param documentIndex the zero-based index of the document in its file
 * @param position where in the file, when known
 * @param ref the entity ref of the document, when it has a kind and a name
 * @param path the offending field; the root for whole-document problems
 * @param message what was expected and what was found
 * @param stage the Backstage processing stage that rejects this problem
 */
public record Violation(
    String file,
    int documentIndex,
    Optional<SourcePosition> position,
    Optional<EntityRef> ref,
    FieldPath path,
    String message,
    Stage stage) {

  /**
   * Checks the parts are present.
   *
   * @param file the file name or path as given
   * @param documentIndex the zero-based index of the document in its file
   * @param position where in the file, when known
   * @param ref the entity ref of the document, when it has a kind and a name
   * @param path the offending field; the root for whole-document problems
   * @param message what was expected and what was found
   * @param stage the Backstage processing stage that rejects this problem
   */
  public Violation {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(stage, "stage");
  }

  /**
   * The violation as one line: {@code <file>:<line>:<col>: <entity ref>: <field path>: <message>}, leaving
   * out the parts that are not known.
   *
   * @return the formatted violation
   */
  @Override
  public String toString() {
    return LocatedMessage.format(file, position, ref, path, message);
  }
}
