package dev.portolan.dora;

import java.util.Map;
import java.util.Optional;

/**
 * Maps the {@code service} names of delivery events to their place in the organisation, for rollups. The catalog
 * provides one (a Component matches by name or by the annotation {@code portolan.dev/dora-service}); tests and
 * embedders can use {@link #of(Map)}.
 */
@FunctionalInterface
public interface ServiceDirectory {

  /** The catalog annotation that names the service a Component's events use, when it differs from its name. */
  String SERVICE_ANNOTATION = "portolan.dev/dora-service";

  /**
   * Where a service belongs.
   *
   * @param service the service name from the events
   * @return its placement, or empty when unknown
   */
  Optional<ServicePlacement> place(String service);

  /**
   * A directory backed by a map.
   *
   * @param placements placements by service name (copied)
   * @return the directory
   */
  static ServiceDirectory of(Map<String, ServicePlacement> placements) {
    Map<String, ServicePlacement> copy = Map.copyOf(placements);
    return s -> Optional.ofNullable(copy.get(s));
  }
}
