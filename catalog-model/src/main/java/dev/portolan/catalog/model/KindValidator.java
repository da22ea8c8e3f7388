package dev.portolan.catalog.model;

import java.util.List;

/**
 * Validates entities of a user-registered kind, like a Backstage processor's {@code validateEntityKind}.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface KindValidator {

  /**
   * Checks one entity whose apiVersion and kind are those of the registration. It runs after the envelope
   * and policy checks, so {@code metadata} is already valid.
   *
   * @param entity the entity
   * @return every problem, empty when the entity is valid
   */
  List<KindViolation> validate(Entity entity);
}
