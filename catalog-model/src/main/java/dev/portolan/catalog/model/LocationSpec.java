package dev.portolan.catalog.model;

import java.util.List;
import java.util.Optional;

/**
 * The spec of a {@code Location}.
 *
 * @param type the location type; absent means the type of the location that read it
 * @param target the single target
 * @param targets further targets
 * @param presence {@code required} (the default) or {@code optional}
 */
public record LocationSpec(Optional<String> type, Optional<String> target, List<String> targets,
    Optional<String> presence) implements KindSpec {

  /**
   * Copies the list.
   *
   * @param type the location type; absent means the type of the location that read it
   * @param target the single target
   * @param targets further targets
   * @param presence {@code required} (the default) or {@code optional}
   */
  public LocationSpec {
    targets = List.copyOf(targets);
  }

  /**
   * {@code target} (when set) followed by {@code targets}, the order Backstage reads them in.
   *
   * @return every target
   */
  public List<String> allTargets() {
    List<String> all = new java.util.ArrayList<>();
    target.filter(t -> !t.isEmpty()).ifPresent(all::add);
    all.addAll(targets);
    return List.copyOf(all);
  }
}
