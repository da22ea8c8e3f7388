package dev.portolan.governance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One failed check of a rule on one entity.
 *
 * @param check the sub-check name ({@code Art. 9}, {@code owner}), or empty for a single-check rule
 * @param message the message for the user
 * @param path the witness: entity refs alternating with relation names, starting at the entity
 * @param severity the severity when it differs from the rule's (escalation), or empty
 * @param error true when the check could not be decided (e.g. an unresolved ref on the path)
 * @param field the field of the entity the violation is about (dotted, with indexes, e.g. {@code
 *     spec.accessGrants[0].expires}), when one is; reports point at the line where it is written
 */
public record Violation(String check, String message, List<String> path, Optional<Severity> severity, boolean error,
    Optional<String> field) {

  /**
   * Creates a violation, copying the path.
   *
   * @param check the sub-check name
   * @param message the message
   * @param path the witness path
   * @param severity an overriding severity
   * @param error whether the outcome is undecided rather than failed
   * @param field the field the violation is about
   */
  public Violation {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(message, "message");
    path = List.copyOf(path);
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(field, "field");
  }

  /**
   * Creates a violation that is about the entity as a whole (no particular field).
   *
   * @param check the sub-check name
   * @param message the message
   * @param path the witness path
   * @param severity an overriding severity
   * @param error whether the outcome is undecided rather than failed
   */
  public Violation(String check, String message, List<String> path, Optional<Severity> severity, boolean error) {
    this(check, message, path, severity, error, Optional.empty());
  }

  /**
   * A failure with the rule's severity about one field of the entity.
   *
   * @param field the field, e.g. {@code spec.owner}
   * @param message the message
   * @param path the witness path
   * @return the violation
   */
  public static Violation at(String field, String message, List<String> path) {
    return new Violation("", message, path, Optional.empty(), false, Optional.of(field));
  }

  /**
   * A failure with the rule's severity.
   *
   * @param message the message
   * @param path the witness path
   * @return the violation
   */
  public static Violation of(String message, List<String> path) {
    return new Violation("", message, path, Optional.empty(), false);
  }
}
