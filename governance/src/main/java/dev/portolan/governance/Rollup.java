package dev.portolan.governance;

import java.util.Map;

/**
 * Scorecards rolled up over an owner group (including the entities of its sub-groups) or a system.
 *
 * @param scope {@code group} or {@code system}
 * @param ref the canonical ref of the group or system
 * @param entities how many entities were counted
 * @param levels how many entities reached each level as their highest ({@code none} for none)
 * @param score the mean entity score, rounded
 * @param failed failed rule results
 */
public record Rollup(String scope, String ref, int entities, Map<String, Integer> levels, int score, int failed) {

  /**
   * Copies the level counts.
   *
   * @param scope scope
   * @param ref ref
   * @param entities entities
   * @param levels levels
   * @param score score
   * @param failed failed
   */
  public Rollup {
    levels = Map.copyOf(levels);
  }
}
