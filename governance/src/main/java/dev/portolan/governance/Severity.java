package dev.portolan.governance;

import java.util.Locale;

/** How bad a failed rule is. Ordered from the most to the least severe. */
public enum Severity {
  /** Must be fixed before release; blocks CI by default. */
  CRITICAL(9.5, 10),
  /** Serious gap. */
  HIGH(8.0, 5),
  /** Should be fixed. */
  MEDIUM(5.5, 2),
  /** Hygiene. */
  LOW(3.0, 1),
  /** Informational only. */
  INFO(0.0, 0);

  private final double securitySeverity;
  private final int weight;

  Severity(double securitySeverity, int weight) {
    this.securitySeverity = securitySeverity;
    this.weight = weight;
  }

  /**
   * Parses a severity name, ignoring case.
   *
   * @param text one of {@code critical, high, medium, low, info}
   * @return the severity
   * @throws GovernanceException when the name is unknown
   */
  public static Severity parse(String text) {
    return parseOrNone(text, false).orElseThrow();
  }

  /**
   * Parses a gating threshold: a severity label, or {@code none} for no threshold.
   *
   * @param text critical, high, medium, low, info or none (any case)
   * @return the severity, empty for {@code none}
   * @throws GovernanceException when the name is unknown; the message lists {@code none} too
   */
  public static java.util.Optional<Severity> parseThreshold(String text) {
    return parseOrNone(text, true);
  }

  private static java.util.Optional<Severity> parseOrNone(String text, boolean noneAllowed) {
    if (noneAllowed && text != null && text.trim().equalsIgnoreCase("none")) {
      return java.util.Optional.empty();
    }
    if (text != null) {
      for (Severity s : values()) {
        if (s.label().equalsIgnoreCase(text.trim())) {
          return java.util.Optional.of(s);
        }
      }
    }
    throw new GovernanceException("expected one of critical, high, medium, low, info" + (noneAllowed ? ", none" : "")
        + ", found " + (text == null ? "nothing" : "'" + text + "'"));
  }

  /**
   * The lower-case name used in files and reports.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether this severity is as severe as, or more severe than, another.
   *
   * @param threshold the severity to compare with
   * @return true when {@code this} reaches the threshold
   */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /**
   * The GitHub code-scanning {@code security-severity} score for this severity.
   *
   * @return a score between 0 and 10
   */
  public double securitySeverity() {
    return securitySeverity;
  }

  /**
   * The weight of a rule of this severity in a scorecard percentage.
   *
   * @return a non-negative weight
   */
  public int weight() {
    return weight;
  }

  @Override
  public String toString() {
    return label();
  }
}
