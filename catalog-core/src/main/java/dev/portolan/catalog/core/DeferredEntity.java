package dev.portolan.catalog.core;

import dev.portolan.catalog.model.Entity;
import java.util.Objects;
import java.util.Optional;

/**
 * An unprocessed entity pushed by an {@link EntityProvider}, as Backstage's {@code DeferredEntity}.
 *
 * @param entity the entity; it must carry the {@code backstage.io/managed-by-location} and
 *     {@code backstage.io/managed-by-origin-location} annotations, as Backstage requires
 * @param locationKey the conflict key: an entity whose ref is already claimed by another non-empty key is
 *     ignored; an empty key can be overtaken by any other claimant
 */
public record DeferredEntity(Entity entity, Optional<String> locationKey) {

  /**
   * Checks the parts are present.
   *
   * @param entity the entity; it must carry the {@code backstage.io/managed-by-location} and
   *     {@code backstage.io/managed-by-origin-location} annotations, as Backstage requires
   * @param locationKey the conflict key: an entity whose ref is already claimed by another non-empty key is
   *     ignored; an empty key can be overtaken by any other claimant
   */
  public DeferredEntity {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(locationKey, "locationKey");
  }

  /**
   * An entity without a location key.
   *
   * @param entity the entity
   * @return the deferred entity
   */
  public static DeferredEntity of(Entity entity) {
    return new DeferredEntity(entity, Optional.empty());
  }
}
