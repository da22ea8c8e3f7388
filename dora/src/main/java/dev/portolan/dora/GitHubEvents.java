package dev.portolan.dora;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.dora.internal.Payloads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delivery events from GitHub webhook payloads: {@code deployment_status} and {@code push}.
 *
 * <ul>
 *   <li>{@code deployment_status}: one {@link DeploymentEvent} with id {@code github:<owner/repo>:<deployment.id>},
 *       service {@code deployment.payload.service} or else the repository name, environment
 *       {@code deployment_status.environment} (else {@code deployment.environment}), status from
 *       {@code deployment_status.state} ({@code success}; {@code failure} and {@code error} become
 *       {@code failure}; {@code inactive} counts as success, as GitHub marks older successful deployments
 *       inactive). The finish is {@code deployment_status.updated_at} for final states and empty for
 *       {@code queued}, {@code pending} and {@code in_progress}. Commits are {@code deployment.payload.commits} when
 *       given, else the deployed {@code deployment.sha}. {@code deployment.payload.is_rollback},
 *       {@code rollback_of} and {@code is_hotfix} set the flags.</li>
 *   <li>{@code push}: one {@link ChangeEvent} per entry of {@code commits}, timed by its {@code timestamp}.</li>
 * </ul>
 *
 * {@link #readAll} also gives each deployment the commits of the push whose head ({@code after}) it deployed, as
 * Four Keys does.
 */
public final class GitHubEvents {

  private GitHubEvents() {}

  /**
   * Reads one payload of either kind, recognised by its shape.
   *
   * @param source the payload's name for errors
   * @param json the payload
   * @return the events (one deployment, or the push's changes)
   * @throws DoraInputException when the payload is neither kind or a required field is missing or malformed
   */
  public static List<DeliveryEvent> read(String source, String json) {
    Payloads p = Payloads.parse(source, json);
    if (p.node("deployment_status").isPresent()) {
      return List.of(deploymentStatus(p));
    }
    if (p.node("commits").isPresent() && p.node("ref").isPresent()) {
      return push(p);
    }
    throw p.error(
        "", "a GitHub deployment_status or push payload (with deployment_status, or ref and commits)",
        "keys " + fieldNames(p.root()));
  }

  /**
   * Reads several payloads and gives each deployment of a sha the commits of the push whose head is that sha.
   *
   * @param payloads payload texts by name, in any order
   * @return all events
   * @throws DoraInputException at the first payload that cannot be read
   */
  public static List<DeliveryEvent> readAll(Map<String, String> payloads) {
    List<DeliveryEvent> out = new ArrayList<>();
    Map<String, Set<String>> pushes = new HashMap<>();
    List<Payloads> deployments = new ArrayList<>();
    for (Map.Entry<String, String> e : payloads.entrySet()) {
      Payloads p = Payloads.parse(e.getKey(), e.getValue());
      if (p.node("deployment_status").isPresent()) {
        deployments.add(p);
      } else {
        List<DeliveryEvent> changes = read(e.getKey(), e.getValue());
        out.addAll(changes);
        Set<String> shas = pushes.computeIfAbsent(p.text("after"), k -> new LinkedHashSet<>());
        changes.forEach(c -> shas.add(((ChangeEvent) c).sha()));
      }
    }
    for (Payloads p : deployments) {
      DeploymentEvent d = deploymentStatus(p);
      Set<String> extra = pushes.get(p.text("deployment.sha"));
      if (extra != null) {
        Set<String> all = new LinkedHashSet<>(d.commits());
        all.addAll(extra);
        d = new DeploymentEvent(
            d.id(), d.service(), d.environment(), d.status(), d.finishedAt(), List.copyOf(all), d.rollback(),
            d.rollbackOf(), d.hotfix());
      }
      out.add(d);
    }
    return out;
  }

  private static String fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names.toString();
  }

  private static DeploymentEvent deploymentStatus(Payloads p) {
    String repo = p.optText("repository.full_name").orElseGet(() -> p.text("repository.name"));
    String id = "github:" + repo + ":" + p.text("deployment.id");
    String service = p.optText("deployment.payload.service").orElseGet(() -> p.text("repository.name"));
    String env =
        p.optText("deployment_status.environment").orElseGet(() -> p.text("deployment.environment"));
    String state = p.text("deployment_status.state").toLowerCase(Locale.ROOT);
    String status;
    boolean finished;
    switch (state) {
      case "success":
      case "inactive":
        status = "success";
        finished = true;
        break;
      case "failure":
      case "error":
        status = "failure";
        finished = true;
        break;
      case "queued":
      case "pending":
      case "in_progress":
        status = state;
        finished = false;
        break;
      default:
        throw p.error(
            "deployment_status.state",
            "one of success, failure, error, inactive, queued, pending, in_progress",
            "\"" + state + "\"");
    }
    Optional<Instant> at = finished ? Optional.of(p.time("deployment_status.updated_at")) : Optional.empty();
    List<String> commits = new ArrayList<>();
    Optional<JsonNode> listed = p.node("deployment.payload.commits");
    if (listed.isPresent() && listed.get().isArray()) {
      listed.get().forEach(c -> commits.add(c.asText()));
    } else {
      commits.add(p.text("deployment.sha"));
    }
    return new DeploymentEvent(
        id, service, env, status, at, commits, p.flag("deployment.payload.is_rollback"),
        p.optText("deployment.payload.rollback_of"), p.flag("deployment.payload.is_hotfix"));
  }

  private static List<DeliveryEvent> push(Payloads p) {
    JsonNode commits = p.node("commits").orElseThrow();
    if (!commits.isArray()) {
      throw p.error("commits", "an array", Payloads.kind(commits));
    }
    String service = p.text("repository.name");
    List<DeliveryEvent> out = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      String path = "commits." + i;
      Payloads c = Payloads.of(p.source(), commits.get(i));
      String sha;
      Instant at;
      try {
        sha = c.text("id");
        at = c.time("timestamp");
      } catch (DoraInputException e) {
        throw new DoraInputException(
            p.source(), 0, 0, "$." + path + e.fieldPath().map(f -> f.substring(1)).orElse(""), e.expected(),
            e.found().orElse(null), null);
      }
      out.add(new ChangeEvent(sha, Optional.of(service), Optional.of(at), Optional.empty(), Optional.empty()));
    }
    return out;
  }
}
