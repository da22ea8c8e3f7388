package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentEventTest {

  private static final Instant OPENED = Instant.parse("2024-03-01T10:00:00Z");
  private static final Instant RESOLVED = Instant.parse("2024-03-01T12:00:00Z");

  @Test
  void of_idServiceOpening_openAndUnlinked() {
    IncidentEvent i = IncidentEvent.of("inc-1", "checkout", OPENED);
    assertThat(i)
        .isEqualTo(
            new IncidentEvent("inc-1", "checkout", OPENED, Optional.empty(), Optional.empty(), Optional.empty()));
  }

  @Test
  void with_resolutionAndLinks_copiesWithEachPart() {
    IncidentEvent i =
        IncidentEvent.of("inc-1", "checkout", OPENED)
            .withResolvedAt(RESOLVED)
            .withCausedByDeployment("deploy-7")
            .withRootCauseSha("abc123");
    assertThat(i)
        .isEqualTo(
            new IncidentEvent(
                "inc-1", "checkout", OPENED, Optional.of(RESOLVED), Optional.of("deploy-7"), Optional.of("abc123")));
  }

  @Test
  void withCausedByDeployment_empty_rejected() {
    IncidentEvent i = IncidentEvent.of("inc-1", "checkout", OPENED);
    assertThatThrownBy(() -> i.withCausedByDeployment(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deploymentId must not be empty");
  }

  @Test
  void of_emptyService_rejected() {
    assertThatThrownBy(() -> IncidentEvent.of("inc-1", "", OPENED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service must not be empty");
  }

  @Test
  void of_linkedIncident_failsItsDeployment() {
    DoraCalculator c = DoraCalculator.builder().build();
    DoraReport r =
        c.report(
            c.load(
                java.util.List.of(
                    DeploymentEvent.production("deploy-7", "checkout", OPENED.minusSeconds(600), java.util.List.of()),
                    IncidentEvent.of("inc-1", "checkout", OPENED)
                        .withResolvedAt(RESOLVED)
                        .withCausedByDeployment("deploy-7"))));
    assertThat(r.overall().changeFailureRate().failedDeployments()).isEqualTo(1);
    assertThat(r.overall().failedDeploymentRecoveryTime().durations().medianSeconds()).hasValue(7800.0);
  }
}
