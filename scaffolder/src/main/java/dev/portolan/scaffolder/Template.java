package dev.portolan.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.model.Entity;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded {@code scaffolder.backstage.io/v1beta3} Template entity. Obtain one with
 * {@link Scaffolder#loadTemplate(Path)}. Immutable.
 */
public final class Template {

  private final Path file;
  private final Entity entity;
  private final List<JsonNode> parameterPages;
  private final List<Step> steps;
  private final JsonNode output;
  private final Map<String, SourcePosition> positions;

  /**
   * Creates a template; use {@link Scaffolder#loadTemplate(Path)} instead.
   *
   * @param file the template file
   * @param entity the entity
   * @param parameterPages the parameter schema pages
   * @param steps the steps, ids defaulted
   * @param output the output object
   * @param positions source positions by field path text
   */
  public Template(Path file, Entity entity, List<JsonNode> parameterPages, List<Step> steps, JsonNode output,
      Map<String, SourcePosition> positions) {
    this.file = Objects.requireNonNull(file, "file");
    this.entity = Objects.requireNonNull(entity, "entity");
    this.parameterPages = List.copyOf(parameterPages);
    this.steps = List.copyOf(steps);
    this.output = output.deepCopy();
    this.positions = Map.copyOf(positions);
  }

  /**
   * Returns the template file.
   *
   * @return the path of template.yaml
   */
  public Path file() {
    return file;
  }

  /**
   * Returns the directory relative {@code url:} inputs resolve against.
   *
   * @return the directory of the template file
   */
  public Path baseDirectory() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath() : parent;
  }

  /**
   * Returns the entity.
   *
   * @return the Template entity
   */
  public Entity entity() {
    return entity;
  }

  /**
   * Returns the entity ref text, e.g. {@code template:default/react-app}.
   *
   * @return the ref
   */
  public String ref() {
    return entity.ref().map(Object::toString).orElse("template:" + entity.metadata().name());
  }

  /**
   * Returns the parameter schemas, one per form page.
   *
   * @return the pages (a single object becomes one page)
   */
  public List<JsonNode> parameterPages() {
    return parameterPages.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  /**
   * Returns the steps.
   *
   * @return the steps in order
   */
  public List<Step> steps() {
    return steps;
  }

  /**
   * Returns {@code spec.output}.
   *
   * @return the output object (empty object when absent)
   */
  public JsonNode output() {
    return output.deepCopy();
  }

  /**
   * Returns where a field is written in the template file.
   *
   * @param path a field path, e.g. {@code spec.steps[0].input}
   * @return the position, when known
   */
  public Optional<SourcePosition> position(FieldPath path) {
    return Optional.ofNullable(positions.get(path.toString()));
  }

  /**
   * One step of the template.
   *
   * @param index 0-based position in {@code spec.steps}
   * @param id the id ({@code step-<n>} when absent)
   * @param name the name (the action id when absent)
   * @param action the action id
   * @param input the input object (empty object when absent)
   * @param condition the {@code if} value, when present
   * @param each the {@code each} value, when present
   */
  public record Step(int index, String id, String name, String action, JsonNode input, Optional<JsonNode> condition,
      Optional<JsonNode> each) {

    /**
     * Checks the parts.
     *
     * @param index 0-based position in {@code spec.steps}
     * @param id the id ({@code step-<n>} when absent)
     * @param name the name (the action id when absent)
     * @param action the action id
     * @param input the input object (empty object when absent)
     * @param condition the {@code if} value, when present
     * @param each the {@code each} value, when present
     */
    public Step {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(action, "action");
      input = input.deepCopy();
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(each, "each");
    }

    /**
     * Returns the field path of this step.
     *
     * @return {@code spec.steps[<index>]}
     */
    public FieldPath path() {
      return FieldPath.of("spec", "steps").index(index);
    }
  }
}
