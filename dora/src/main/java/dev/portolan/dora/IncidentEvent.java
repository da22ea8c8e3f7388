package dev.portolan.dora;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident ({@code "type":"incident"}). It fails a deployment only through an explicit link: the deployment id
 * it names, else its root-cause sha as delivered to its service. Records with the same id keep the earliest
 * opening and the latest resolution.
 *
 * @param id the incident id
 * @param service the service affected
 * @param openedAt when it was opened
 * @param resolvedAt when it was resolved; empty while open
 * @param causedByDeployment the deployment that caused it, when known
 * @param rootCauseSha the commit that caused it, when known
 */
public record IncidentEvent(
    String id,
    String service,
    Instant openedAt,
    Optional<Instant> resolvedAt,
    Optional<String> causedByDeployment,
    Optional<String> rootCauseSha)
    implements DeliveryEvent {

  /**
   * Checks the parts.
   *
   * @param id the incident id
   * @param service the service affected
   * @param openedAt when it was opened
   * @param resolvedAt when it was resolved; empty while open
   * @param causedByDeployment the deployment that caused it, when known
   * @param rootCauseSha the commit that caused it, when known
   */
  public IncidentEvent {
    DeploymentEvent.requireText(id, "id");
    DeploymentEvent.requireText(service, "service");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    Objects.requireNonNull(causedByDeployment, "causedByDeployment");
    Objects.requireNonNull(rootCauseSha, "rootCauseSha");
  }

  /**
   * An open incident with no link to a deployment yet; add the rest with the {@code with} methods:
   *
   * <pre>{@code
   * IncidentEvent.of("inc-7", "checkout", opened).withResolvedAt(resolved).withCausedByDeployment("deploy-42")
   * }</pre>
   *
   * @param id the incident id
   * @param service the service affected
   * @param openedAt when it was opened
   * @return the event
   */
  public static IncidentEvent of(String id, String service, Instant openedAt) {
    return new IncidentEvent(id, service, openedAt, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The same incident, resolved.
   *
   * @param resolvedAt when it was resolved
   * @return a copy with the resolution
   */
  public IncidentEvent withResolvedAt(Instant resolvedAt) {
    return new IncidentEvent(
        id, service, openedAt, Optional.of(resolvedAt), causedByDeployment, rootCauseSha);
  }

  /**
   * The same incident, linked to the deployment that caused it.
   *
   * @param deploymentId the deployment id
   * @return a copy with the link
   */
  public IncidentEvent withCausedByDeployment(String deploymentId) {
    DeploymentEvent.requireText(deploymentId, "deploymentId");
    return new IncidentEvent(id, service, openedAt, resolvedAt, Optional.of(deploymentId), rootCauseSha);
  }

  /**
   * The same incident, linked to the commit that caused it (the link goes to the deployment that first delivered
   * that commit to the incident's service).
   *
   * @param sha the commit sha
   * @return a copy with the link
   */
  public IncidentEvent withRootCauseSha(String sha) {
    DeploymentEvent.requireText(sha, "sha");
    return new IncidentEvent(id, service, openedAt, resolvedAt, causedByDeployment, Optional.of(sha));
  }
}
