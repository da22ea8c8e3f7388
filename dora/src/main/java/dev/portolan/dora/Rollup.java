package dev.portolan.dora;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Metrics rolled up by team, system or domain: each group pools the samples of its services (it is not an average
 * of per-service values).
 *
 * @param by the grouping
 * @param window the window
 * @param groups the groups by name, in name order
 * @param unmapped services the directory could not place at this level
 */
public record Rollup(GroupBy by, Window window, Map<String, Group> groups, List<String> unmapped) {

  /**
   * Checks and copies the parts.
   *
   * @param by the grouping
   * @param window the window
   * @param groups the groups by name, in name order
   * @param unmapped services the directory could not place at this level
   */
  public Rollup {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(window, "window");
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    unmapped = List.copyOf(unmapped);
  }

  /**
   * One group.
   *
   * @param name the group's entity ref
   * @param services its services
   * @param metrics their pooled metrics
   */
  public record Group(String name, List<String> services, ScopeMetrics metrics) {

    /**
     * Checks and copies the parts.
     *
     * @param name the group's entity ref
     * @param services its services
     * @param metrics their pooled metrics
     */
    public Group {
      Objects.requireNonNull(name, "name");
      services = List.copyOf(services);
      Objects.requireNonNull(metrics, "metrics");
    }
  }
}
