package dev.portolan.catalog.model;

import java.util.Objects;

/**
 * A problem a {@link KindValidator} finds in an entity of its kind.
 *
 * @param path the offending field
 * @param message what was expected and what was found
 */
public record KindViolation(FieldPath path, String message) {

  /**
   * Checks the parts are present.
   *
   * @param path the offending field
   * @param message what was expected and what was found
   */
  public KindViolation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
