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
 */
public record Violation(String check, String message, List<String> path, Optional<Severity> severity, boolean error) {

  /**
   * Creates a violation, copying the path.
   *
   * @param check the sub-check name
   * @param message the message
   * @param path the witness path
   * @param severity an overriding severity
   * @param error whether the outcome is undecided rather than failed
   */
  public Violation {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(message, "message");
    path = List.copyOf(path);
    Objects.requireNonNull(severity, "severity");
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
