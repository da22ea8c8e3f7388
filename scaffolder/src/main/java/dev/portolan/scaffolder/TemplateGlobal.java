package dev.portolan.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A function that templates call by name, e.g. {@code ${{ now() }}}. Like filters, globals see and return
 * plain JSON data only.
 */
@FunctionalInterface
public interface TemplateGlobal {

  /**
   * Calls the global.
   *
   * @param args the arguments (keyword arguments arrive as a trailing object)
   * @return the result; never null (return a MissingNode for undefined)
   */
  JsonNode call(List<JsonNode> args);
}
