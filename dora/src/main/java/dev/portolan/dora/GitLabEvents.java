package dev.portolan.dora;

import dev.portolan.dora.internal.Payloads;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Delivery events from GitLab deployment webhook payloads ({@code "object_kind": "deployment"}).
 *
 * <p>One {@link DeploymentEvent}: id {@code gitlab:<path_with_namespace>:<deployment_id>}, service the project
 * name, environment {@code production} when {@code environment_tier} is {@code production} (else the environment
 * name), status from {@code status} ({@code success}; {@code failed} and {@code canceled} are kept as such;
 * {@code running} has no finish). The finish is {@code status_changed_at}, whose GitLab form
 * {@code 2021-04-28 21:50:00 +0200} keeps its offset (Four Keys dropped it). The commit is the full sha at the
 * end of {@code commit_url}, else {@code short_sha}.
 */
public final class GitLabEvents {

  private GitLabEvents() {}

  /**
   * Reads one deployment payload.
   *
   * @param source the payload's name for errors
   * @param json the payload
   * @return the deployment
   * @throws DoraInputException when it is not a deployment payload or a required field is missing or malformed
   */
  public static DeploymentEvent read(String source, String json) {
    Payloads p = Payloads.parse(source, json);
    String kind = p.optText("object_kind").orElse("nothing");
    if (!kind.equals("deployment")) {
      throw p.error("object_kind", "\"deployment\"", kind.equals("nothing") ? kind : "\"" + kind + "\"");
    }
    String project = p.optText("project.path_with_namespace").orElseGet(() -> p.text("project.name"));
    String id = "gitlab:" + project + ":" + p.text("deployment_id");
    String env =
        p.optText("environment_tier").filter(t -> t.equals("production")).orElseGet(() -> p.text("environment"));
    String status = p.text("status").toLowerCase(Locale.ROOT);
    Optional<Instant> finished;
    switch (status) {
      case "success":
      case "failed":
      case "canceled":
        finished = Optional.of(p.time("status_changed_at"));
        break;
      case "running":
        finished = Optional.empty();
        break;
      default:
        throw p.error("status", "one of running, success, failed, canceled", "\"" + status + "\"");
    }
    String sha =
        p.optText("commit_url")
            .map(u -> u.substring(u.lastIndexOf('/') + 1))
            .filter(s -> s.matches("[0-9a-fA-F]{7,64}"))
            .orElseGet(() -> p.text("short_sha"));
    return new DeploymentEvent(
        id, p.text("project.name"), env, status, finished, List.of(sha), false, Optional.empty(), false);
  }
}
