package dev.portolan.catalog.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One document read from a file: its JSON value and YAML tree, or the error that stopped it.
 *
 * @param index the zero-based index of the document in the file
 * @param json the JSON value; empty when the document has an error
 * @param tree the YAML tree with positions; null when the document has an error
 * @param error the problem, with its 0-based line and column
 */
public record ReadDocument(int index, Optional<JsonNode> json, YNode tree, Optional<ReadError> error) {

  /**
   * A reading problem.
   *
   * @param line the 0-based line
   * @param column the 0-based column
   * @param message what went wrong
   * @param backstageMessage how Backstage's catalog words the failure, {@code %s} standing for the file
   */
  public record ReadError(int line, int column, String message, String backstageMessage) {}
}
