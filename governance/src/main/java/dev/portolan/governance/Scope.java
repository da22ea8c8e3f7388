package dev.portolan.governance;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cheap pre-filter of the entities a rule looks at. Empty sets mean "any". Built with the factories and
 * refined with the withers, e.g. {@code Scope.kinds("Component", "System").withLabel("gov.example.com/risk-tier",
 * "high")} or {@code Scope.types("agent")}.
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
   * The scope that matches every entity.
   *
   * @return {@link #ALL}
   */
  public static Scope all() {
    return ALL;
  }

  /**
   * Entities of any of these kinds.
   *
   * @param kinds entity kinds, compared case-insensitively ({@code Component}, {@code AiResource}, …)
   * @return the scope
   */
  public static Scope kinds(String... kinds) {
    return new Scope(Set.of(kinds), Set.of(), Map.of());
  }

  /**
   * Entities of any of these asset types or {@code spec.type} values.
   *
   * @param types {@code model}, {@code dataset}, {@code agent}, {@code model-server}, {@code mcp-server}, or a
   *     {@code spec.type} such as {@code service}
   * @return the scope
   */
  public static Scope types(String... types) {
    return new Scope(Set.of(), Set.of(types), Map.of());
  }

  /**
   * Entities with a label of this value.
   *
   * @param key the label key
   * @param value the value
   * @return the scope
   */
  public static Scope label(String key, String value) {
    return new Scope(Set.of(), Set.of(), Map.of(key, value));
  }

  /**
   * This scope, restricted to these kinds (replacing any kinds it had).
   *
   * @param kinds entity kinds
   * @return the scope
   */
  public Scope withKinds(String... kinds) {
    return new Scope(Set.of(kinds), types, labels);
  }

  /**
   * This scope, restricted to these asset types or {@code spec.type} values (replacing any it had).
   *
   * @param types the types
   * @return the scope
   */
  public Scope withTypes(String... types) {
    return new Scope(kinds, Set.of(types), labels);
  }

  /**
   * This scope, also requiring a label value.
   *
   * @param key the label key
   * @param value the value
   * @return the scope
   */
  public Scope withLabel(String key, String value) {
    Map<String, String> l = new java.util.HashMap<>(labels);
    l.put(key, value);
    return new Scope(kinds, types, l);
  }

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
