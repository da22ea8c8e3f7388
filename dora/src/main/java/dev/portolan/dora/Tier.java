package dev.portolan.dora;

import java.util.Locale;
import java.util.Optional;

/** A DORA performance tier, from worst to best. */
public enum Tier {
  /** Low performance. */
  LOW,
  /** Medium performance. */
  MEDIUM,
  /** High performance. */
  HIGH,
  /** Elite performance. */
  ELITE;

  /**
   * The lower-case name used in reports.
   *
   * @return {@code low}, {@code medium}, {@code high} or {@code elite}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a lower-case name.
   *
   * @param key {@code low}, {@code medium}, {@code high} or {@code elite}
   * @return the tier, or empty for any other text
   */
  public static Optional<Tier> fromKey(String key) {
    for (Tier t : values()) {
      if (t.key().equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * The worse of two optional tiers, ignoring missing ones.
   *
   * @param a a tier
   * @param b another tier
   * @return the worse present tier, or empty when both are missing
   */
  public static Optional<Tier> worst(Optional<Tier> a, Optional<Tier> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().compareTo(b.get()) <= 0 ? a : b;
  }
}
