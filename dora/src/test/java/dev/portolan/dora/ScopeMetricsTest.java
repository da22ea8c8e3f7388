package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeMetricsTest {

  private static ScopeMetrics overall() {
    Instant t = Instant.parse("2024-03-01T10:00:00Z");
    DoraCalculator c = DoraCalculator.builder().build();
    return c.report(
            c.load(
                List.of(
                    ChangeEvent.of("s1", t.minusSeconds(3600)),
                    DeploymentEvent.production("d1", "api", t, List.of("s1")),
                    DeploymentEvent.production("d2", "api", t.plusSeconds(60), List.of()).asRollback(
                        java.util.Optional.empty()),
                    IncidentEvent.of("i1", "api", t.plusSeconds(30)).withResolvedAt(t.plusSeconds(90)))))
        .overall();
  }

  @Test
  void tier_everyMetric_sameAccessor() {
    ScopeMetrics m = overall();
    assertThat(m.leadTime().tier()).isEqualTo(m.leadTime().durations().tier()).contains(Tier.ELITE);
    assertThat(m.failedDeploymentRecoveryTime().tier())
        .isEqualTo(m.failedDeploymentRecoveryTime().durations().tier())
        .contains(Tier.ELITE);
    assertThat(m.timeToRestore().tier()).isEqualTo(m.timeToRestore().durations().tier()).contains(Tier.ELITE);
    assertThat(m.changeFailureRate().tier()).contains(Tier.LOW);
    assertThat(m.reworkRate().tier()).isEmpty();
    assertThat(m.reworkRate().rate()).hasValue(0.5);
  }

  @Test
  void durations_threeDurationMetrics_nestedAlike() {
    ScopeMetrics m = overall();
    assertThat(m.leadTime().durations().medianSeconds()).hasValue(3600.0);
    assertThat(m.failedDeploymentRecoveryTime().durations().medianSeconds()).hasValue(60.0);
    assertThat(m.timeToRestore().durations().medianSeconds()).hasValue(60.0);
  }
}
