package dev.portolan.governance;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cheap pre-filter of the entities a rule looks at. Empty sets mean "any".
 *
 * @param kinds entity kinds (case-insensitive)
 * @param types asset types ({@code model}, {@code dataset}, {@code agent}, {@code model-server}, {@code
 *     mcp-server}) or {@code spec.type} values
 * @param labels labels that must be present with these values
 */
public record Scope(Set<String> kinds, Set<String> types, Map<String, String> labels) {

  /** A scope that matches every entity. */
  public static final Scope ALL = new Scope(Set.of(), Set.of(), Map.of());

  /**
   * Creates a scope, lower-casing and copying the sets.
   *
   * @param kinds kinds
   * @param types types
   * @param labels labels
   */
  public Scope {
    kinds = kinds.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    types = types.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    labels = Map.copyOf(labels);
  }

  /**
   * Whether an entity is in scope.
   *
   * @param asset the entity
   * @return true when kind, type and labels match
   */
  public boolean matches(Asset asset) {
    if (!kinds.isEmpty() && !kinds.contains(asset.kindLower())) {
      return false;
    }
    if (!types.isEmpty() && !types.contains(asset.assetType().label()) && !types.contains(asset.specTypeLower())) {
      return false;
    }
    for (Map.Entry<String, String> l : labels.entrySet()) {
      String v = asset.tree().path("metadata").path("labels").path(l.getKey()).asText(null);
      if (v == null || !v.equals(l.getValue())) {
        return false;
      }
    }
    return true;
  }
}
