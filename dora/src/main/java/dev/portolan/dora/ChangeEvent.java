package dev.portolan.dora;

import java.time.Instant;
import java.util.Optional;

/**
 * A commit ({@code "type":"change"} or {@code "commit"}). Its time is {@code committedAt}, else {@code authoredAt};
 * records with the same sha keep the earliest time. Which service it belongs to comes from the deployments that
 * list it; {@code service} and {@code pr} are informational.
 *
 * @param sha the commit sha
 * @param service the service, informational
 * @param committedAt when it was committed
 * @param authoredAt when it was authored
 * @param pr the pull request, informational
 */
public record ChangeEvent(
    String sha, Optional<String> service, Optional<Instant> committedAt, Optional<Instant> authoredAt,
    Optional<String> pr)
    implements DeliveryEvent {

  /**
   * Checks the parts.
   *
   * @param sha the commit sha
   * @param service the service, informational
   * @param committedAt when it was committed
   * @param authoredAt when it was authored
   * @param pr the pull request, informational
   */
  public ChangeEvent {
    DeploymentEvent.requireText(sha, "sha");
    java.util.Objects.requireNonNull(service, "service");
    java.util.Objects.requireNonNull(committedAt, "committedAt");
    java.util.Objects.requireNonNull(authoredAt, "authoredAt");
    java.util.Objects.requireNonNull(pr, "pr");
  }

  /**
   * A commit with a commit time only.
   *
   * @param sha the sha
   * @param committedAt when it was committed
   * @return the event
   */
  public static ChangeEvent of(String sha, Instant committedAt) {
    return new ChangeEvent(sha, Optional.empty(), Optional.of(committedAt), Optional.empty(), Optional.empty());
  }
}
