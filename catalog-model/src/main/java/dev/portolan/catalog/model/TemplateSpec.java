package dev.portolan.catalog.model;

import java.util.List;
import java.util.Optional;

/**
 * The spec of a {@code Template} ({@code scaffolder.backstage.io/v1beta3}), as far as the catalog reads it.
 * The scaffolder module reads parameters, steps and output in full.
 *
 * @param type the template type, e.g. {@code service}
 * @param owner the owner ref
 * @param lifecycle the lifecycle
 * @param steps the steps, in order
 */
public record TemplateSpec(String type, Optional<String> owner, Optional<String> lifecycle, List<Step> steps)
    implements KindSpec {

  /**
   * Copies the list.
   *
   * @param type the template type, e.g. {@code service}
   * @param owner the owner ref
   * @param lifecycle the lifecycle
   * @param steps the steps, in order
   */
  public TemplateSpec {
    steps = List.copyOf(steps);
  }

  /**
   * One step.
   *
   * @param id the step id
   * @param name the display name
   * @param action the action id, e.g. {@code fetch:template}
   */
  public record Step(Optional<String> id, Optional<String> name, String action) {}
}
