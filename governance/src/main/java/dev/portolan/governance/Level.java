package dev.portolan.governance;

import java.util.Objects;
import java.util.Set;

/**
 * A scorecard level: a name and the rules an entity must pass (or have waived) to reach it, on top of every
 * lower level's rules.
 *
 * @param name the level name, e.g. {@code silver}
 * @param rules the rule ids of this level
 */
public record Level(String name, Set<String> rules) {

  /**
   * Copies the rule set.
   *
   * @param name name
   * @param rules rules
   */
  public Level {
    Objects.requireNonNull(name, "name");
    rules = Set.copyOf(rules);
  }
}
