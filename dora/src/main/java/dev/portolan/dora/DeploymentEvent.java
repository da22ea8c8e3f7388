package dev.portolan.dora;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One deployment of one service ({@code "type":"deployment"}). A pipeline that ships three services emits three.
 * Records with the same id are merged (latest finish wins; commits are united; flags are or-ed).
 *
 * @param id the deployment id
 * @param service the service deployed
 * @param environment the environment; {@code production} and {@code prod} count (case-insensitive)
 * @param status the status; only {@code success} counts
 * @param finishedAt when it finished; empty while running
 * @param commits the shas it shipped
 * @param rollback whether it rolls back an earlier deployment
 * @param rollbackOf the id of the deployment it rolls back, when known
 * @param hotfix whether it is an unplanned fix of a production problem
 */
public record DeploymentEvent(
    String id,
    String service,
    String environment,
    String status,
    Optional<Instant> finishedAt,
    List<String> commits,
    boolean rollback,
    Optional<String> rollbackOf,
    boolean hotfix)
    implements DeliveryEvent {

  /**
   * Checks the required parts and copies the commit list.
   *
   * @param id the deployment id
   * @param service the service deployed
   * @param environment the environment; {@code production} and {@code prod} count (case-insensitive)
   * @param status the status; only {@code success} counts
   * @param finishedAt when it finished; empty while running
   * @param commits the shas it shipped
   * @param rollback whether it rolls back an earlier deployment
   * @param rollbackOf the id of the deployment it rolls back, when known
   * @param hotfix whether it is an unplanned fix of a production problem
   */
  public DeploymentEvent {
    requireText(id, "id");
    requireText(service, "service");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(finishedAt, "finishedAt");
    commits = List.copyOf(commits);
    Objects.requireNonNull(rollbackOf, "rollbackOf");
  }

  static void requireText(String s, String name) {
    Objects.requireNonNull(s, name);
    if (s.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  /**
   * A successful production deployment with no flags.
   *
   * @param id the deployment id
   * @param service the service
   * @param finishedAt when it finished
   * @param commits the shas it shipped
   * @return the event
   */
  public static DeploymentEvent production(String id, String service, Instant finishedAt, List<String> commits) {
    return new DeploymentEvent(
        id, service, "production", "success", Optional.of(finishedAt), commits, false, Optional.empty(), false);
  }

  /**
   * The same deployment flagged as a rollback.
   *
   * @param target the deployment it rolls back, or empty to infer the previous one
   * @return a copy with the rollback flag
   */
  public DeploymentEvent asRollback(Optional<String> target) {
    return new DeploymentEvent(id, service, environment, status, finishedAt, commits, true, target, hotfix);
  }

  /**
   * The same deployment flagged as a hotfix.
   *
   * @return a copy with the hotfix flag
   */
  public DeploymentEvent asHotfix() {
    return new DeploymentEvent(id, service, environment, status, finishedAt, commits, rollback, rollbackOf, true);
  }
}
