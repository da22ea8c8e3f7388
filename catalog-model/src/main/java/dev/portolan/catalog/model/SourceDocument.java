package dev.portolan.catalog.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.model.internal.Positions;
import dev.portolan.catalog.model.internal.YNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One document read from a YAML or JSON file by {@link DocumentReader}: its JSON value with the source
 * position of every field, or the error that stopped it.
 */
public final class SourceDocument {

  private final String file;
  private final int index;
  private final JsonNode json;
  private final YNode tree;
  private final Violation error;
  private final String backstageError;

  SourceDocument(String file, int index, JsonNode json, YNode tree, Violation error, String backstageError) {
    this.backstageError = backstageError;
    this.file = Objects.requireNonNull(file);
    this.index = index;
    this.json = json;
    this.tree = tree;
    this.error = error;
  }

  /**
   * The file name or path as given to the reader.
   *
   * @return the file
   */
  public String file() {
    return file;
  }

  /**
   * The zero-based index of the document in its file.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * A copy of the document's JSON value (YAML {@code .inf} and {@code .nan} are kept as doubles here).
   *
   * @return the value, empty when the document could not be read
   */
  public Optional<JsonNode> json() {
    return Optional.ofNullable(json).map(JsonNode::deepCopy);
  }

  /** How Backstage words the read error, for this package. */
  String backstageError() {
    return backstageError;
  }

  /** The YAML tree, for this package. */
  YNode tree() {
    return tree;
  }

  /** The value without a copy, for this package. */
  JsonNode jsonUnsafe() {
    return json;
  }

  /**
   * Why the document could not be read.
   *
   * @return the error, empty when the document was read
   */
  public Optional<Violation> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Where the value at a path starts; for a path that does not exist, where its nearest existing ancestor
   * starts.
   *
   * @param path the field path
   * @return the position, empty when the document could not be read
   */
  public Optional<SourcePosition> position(FieldPath path) {
    return Positions.find(tree, path, false);
  }

  /**
   * Where the key of the field at a path is written (the value's position for array items and the root).
   *
   * @param path the field path
   * @return the position, empty when the document could not be read
   */
  public Optional<SourcePosition> keyPosition(FieldPath path) {
    return Positions.find(tree, path, true);
  }
}
