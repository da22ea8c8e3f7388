package dev.portolan.dora;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Tier thresholds. {@link #DORA_2023} is the default and the one the reference uses; {@link #DORA_2021} is offered
 * for dashboards that still use the 2021 bands.
 *
 * <table>
 *   <caption>Thresholds</caption>
 *   <tr><th>Metric</th><th>dora-2023</th><th>dora-2021</th></tr>
 *   <tr><td>Deployment frequency</td><td>median deployment days per 7-day block &ge; 5 elite, &ge; 1 high; per
 *   28-day block &ge; 1 medium</td><td>per 7-day block &ge; 5 elite; per 28-day block &ge; 1 high; per 182-day
 *   block &ge; 1 medium</td></tr>
 *   <tr><td>Lead time (median)</td><td>&lt; 1 d, &lt; 7 d, &lt; 30 d</td><td>&lt; 1 h, &lt; 7 d, &lt; 180 d</td></tr>
 *   <tr><td>Change failure rate</td><td>&le; 5 %, &le; 10 %, &le; 15 %</td><td>&le; 15 %, &le; 20 %, &le; 30 %</td></tr>
 *   <tr><td>Recovery / restore (median)</td><td>&lt; 1 h, &lt; 1 d, &lt; 7 d</td><td>same</td></tr>
 * </table>
 *
 * <p>Deployment frequency has no tier for windows shorter than 28 days; rework rate never has one.
 */
public enum TierProfile {
  /** The 2023 report's clusters turned into contiguous thresholds. */
  DORA_2023("dora-2023", 86_400_000_000L, 7 * 86_400_000_000L, 30 * 86_400_000_000L, 0.05, 0.10, 0.15),
  /** The 2021 report's bands. */
  DORA_2021("dora-2021", 3_600_000_000L, 7 * 86_400_000_000L, 180 * 86_400_000_000L, 0.15, 0.20, 0.30);

  private final String id;
  private final long[] leadLimitsUs;
  private final double[] cfrLimits;

  TierProfile(String id, long lt1, long lt2, long lt3, double c1, double c2, double c3) {
    this.id = id;
    this.leadLimitsUs = new long[] {lt1, lt2, lt3};
    this.cfrLimits = new double[] {c1, c2, c3};
  }

  /**
   * The profile's name in reports.
   *
   * @return {@code dora-2023} or {@code dora-2021}
   */
  public String id() {
    return id;
  }

  /**
   * Looks a profile up by name.
   *
   * @param id {@code dora-2023} or {@code dora-2021}
   * @return the profile, or empty
   */
  public static Optional<TierProfile> fromId(String id) {
    for (TierProfile p : values()) {
      if (p.id.equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static final Tier[] BEST_FIRST = {Tier.ELITE, Tier.HIGH, Tier.MEDIUM};

  /**
   * Tier of a median lead time.
   *
   * @param medianUs the median in microseconds
   * @return the tier
   */
  public Tier leadTime(double medianUs) {
    for (int i = 0; i < 3; i++) {
      if (medianUs < leadLimitsUs[i]) {
        return BEST_FIRST[i];
      }
    }
    return Tier.LOW;
  }

  /**
   * Tier of a median recovery or restore time (the same bands in both profiles).
   *
   * @param medianUs the median in microseconds
   * @return the tier
   */
  public Tier recovery(double medianUs) {
    long h = 3_600_000_000L;
    if (medianUs < h) {
      return Tier.ELITE;
    }
    if (medianUs < 24 * h) {
      return Tier.HIGH;
    }
    if (medianUs < 7 * 24 * h) {
      return Tier.MEDIUM;
    }
    return Tier.LOW;
  }

  /**
   * Tier of a change failure rate.
   *
   * @param rate the rate in [0, 1]
   * @return the tier
   */
  public Tier changeFailureRate(double rate) {
    for (int i = 0; i < 3; i++) {
      if (rate <= cfrLimits[i]) {
        return BEST_FIRST[i];
      }
    }
    return Tier.LOW;
  }

  /**
   * Tier of deployment frequency from the medians of deployment days per block.
   *
   * @param days the window length in days
   * @param weekly median deployment days over whole 7-day blocks
   * @param fourWeekly median deployment days over whole 28-day blocks
   * @param halfYearly median deployment days over whole 182-day blocks
   * @return the tier, empty for windows shorter than 28 days
   */
  public Optional<Tier> deploymentFrequency(
      long days, OptionalDouble weekly, OptionalDouble fourWeekly, OptionalDouble halfYearly) {
    if (days < 28) {
      return Optional.empty();
    }
    if (this == DORA_2023) {
      if (weekly.isPresent() && weekly.getAsDouble() >= 5.0) {
        return Optional.of(Tier.ELITE);
      }
      if (weekly.isPresent() && weekly.getAsDouble() >= 1.0) {
        return Optional.of(Tier.HIGH);
      }
      if (fourWeekly.isPresent() && fourWeekly.getAsDouble() >= 1.0) {
        return Optional.of(Tier.MEDIUM);
      }
      return Optional.of(Tier.LOW);
    }
    if (weekly.isPresent() && weekly.getAsDouble() >= 5.0) {
      return Optional.of(Tier.ELITE);
    }
    if (fourWeekly.isPresent() && fourWeekly.getAsDouble() >= 1.0) {
      return Optional.of(Tier.HIGH);
    }
    if (halfYearly.isPresent() && halfYearly.getAsDouble() >= 1.0) {
      return Optional.of(Tier.MEDIUM);
    }
    return Optional.of(Tier.LOW);
  }
}
