package dev.portolan.governance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.model.DocumentReader;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.FieldPositions;
import dev.portolan.catalog.model.InvalidFieldPathException;
import dev.portolan.catalog.model.SourceDocument;
import dev.portolan.catalog.model.SourcePosition;
import dev.portolan.catalog.model.Violation;
import dev.portolan.governance.GovernanceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads rule packs, waivers and other governance YAML through the catalog model's {@link DocumentReader}, the
 * reader catalog files go through: YAML 1.2 core schema (dates and {@code yes}/{@code no} stay strings, as in
 * Backstage), duplicate keys rejected, and the reader's limits on size, nesting and aliases, so hostile input
 * cannot blow up memory or recurse forever. Each document keeps the position of every field.
 */
public final class YamlTrees {

  private YamlTrees() {}

  /**
   * One YAML document.
   *
   * @param tree the document as a Jackson tree (null for an empty document)
   * @param line the 1-based line of the document start
   * @param column the 1-based column of the document start
   * @param positions where each field of {@code tree} is written
   */
  public record Document(JsonNode tree, int line, int column, FieldPositions positions) {

    /**
     * Where a field was written, falling back to its closest written parent, then the document.
     *
     * @param fieldPath a dotted field path, e.g. {@code rules[2].require.field}
     * @return {line, column}
     */
    public int[] position(String fieldPath) {
      String p = fieldPath;
      while (p != null && !p.isEmpty()) {
        Optional<SourcePosition> pos = find(p);
        if (pos.isPresent()) {
          return new int[] {pos.get().line(), pos.get().column()};
        }
        int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
        p = cut <= 0 ? null : p.substring(0, cut);
      }
      return new int[] {line, column};
    }

    private Optional<SourcePosition> find(String p) {
      FieldPath path;
      try {
        path = FieldPath.parse(p);
      } catch (InvalidFieldPathException e) {
        return Optional.empty();
      }
      return positions.position(path);
    }
  }

  /**
   * Parses every document of a YAML stream.
   *
   * @param text the YAML text
   * @param file the file name used in errors
   * @return the documents in order
   * @throws GovernanceException on a syntax error, a duplicate key, an alias cycle or excessive size, at its
   *     file, line and column
   */
  public static List<Document> parseAll(String text, String file) {
    List<Document> docs = new ArrayList<>();
    for (SourceDocument d : DocumentReader.create().read(file, text)) {
      Optional<Violation> error = d.error();
      if (error.isPresent()) {
        Violation v = error.get();
        throw new GovernanceException(file, v.position().map(SourcePosition::line).orElse(0),
            v.position().map(SourcePosition::column).orElse(0), null,
            v.path().isRoot() ? null : v.path().toString(), v.message());
      }
      JsonNode tree = d.json().filter(j -> !j.isNull()).orElse(null);
      SourcePosition start = d.position(FieldPath.ROOT).orElse(new SourcePosition(1, 1));
      docs.add(new Document(tree, start.line(), start.column(),
          tree == null ? FieldPositions.none() : FieldPositions.of(d, tree)));
    }
    return docs;
  }
}
