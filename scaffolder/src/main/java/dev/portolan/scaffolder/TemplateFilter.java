package dev.portolan.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A filter that templates call as {@code value | name(arg, ...)}. Filters see and return plain JSON data
 * only: {@link com.fasterxml.jackson.databind.node.MissingNode} stands for JavaScript {@code undefined},
 * {@link com.fasterxml.jackson.databind.node.NullNode} for {@code null}. Throwing
 * {@link IllegalArgumentException} fails the rendering with the message and the template position.
 */
@FunctionalInterface
public interface TemplateFilter {

  /**
   * Applies the filter.
   *
   * @param input the value before the {@code |}
   * @param args the arguments in parentheses (keyword arguments arrive as a trailing object)
   * @return the result; never null (return a MissingNode for undefined)
   */
  JsonNode apply(JsonNode input, List<JsonNode> args);
}
