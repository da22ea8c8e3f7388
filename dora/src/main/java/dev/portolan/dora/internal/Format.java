package dev.portolan.dora.internal;

import dev.portolan.dora.Tier;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Human-readable numbers for the text and HTML reports. */
final class Format {

  private Format() {}

  static String duration(OptionalDouble seconds) {
    if (seconds.isEmpty()) {
      return "-";
    }
    double s = seconds.getAsDouble();
    if (s < 60) {
      return String.format(Locale.ROOT, "%.0f s", s);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%.1f min", s / 60);
    }
    if (s < 86_400) {
      return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
    return String.format(Locale.ROOT, "%.1f d", s / 86_400);
  }

  static String percent(OptionalDouble rate) {
    return rate.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f%%", rate.getAsDouble() * 100);
  }

  static String decimal(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String tier(Optional<Tier> t) {
    return t.map(Tier::key).orElse("-");
  }
}
