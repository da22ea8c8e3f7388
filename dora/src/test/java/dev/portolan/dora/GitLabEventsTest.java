package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitLabEventsTest {

  @Test
  void read_deploymentHook_keepsTheOffsetOfStatusChangedAt() {
    DeploymentEvent d = GitLabEvents.read("gl.json", Payload.read("gitlab-deployment.json"));
    assertThat(d)
        .isEqualTo(
            new DeploymentEvent(
                "gitlab:platform/checkout:15", "checkout", "production", "success",
                Optional.of(Instant.parse("2024-03-01T19:50:00Z")),
                List.of("279484c09fbe69ededfced8c1bb6e6d24616b468"), false, Optional.empty(), false));
  }

  @Test
  void read_runningDeployment_unfinished() {
    String json = Payload.read("gitlab-deployment.json").replace("\"status\": \"success\"", "\"status\": \"running\"");
    assertThat(GitLabEvents.read("gl.json", json).finishedAt()).isEmpty();
  }

  @Test
  void read_utcTimestampForm_accepted() {
    String json = Payload.read("gitlab-deployment.json").replace("2024-03-01 21:50:00 +0200", "2024-03-01 19:50:00 UTC");
    assertThat(GitLabEvents.read("gl.json", json).finishedAt()).contains(Instant.parse("2024-03-01T19:50:00Z"));
  }

  @Test
  void read_stagingTier_keepsTheEnvironmentName() {
    String json = Payload.read("gitlab-deployment.json").replace("\"environment_tier\": \"production\"", "\"environment_tier\": \"staging\"");
    assertThat(GitLabEvents.read("gl.json", json).environment()).isEqualTo("prd-eu");
  }

  @Test
  void read_pipelineHook_clearError() {
    assertThatThrownBy(() -> GitLabEvents.read("pipe.json", "{\"object_kind\":\"pipeline\"}"))
        .isInstanceOf(DoraInputException.class)
        .hasMessage("pipe.json: $.object_kind: expected \"deployment\", found \"pipeline\"");
  }

  @Test
  void read_badTimestamp_clearError() {
    String json = Payload.read("gitlab-deployment.json").replace("2024-03-01 21:50:00 +0200", "2024-03-01 21:50");
    assertThatThrownBy(() -> GitLabEvents.read("gl.json", json))
        .isInstanceOf(DoraInputException.class)
        .hasMessage("gl.json: $.status_changed_at: expected an RFC 3339 timestamp with an offset, found \"2024-03-01 21:50\"");
  }
}
