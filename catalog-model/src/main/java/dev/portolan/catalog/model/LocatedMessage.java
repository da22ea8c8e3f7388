package dev.portolan.catalog.model;

import java.util.Optional;

/**
 * The one-line form every Portolan problem is printed in:
 * {@code <file>:<line>:<col>: <entity ref>: <field path>: <message>}, leaving out the parts that are not
 * known (no position, no ref, the document root).
 */
public final class LocatedMessage {

  private LocatedMessage() {}

  /**
   * Formats a problem.
   *
   * @param file the file as given by the user
   * @param position where in the file, when known
   * @param ref the entity, when known
   * @param path the field; the root path is left out
   * @param message what was expected and what was found
   * @return the formatted line
   */
  public static String format(String file, Optional<SourcePosition> position, Optional<EntityRef> ref,
      FieldPath path, String message) {
    StringBuilder sb = new StringBuilder(file);
    position.ifPresent(p -> sb.append(':').append(p.line()).append(':').append(p.column()));
    ref.ifPresent(r -> sb.append(": ").append(r));
    if (!path.isRoot()) {
      sb.append(": ").append(path);
    }
    return sb.append(": ").append(message).toString();
  }
}
