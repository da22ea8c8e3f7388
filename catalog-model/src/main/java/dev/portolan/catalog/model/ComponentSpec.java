package dev.portolan.catalog.model;

import java.util.List;
import java.util.Optional;

/**
 * The spec of a {@code Component}.
 *
 * @param type the component type, e.g. {@code service}
 * @param lifecycle the lifecycle, e.g. {@code production}
 * @param owner the owner ref (default kind Group)
 * @param system the system ref
 * @param subcomponentOf the parent component ref
 * @param providesApis the provided API refs
 * @param consumesApis the consumed API refs
 * @param dependsOn the refs this component depends on (each needs a kind)
 * @param dependencyOf the refs that depend on this component (each needs a kind)
 */
public record ComponentSpec(String type, String lifecycle, String owner, Optional<String> system,
    Optional<String> subcomponentOf, List<String> providesApis, List<String> consumesApis, List<String> dependsOn,
    List<String> dependencyOf) implements KindSpec {

  /**
   * Copies the lists.
   *
   * @param type the component type, e.g. {@code service}
   * @param lifecycle the lifecycle, e.g. {@code production}
   * @param owner the owner ref (default kind Group)
   * @param system the system ref
   * @param subcomponentOf the parent component ref
   * @param providesApis the provided API refs
   * @param consumesApis the consumed API refs
   * @param dependsOn the refs this component depends on (each needs a kind)
   * @param dependencyOf the refs that depend on this component (each needs a kind)
   */
  public ComponentSpec {
    providesApis = List.copyOf(providesApis);
    consumesApis = List.copyOf(consumesApis);
    dependsOn = List.copyOf(dependsOn);
    dependencyOf = List.copyOf(dependencyOf);
  }
}
