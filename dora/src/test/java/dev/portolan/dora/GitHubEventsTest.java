package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitHubEventsTest {

  @Test
  void read_successfulDeploymentStatus_productionDeploymentOfTheSha() {
    List<DeliveryEvent> events =
        GitHubEvents.read("ds.json", Payload.read("github-deployment_status-success.json"));
    assertThat(events)
        .containsExactly(
            new DeploymentEvent(
                "github:octo-org/payments-api:1293485721", "payments-api", "production", "success",
                Optional.of(Instant.parse("2024-03-01T15:30:12Z")),
                List.of("a10867b14bb761a232cd80139fbd4c0d33264240"), false, Optional.empty(), false));
  }

  @Test
  void read_inProgressStatus_unfinished() {
    DeploymentEvent d =
        (DeploymentEvent)
            GitHubEvents.read("ds.json", Payload.read("github-deployment_status-in_progress.json")).get(0);
    assertThat(d.finishedAt()).isEmpty();
    assertThat(d.status()).isEqualTo("in_progress");
  }

  @Test
  void read_rollbackPayload_flagsAndTarget() {
    DeploymentEvent d =
        (DeploymentEvent) GitHubEvents.read("rb.json", Payload.read("github-deployment_status-rollback.json")).get(0);
    assertThat(d.rollback()).isTrue();
    assertThat(d.rollbackOf()).contains("github:octo-org/payments-api:1293485721");
    assertThat(d.commits()).isEmpty();
  }

  @Test
  void read_push_oneChangePerCommitWithItsOffset() {
    List<DeliveryEvent> events = GitHubEvents.read("push.json", Payload.read("github-push.json"));
    assertThat(events)
        .extracting(e -> ((ChangeEvent) e).committedAt().orElseThrow())
        .containsExactly(Instant.parse("2024-03-01T14:12:03Z"), Instant.parse("2024-03-01T14:20:59Z"));
  }

  @Test
  void readAll_pushAndDeployment_deploymentShipsThePushCommits() {
    Map<String, String> payloads = new LinkedHashMap<>();
    payloads.put("ds.json", Payload.read("github-deployment_status-success.json"));
    payloads.put("push.json", Payload.read("github-push.json"));
    payloads.put("rb.json", Payload.read("github-deployment_status-rollback.json"));
    List<DeliveryEvent> events = GitHubEvents.readAll(payloads);
    DeploymentEvent d =
        events.stream()
            .filter(e -> e instanceof DeploymentEvent x && !x.rollback())
            .map(DeploymentEvent.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(d.commits())
        .containsExactlyInAnyOrder(
            "a10867b14bb761a232cd80139fbd4c0d33264240", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c");

    DoraCalculator c =
        DoraCalculator.builder().window(Window.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 29))).build();
    DoraReport r = c.report(c.load(events));
    ScopeMetrics m = r.service("payments-api").orElseThrow();
    assertThat(m.leadTime().durations().count()).isEqualTo(2);
    assertThat(m.changeFailureRate().failedDeployments()).isEqualTo(1);
    assertThat(m.failedDeploymentRecoveryTime().durations().medianSeconds()).hasValue(2088.0);
  }

  @Test
  void read_unknownState_clearError() {
    String json = Payload.read("github-deployment_status-success.json").replace("\"state\": \"success\"", "\"state\": \"exploded\"");
    assertThatThrownBy(() -> GitHubEvents.read("ds.json", json))
        .isInstanceOf(DoraInputException.class)
        .hasMessage(
            "ds.json: $.deployment_status.state: expected one of success, failure, error, inactive, queued, pending,"
                + " in_progress, found \"exploded\"");
  }

  @Test
  void read_otherWebhook_namesWhatItExpected() {
    assertThatThrownBy(() -> GitHubEvents.read("issue.json", "{\"action\":\"opened\",\"issue\":{}}"))
        .isInstanceOf(DoraInputException.class)
        .hasMessage(
            "issue.json: $.: expected a GitHub deployment_status or push payload (with deployment_status, or ref and"
                + " commits), found keys [action, issue]");
  }

  @Test
  void read_missingSha_pathOfTheField() {
    String json = Payload.read("github-deployment_status-success.json").replace("\"sha\": \"a10867b14bb761a232cd80139fbd4c0d33264240\",", "");
    assertThatThrownBy(() -> GitHubEvents.read("ds.json", json))
        .isInstanceOf(DoraInputException.class)
        .hasMessage("ds.json: $.deployment.sha: expected a non-empty string, found nothing")
        .extracting(e -> ((DoraInputException) e).fieldPath().orElseThrow())
        .isEqualTo("$.deployment.sha");
  }

  @Test
  void read_pushCommitWithBadTimestamp_indexedPath() {
    String json = Payload.read("github-push.json").replace("2024-03-01T09:12:03-05:00", "last tuesday");
    assertThatThrownBy(() -> GitHubEvents.read("push.json", json))
        .isInstanceOf(DoraInputException.class)
        .hasMessage(
            "push.json: $.commits.0.timestamp: expected an RFC 3339 timestamp with an offset, found \"last tuesday\"");
  }

  @Test
  void read_invalidJson_lineAndColumn() {
    assertThatThrownBy(() -> GitHubEvents.read("bad.json", "{\n  \"deployment_status\": }"))
        .isInstanceOf(DoraInputException.class)
        .hasMessageStartingWith("bad.json:2:24: expected a JSON object, found invalid JSON: Unexpected character");
  }
}
