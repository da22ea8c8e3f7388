package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvEventsTest {

  @Test
  void read_mixedRows_eventsAndOneErrorPerBadRow() {
    CsvEvents.Result r = CsvEvents.read("events.csv", new StringReader(Payload.read("events.csv")));

    assertThat(r.events()).hasSize(5);
    assertThat(r.events().get(2))
        .isEqualTo(
            new DeploymentEvent(
                "d1", "payments-api", "production", "success", Optional.of(Instant.parse("2024-03-01T12:00:00Z")),
                List.of("c1c1c1c1", "c2c2c2c2"), false, Optional.empty(), false));
    assertThat(((DeploymentEvent) r.events().get(3)).rollbackOf()).contains("d1");
    assertThat(r.errors())
        .extracting(Throwable::getMessage)
        .containsExactly(
            "events.csv:7: finished_at: expected an RFC 3339 timestamp with an offset, found \"yesterday\"",
            "events.csv:8: opened_at: expected a timestamp, found nothing",
            "events.csv:9: type: expected one of deployment, change, commit, incident, found \"build\"",
            "events.csv:10: is_hotfix: expected true or false, found \"maybe\"");
  }

  @Test
  void read_thenCalculate_rollbackAndIncidentFailTheFirstDeployment() {
    CsvEvents.Result r = CsvEvents.read("events.csv", new StringReader(Payload.read("events.csv")));
    DoraCalculator c =
        DoraCalculator.builder().window(Window.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 29))).build();
    DoraReport report = c.report(c.load(r.events()));
    assertThat(report.overall().changeFailureRate().failedDeployments()).isEqualTo(1);
    assertThat(report.overall().leadTime().durations().medianSeconds()).hasValue(3 * 3600.0);
    assertThat(report.overall().failedDeploymentRecoveryTime().durations().medianSeconds()).hasValue(3600.0);
  }

  @Test
  void read_badLastRowWithoutLineBreak_itsOwnLine() {
    CsvEvents.Result r =
        CsvEvents.read(
            "x.csv", new StringReader("type,sha,committed_at\nchange,abc,2024-01-01T00:00:00Z\nchange,def,bad"));
    assertThat(r.events()).hasSize(1);
    assertThat(r.errors())
        .extracting(Throwable::getMessage)
        .containsExactly("x.csv:3: committed_at: expected an RFC 3339 timestamp with an offset, found \"bad\"");
  }

  @Test
  void read_noTypeColumn_clearError() {
    assertThatThrownBy(() -> CsvEvents.read("x.csv", new StringReader("id,service\nd1,api\n")))
        .isInstanceOf(DoraInputException.class)
        .hasMessage("x.csv:1: expected a header row with a 'type' column, found [id, service]");
  }
}
