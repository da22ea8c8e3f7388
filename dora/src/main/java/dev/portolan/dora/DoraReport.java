package dev.portolan.dora;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The metrics of one window: per service, overall (every service pooled), and the diagnostics. Write it with
 * {@link ReportWriter}; its JSON has the reference layout.
 */
public final class DoraReport {

  private final Window window;
  private final TierProfile profile;
  private final Map<String, ScopeMetrics> services;
  private final ScopeMetrics overall;
  private final Diagnostics diagnostics;

  DoraReport(
      Window window,
      TierProfile profile,
      Map<String, ScopeMetrics> services,
      ScopeMetrics overall,
      Diagnostics diagnostics) {
    this.window = Objects.requireNonNull(window);
    this.profile = Objects.requireNonNull(profile);
    this.services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    this.overall = Objects.requireNonNull(overall);
    this.diagnostics = Objects.requireNonNull(diagnostics);
  }

  /**
   * The window.
   *
   * @return the window
   */
  public Window window() {
    return window;
  }

  /**
   * The tier profile.
   *
   * @return the profile
   */
  public TierProfile tierProfile() {
    return profile;
  }

  /**
   * Metrics per service, in code-point order of the names.
   *
   * @return the metrics by service
   */
  public Map<String, ScopeMetrics> services() {
    return services;
  }

  /**
   * One service's metrics.
   *
   * @param name the service
   * @return its metrics, or empty when it has no counted deployment, delivered change or incident
   */
  public Optional<ScopeMetrics> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /**
   * Every service pooled: all deployments and their days, all lead-time samples, all incidents.
   *
   * @return the overall metrics
   */
  public ScopeMetrics overall() {
    return overall;
  }

  /**
   * What happened to the input.
   *
   * @return the diagnostics
   */
  public Diagnostics diagnostics() {
    return diagnostics;
  }
}
