package dev.portolan.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * A step action, e.g. {@code fetch:template}. Actions are passed to {@link Scaffolder.Builder#action}; the
 * built-in ones are registered by default. Implementations must be thread-safe: one instance serves every
 * run.
 */
public interface ScaffolderAction {

  /**
   * Returns the action id used in {@code action:} of a step.
   *
   * @return the id, e.g. {@code debug:log}
   */
  String id();

  /**
   * Returns the JSON Schema every rendered step input is validated against before the action runs.
   *
   * @return a JSON Schema object; the default accepts any object
   */
  default JsonNode inputSchema() {
    return JsonNodeFactory.instance.objectNode().put("type", "object");
  }

  /**
   * Returns the JSON Schema of the outputs; used to invent example outputs for actions skipped in a dry run.
   *
   * @return a JSON Schema object; the default declares no outputs
   */
  default JsonNode outputSchema() {
    return JsonNodeFactory.instance.objectNode().put("type", "object");
  }

  /**
   * Reports whether the action runs in a dry run (it must then keep every effect inside the workspace).
   *
   * @return true by default
   */
  default boolean supportsDryRun() {
    return true;
  }

  /**
   * Runs the action.
   *
   * @param context the step's input, workspace, logger and output sink
   * @throws IOException when the workspace cannot be read or written
   */
  void handle(ActionContext context) throws IOException;
}
