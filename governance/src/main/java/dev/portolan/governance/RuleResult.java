package dev.portolan.governance;

/**
 * The outcome of one rule on one entity it applies to.
 *
 * @param rule the rule id
 * @param entity the canonical entity ref
 * @param status the outcome
 */
public record RuleResult(String rule, String entity, Status status) {

  /** Outcome of a rule on an entity. */
  public enum Status {
    /** Every check passed. */
    PASS,
    /** At least one check failed and no waiver covers it. */
    FAIL,
    /** The failures are covered by valid waivers. */
    WAIVED,
    /** A check could not be decided (unresolved refs, rule error). */
    ERROR;

    /** @return the lower-case name used in reports */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
