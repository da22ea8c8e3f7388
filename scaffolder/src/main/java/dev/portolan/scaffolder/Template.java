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
 * {@link Scaffolder#loadTemplate(Path)} or one of its siblings (text, stream, classpath resource). Immutable.
 */
public final class Template {

  private final String source;
  private final Optional<Path> file;
  private final Optional<Path> baseDirectory;
  private final Entity entity;
  private final List<JsonNode> parameterPages;
  private final List<Step> steps;
  private final JsonNode output;
  private final Map<String, SourcePosition> positions;

  /**
   * Creates a template; use {@link Scaffolder#loadTemplate(Path)} instead.
   *
   * @param source the name messages use for the template (its file path, or the name it was loaded under)
   * @param file the template file, when it was read from one
   * @param baseDirectory the directory relative {@code url:} inputs and placeholders resolve against, if any
   * @param entity the entity
   * @param parameterPages the parameter schema pages
   * @param steps the steps, ids defaulted
   * @param output the output object
   * @param positions source positions by field path text
   */
  public Template(String source, Optional<Path> file, Optional<Path> baseDirectory, Entity entity,
      List<JsonNode> parameterPages, List<Step> steps, JsonNode output, Map<String, SourcePosition> positions) {
    this.source = Objects.requireNonNull(source, "source");
    this.file = Objects.requireNonNull(file, "file");
    this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory").map(p -> p.toAbsolutePath().normalize());
    this.entity = Objects.requireNonNull(entity, "entity");
    this.parameterPages = List.copyOf(parameterPages);
    this.steps = List.copyOf(steps);
    this.output = output.deepCopy();
    this.positions = Map.copyOf(positions);
  }

  /**
   * Returns the name error messages use for this template: the file path as given, or the name it was
   * loaded under.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * Returns the template file.
   *
   * @return the path of template.yaml, when the template was read from a file
   */
  public Optional<Path> file() {
    return file;
  }

  /**
   * Returns the directory relative {@code url:} inputs (and {@code $yaml}/{@code $json}/{@code $text}
   * placeholders) resolve against.
   *
   * @return the directory of the template file, or the base given when loading from text; empty when there
   *     is none (a relative {@code url:} then fails its step with a clear error)
   */
  public Optional<Path> baseDirectory() {
    return baseDirectory;
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
