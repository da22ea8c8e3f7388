package dev.portolan.governance;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link RuleCheck} decided for one entity.
 *
 * @param applicable false when the rule does not apply to the entity
 * @param violations the failed checks; empty when the entity passes
 */
public record CheckOutcome(boolean applicable, List<Violation> violations) {

  private static final CheckOutcome NOT_APPLICABLE = new CheckOutcome(false, List.of());
  private static final CheckOutcome PASS = new CheckOutcome(true, List.of());

  /**
   * Creates an outcome, copying the violations.
   *
   * @param applicable whether the rule applies
   * @param violations the violations
   */
  public CheckOutcome {
    violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
    if (!applicable && !violations.isEmpty()) {
      throw new IllegalArgumentException("a rule that does not apply cannot have violations");
    }
  }

  /**
   * The rule does not apply.
   *
   * @return the outcome
   */
  public static CheckOutcome notApplicable() {
    return NOT_APPLICABLE;
  }

  /**
   * The entity passes.
   *
   * @return the outcome
   */
  public static CheckOutcome pass() {
    return PASS;
  }

  /**
   * The entity fails.
   *
   * @param violations at least one violation
   * @return the outcome
   */
  public static CheckOutcome fail(List<Violation> violations) {
    return new CheckOutcome(true, violations);
  }
}
