package dev.portolan.governance;

/**
 * The logic of a rule, for rules written in Java. Rules read from YAML compile to this interface too.
 * Implementations must be thread-safe and must not read the wall clock: use {@link RuleContext#asOf()}.
 */
@FunctionalInterface
public interface RuleCheck {

  /**
   * Checks one entity that is inside the rule's {@link Scope}.
   *
   * @param asset the entity
   * @param context the catalog, the evaluation date and graph helpers
   * @return whether the rule applies and, if so, what failed
   */
  CheckOutcome check(Asset asset, RuleContext context);
}
