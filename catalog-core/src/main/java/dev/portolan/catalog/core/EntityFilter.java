package dev.portolan.catalog.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Backstage catalog filter: conditions that must all hold ({@code kind=component,spec.type=service}).
 * Several filters in a query are ORed. Each condition is {@code key=value} (equality), {@code key=} (the
 * empty value) or {@code key} (the key exists). Keys and values are trimmed and compared case-insensitively;
 * the same key twice means any of its values ({@code kind=component,kind=api}); a bare key together with
 * {@code key=v} means equality.
 *
 * @param conditions lower-cased key → accepted lower-cased values; an empty value set means "exists"
 */
public record EntityFilter(Map<String, Set<String>> conditions) {

  /**
   * Copies the conditions, keeping their order.
   *
   * @param conditions lower-cased key → accepted lower-cased values; an empty value set means "exists"
   */
  public EntityFilter {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    conditions.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    conditions = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Parses a filter expression.
   *
   * @param expression e.g. {@code kind=component,spec.type=service,metadata.tags.java}
   * @return the filter
   * @throws CatalogException for a statement with an empty key
   */
  public static EntityFilter parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    Map<String, Set<String>> conditions = new LinkedHashMap<>();
    for (String statement : expression.split(",", -1)) {
      String st = statement.trim();
      if (st.isEmpty()) {
        continue;
      }
      int eq = st.indexOf('=');
      String key = (eq < 0 ? st : st.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      if (key.isEmpty()) {
        throw new CatalogException("Invalid filter, '" + st
            + "' is not a valid statement (expected a string on the form a=b or a= or a)");
      }
      Set<String> values = conditions.computeIfAbsent(key, k -> new LinkedHashSet<>());
      if (eq >= 0) {
        values.add(st.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
      }
    }
    return new EntityFilter(conditions);
  }

  /**
   * A filter of one equality condition.
   *
   * @param key the field path, e.g. {@code spec.owner}
   * @param value the value
   * @return the filter
   */
  public static EntityFilter equal(String key, String value) {
    return new EntityFilter(Map.of(key.toLowerCase(Locale.ROOT), Set.of(value.toLowerCase(Locale.ROOT))));
  }

  /**
   * The values accepted for a key.
   *
   * @param key the lower-case key
   * @return the values; empty for an existence condition or an absent key
   */
  public Optional<Set<String>> values(String key) {
    return Optional.ofNullable(conditions.get(key));
  }

  /** The filter in the form {@link #parse} reads. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    conditions.forEach((k, vs) -> {
      if (vs.isEmpty()) {
        parts.add(k);
      } else {
        vs.stream().sorted().forEach(v -> parts.add(k + "=" + v));
      }
    });
    return String.join(",", parts);
  }
}
