package dev.portolan.maven.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding of a goal, in the shape every report format needs.
 *
 * @param error whether the finding fails the build (a warning otherwise)
 * @param rule the rule id, e.g. {@code portolan/invalid-entity}
 * @param file the file as shown to the user (relative to the project when below it)
 * @param line the 1-based line, 0 when unknown
 * @param column the 1-based column, 0 when unknown
 * @param ref the entity ref, when known
 * @param path the field path, empty for whole-entity findings
 * @param message what was expected and what was found
 */
public record Problem(boolean error, String rule, String file, int line, int column, Optional<String> ref,
    String path, String message) {

  /**
   * Checks the parts are present.
   *
   * @param error whether the finding fails the build (a warning otherwise)
   * @param rule the rule id, e.g. {@code portolan/invalid-entity}
   * @param file the file as shown to the user (relative to the project when below it)
   * @param line the 1-based line, 0 when unknown
   * @param column the 1-based column, 0 when unknown
   * @param ref the entity ref, when known
   * @param path the field path, empty for whole-entity findings
   * @param message what was expected and what was found
   */
  public Problem {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The finding as one line: {@code <file>:<line>:<col>: <entity ref>: <field path>: <message>}, leaving out
   * the parts that are not known.
   *
   * @return the formatted finding
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    ref.ifPresent(r -> sb.append(": ").append(r));
    if (!path.isEmpty()) {
      sb.append(": ").append(path);
    }
    return sb.append(": ").append(message).toString();
  }
}
