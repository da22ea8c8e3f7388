package dev.portolan.dora;

import java.util.Objects;

/**
 * The metrics of one week of a trend.
 *
 * @param window the week (the last one may be shorter when the window is not a whole number of weeks)
 * @param metrics the metrics over that week
 */
public record TrendPoint(Window window, ScopeMetrics metrics) {

  /**
   * Checks the parts.
   *
   * @param window the week (the last one may be shorter when the window is not a whole number of weeks)
   * @param metrics the metrics over that week
   */
  public TrendPoint {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(metrics, "metrics");
  }
}
