package dev.portolan.examples.dora;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoraMetricsExampleTest {

  @Test
  void serviceSummary_fourWeeksOfEvents_givesEachServiceItsMetricsAndTiers() {
    assertThat(DoraMetricsExample.serviceSummary()).containsExactly(
        "window [2026-10-26, 2026-11-23)",
        "billing   deployments  4 (high)  lead time 72.0h (high)  failure rate 25.0% (low)  recovery 48.0h (medium)"
            + "  overall low",
        "checkout  deployments 20 (elite)  lead time 3.0h (elite)  failure rate 5.0% (elite)  recovery 0.5h (elite)"
            + "  overall elite",
        "overall   deployments 24 (elite)  lead time 3.0h (elite)  failure rate 8.3% (high)  recovery 24.3h (medium)"
            + "  overall medium");
  }

  @Test
  void weeklyTrend_fourWeekWindow_givesOneLinePerWeekWithTheFailedWeeks() {
    assertThat(DoraMetricsExample.weeklyTrend()).containsExactly(
        "[2026-10-26, 2026-11-02)  deployments  6  failure rate 0.0%  lead time 3.0h",
        "[2026-11-02, 2026-11-09)  deployments  6  failure rate 16.7%  lead time 3.0h",
        "[2026-11-09, 2026-11-16)  deployments  6  failure rate 16.7%  lead time 3.0h",
        "[2026-11-16, 2026-11-23)  deployments  6  failure rate 0.0%  lead time 3.0h");
  }
}
