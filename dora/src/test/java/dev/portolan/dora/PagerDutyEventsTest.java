package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagerDutyEventsTest {

  @Test
  void read_triggered_openIncidentLinkedFromTheTitle() {
    IncidentEvent i = PagerDutyEvents.read("pd.json", Payload.read("pagerduty-incident-triggered.json"));
    assertThat(i)
        .isEqualTo(
            new IncidentEvent(
                "pagerduty:PGR0VU2", "payments-api", Instant.parse("2024-03-01T15:45:22Z"), Optional.empty(),
                Optional.of("github:octo-org/payments-api:1293485721"), Optional.empty()));
  }

  @Test
  void read_resolved_resolvedAtTheEventTime() {
    IncidentEvent i = PagerDutyEvents.read("pd.json", Payload.read("pagerduty-incident-resolved.json"));
    assertThat(i.resolvedAt()).contains(Instant.parse("2024-03-01T16:20:00Z"));
  }

  @Test
  void read_rootCauseInTitle_shaLink() {
    String json =
        Payload.read("pagerduty-incident-triggered.json")
            .replace("(deployment: github:octo-org/payments-api:1293485721)", "root cause: 0d1a26e67d8f");
    IncidentEvent i = PagerDutyEvents.read("pd.json", json);
    assertThat(i.rootCauseSha()).contains("0d1a26e67d8f");
    assertThat(i.causedByDeployment()).isEmpty();
  }

  @Test
  void read_serviceEvent_clearError() {
    assertThatThrownBy(() -> PagerDutyEvents.read("svc.json", Payload.read("pagerduty-service-updated.json")))
        .isInstanceOf(DoraInputException.class)
        .hasMessage("svc.json: $.event.resource_type: expected \"incident\", found \"service\"");
  }

  @Test
  void read_v2Payload_clearError() {
    assertThatThrownBy(() -> PagerDutyEvents.read("v2.json", "{\"messages\":[]}"))
        .isInstanceOf(DoraInputException.class)
        .hasMessage("v2.json: $.event: expected a PagerDuty v3 webhook with an event object, found nothing");
  }
}
