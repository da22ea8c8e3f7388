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

  /** Checks the parts. */
  public IncidentEvent {
    DeploymentEvent.requireText(id, "id");
    DeploymentEvent.requireText(service, "service");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    Objects.requireNonNull(causedByDeployment, "causedByDeployment");
    Objects.requireNonNull(rootCauseSha, "rootCauseSha");
  }
}
