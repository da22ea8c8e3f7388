package dev.portolan.dora;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The five DORA metrics, plus the legacy time to restore service, for one scope (a service, a group of services or
 * everything) over one window. Durations are seconds; rates are fractions in [0, 1]; a missing value is empty.
 *
 * <p>Every metric is its own record named like its accessor, and every one has a {@code tier()}. The three
 * duration metrics hold their sample the same way, as {@link Durations} under {@code durations()}:
 *
 * <pre>{@code
 * m.deploymentFrequency().perWeek();                       m.deploymentFrequency().tier();
 * m.leadTime().durations().medianSeconds();                m.leadTime().tier();
 * m.changeFailureRate().rate();                            m.changeFailureRate().tier();
 * m.failedDeploymentRecoveryTime().durations().medianSeconds(); m.failedDeploymentRecoveryTime().tier();
 * m.reworkRate().rate();                                   m.reworkRate().tier();   // always empty
 * m.timeToRestore().durations().medianSeconds();           m.timeToRestore().tier();
 * }</pre>
 *
 * @param deploymentFrequency counted deployments and deployment days
 * @param leadTime lead time for changes, per delivered change
 * @param changeFailureRate failed deployments over deployments
 * @param failedDeploymentRecoveryTime time from a failed deployment to its restoration
 * @param reworkRate rollbacks and hotfixes over deployments
 * @param timeToRestore legacy time to restore service over every incident opened in the window
 * @param overallTier the worst of the deployment frequency, lead time, change failure rate and recovery tiers
 */
public record ScopeMetrics(
    DeploymentFrequency deploymentFrequency,
    LeadTime leadTime,
    ChangeFailureRate changeFailureRate,
    FailedDeploymentRecoveryTime failedDeploymentRecoveryTime,
    ReworkRate reworkRate,
    TimeToRestore timeToRestore,
    Optional<Tier> overallTier) {

  /**
   * Checks that every part is present.
   *
   * @param deploymentFrequency counted deployments and deployment days
   * @param leadTime lead time for changes, per delivered change
   * @param changeFailureRate failed deployments over deployments
   * @param failedDeploymentRecoveryTime time from a failed deployment to its restoration
   * @param reworkRate rollbacks and hotfixes over deployments
   * @param timeToRestore legacy time to restore service over every incident opened in the window
   * @param overallTier the worst of the deployment frequency, lead time, change failure rate and recovery tiers
   */
  public ScopeMetrics {
    Objects.requireNonNull(deploymentFrequency, "deploymentFrequency");
    Objects.requireNonNull(leadTime, "leadTime");
    Objects.requireNonNull(changeFailureRate, "changeFailureRate");
    Objects.requireNonNull(failedDeploymentRecoveryTime, "failedDeploymentRecoveryTime");
    Objects.requireNonNull(reworkRate, "reworkRate");
    Objects.requireNonNull(timeToRestore, "timeToRestore");
    Objects.requireNonNull(overallTier, "overallTier");
  }

  /**
   * Deployment frequency.
   *
   * @param deployments counted deployments finished in the window
   * @param deploymentDays distinct UTC dates with a deployment
   * @param perDay deployments per day
   * @param perWeek deployments per week
   * @param medianWeeklyDeploymentDays median deployment days over whole 7-day blocks from the window start
   * @param median4WeeklyDeploymentDays median deployment days over whole 28-day blocks
   * @param tier the tier, empty for windows shorter than 28 days
   */
  public record DeploymentFrequency(
      long deployments,
      long deploymentDays,
      double perDay,
      double perWeek,
      OptionalDouble medianWeeklyDeploymentDays,
      OptionalDouble median4WeeklyDeploymentDays,
      Optional<Tier> tier) {}

  /**
   * A sample of durations.
   *
   * @param count the sample size
   * @param medianSeconds the type-7 median
   * @param p90Seconds the type-7 90th percentile
   * @param tier the tier of the median
   */
  public record Durations(long count, OptionalDouble medianSeconds, OptionalDouble p90Seconds, Optional<Tier> tier) {}

  /**
   * Lead time for changes.
   *
   * @param durations first delivery minus commit time, per change delivered in the window
   */
  public record LeadTime(Durations durations) {

    /**
     * The tier of the median.
     *
     * @return the tier, empty without a sample
     */
    public Optional<Tier> tier() {
      return durations.tier();
    }
  }

  /**
   * Change failure rate.
   *
   * @param deployments counted deployments in the window
   * @param failedDeployments those with a linked incident or a rollback
   * @param rate failed over deployments, empty without deployments
   * @param tier the tier of the rate
   */
  public record ChangeFailureRate(long deployments, long failedDeployments, OptionalDouble rate, Optional<Tier> tier) {}

  /**
   * Failed deployment recovery time.
   *
   * @param durations restoration minus deployment finish, per restored failed deployment
   * @param openFailures failed deployments with no restoration signal yet
   * @param negativeExcluded restorations before the deployment finished, left out
   */
  public record FailedDeploymentRecoveryTime(Durations durations, long openFailures, long negativeExcluded) {

    /**
     * The tier of the median.
     *
     * @return the tier, empty without a sample
     */
    public Optional<Tier> tier() {
      return durations.tier();
    }
  }

  /**
   * Deployment rework rate.
   *
   * @param deployments counted deployments in the window
   * @param reworkDeployments rollbacks and hotfixes among them
   * @param rate rework over deployments, empty without deployments
   */
  public record ReworkRate(long deployments, long reworkDeployments, OptionalDouble rate) {

    /**
     * No tier: DORA publishes no thresholds for the rework rate.
     *
     * @return always empty
     */
    public Optional<Tier> tier() {
      return Optional.empty();
    }
  }

  /**
   * Legacy time to restore service.
   *
   * @param durations resolution minus opening, per resolved incident opened in the window
   * @param openIncidents incidents opened in the window and not resolved
   * @param negativeExcluded incidents resolved before they were opened, left out
   */
  public record TimeToRestore(Durations durations, long openIncidents, long negativeExcluded) {

    /**
     * The tier of the median, with the recovery-time bands.
     *
     * @return the tier, empty without a sample
     */
    public Optional<Tier> tier() {
      return durations.tier();
    }
  }
}
