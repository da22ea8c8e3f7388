package dev.portolan.dora;

import java.util.Locale;
import java.util.Optional;

/** How a rollup groups services. */
public enum GroupBy {
  /** Each service on its own (its catalog entity). */
  SERVICE,
  /** The owning group and every parent group above it. */
  TEAM,
  /** The system the service is part of. */
  SYSTEM,
  /** The domain of that system. */
  DOMAIN;

  /**
   * The lower-case name.
   *
   * @return {@code service}, {@code team}, {@code system} or {@code domain}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a lower-case name.
   *
   * @param key the name
   * @return the grouping, or empty
   */
  public static Optional<GroupBy> fromKey(String key) {
    for (GroupBy g : values()) {
      if (g.key().equals(key)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
