package dev.portolan.catalog.model;

import java.util.List;
import java.util.Optional;

/**
 * The spec of an {@code AiResource} (catalog model layer): a skill, rule, plugin, marketplace or any other
 * type.
 *
 * @param type the resource type: {@code skill}, {@code rule}, {@code plugin}, {@code marketplace} or other
 * @param lifecycle the lifecycle
 * @param owner the owner ref (a Group or User)
 * @param system the system ref
 * @param version the version
 * @param dependsOn refs of the AI resources a skill depends on
 * @param skills refs of the skills a plugin bundles
 * @param plugins refs of the plugins a marketplace lists
 */
public record AiResourceSpec(String type, String lifecycle, String owner, Optional<String> system,
    Optional<String> version, List<String> dependsOn, List<String> skills, List<String> plugins)
    implements KindSpec {

  /**
   * Copies the lists.
   *
   * @param type the resource type: {@code skill}, {@code rule}, {@code plugin}, {@code marketplace} or other
   * @param lifecycle the lifecycle
   * @param owner the owner ref (a Group or User)
   * @param system the system ref
   * @param version the version
   * @param dependsOn refs of the AI resources a skill depends on
   * @param skills refs of the skills a plugin bundles
   * @param plugins refs of the plugins a marketplace lists
   */
  public AiResourceSpec {
    dependsOn = List.copyOf(dependsOn);
    skills = List.copyOf(skills);
    plugins = List.copyOf(plugins);
  }
}
