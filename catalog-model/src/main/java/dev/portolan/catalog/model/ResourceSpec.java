package dev.portolan.catalog.model;

import java.util.List;
import java.util.Optional;

/**
 * The spec of a {@code Resource}.
 *
 * @param type the resource type, e.g. {@code database}
 * @param owner the owner ref
 * @param system the system ref
 * @param dependsOn the refs this resource depends on
 * @param dependencyOf the refs that depend on this resource
 */
public record ResourceSpec(String type, String owner, Optional<String> system, List<String> dependsOn,
    List<String> dependencyOf) implements KindSpec {

  /**
   * Copies the lists.
   *
   * @param type the resource type, e.g. {@code database}
   * @param owner the owner ref
   * @param system the system ref
   * @param dependsOn the refs this resource depends on
   * @param dependencyOf the refs that depend on this resource
   */
  public ResourceSpec {
    dependsOn = List.copyOf(dependsOn);
    dependencyOf = List.copyOf(dependencyOf);
  }
}
