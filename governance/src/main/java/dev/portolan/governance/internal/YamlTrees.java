package dev.portolan.governance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.governance.GovernanceException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML 1.2 (core schema) into Jackson trees and remembers where every field was written. Dates and
 * {@code yes}/{@code no} stay strings, as in Backstage. Anchors are limited and cycles rejected, so hostile
 * input cannot blow up memory or recurse forever.
 */
public final class YamlTrees {

  private static final int MAX_DEPTH = 200;
  private static final int MAX_NODES = 1_000_000;

  /** The YAML 1.2 core schema; its resolver tables are filled once in the constructor and only read after. */
  private static final CoreSchema SCHEMA = new CoreSchema();

  private YamlTrees() {}

  /**
   * One YAML document.
   *
   * @param tree the document as a Jackson tree (null for an empty document)
   * @param line the 1-based line of the document start
   * @param column the 1-based column of the document start
   * @param positions 1-based {line, column} of each field path, e.g. {@code spec.trainedOn[0]}
   */
  public record Document(JsonNode tree, int line, int column, Map<String, int[]> positions) {

    /**
     * Where a field was written, falling back to its closest written parent, then the document.
     *
     * @param fieldPath a dotted field path
     * @return {line, column}
     */
    public int[] position(String fieldPath) {
      String p = fieldPath;
      while (p != null && !p.isEmpty()) {
        int[] pos = positions.get(p);
        if (pos != null) {
          return pos;
        }
        int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
        p = cut <= 0 ? null : p.substring(0, cut);
      }
      return new int[] {line, column};
    }
  }

  /**
   * Parses every document of a YAML stream.
   *
   * @param text the YAML text
   * @param file the file name used in errors
   * @return the documents in order
   * @throws GovernanceException on a syntax error, a duplicate key, an alias cycle or excessive size
   */
  public static List<Document> parseAll(String text, String file) {
    LoadSettings settings =
        LoadSettings.builder()
            .setSchema(SCHEMA)
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(50)
            .setLabel(file)
            .build();
    List<Document> docs = new ArrayList<>();
    try {
      Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      while (composer.hasNext()) {
        Node node = composer.next();
        Converter c = new Converter(file);
        c.checkSize(node);
        JsonNode tree = c.convert(node, "", 0);
        int[] start = mark(node.getStartMark());
        docs.add(new Document(tree, start[0], start[1], Map.copyOf(c.positions)));
      }
    } catch (MarkedYamlEngineException e) {
      int[] pos = mark(e.getProblemMark());
      throw new GovernanceException(
          file, pos[0], pos[1], null, null, "expected valid YAML, found " + oneLine(e.getProblem()));
    } catch (StackOverflowError e) {
      throw new GovernanceException(file, 0, 0, null, null, "expected a document nested at most " + MAX_DEPTH + " levels deep, found a deeper one");
    } catch (YamlEngineException e) {
      throw new GovernanceException(file, 0, 0, null, null, "expected valid YAML, found " + oneLine(e.getMessage()));
    }
    return docs;
  }

  private static String oneLine(String s) {
    return s == null ? "a malformed document" : s.replaceAll("\\s+", " ").trim();
  }

  static int[] mark(Optional<Mark> mark) {
    return mark.map(m -> new int[] {m.getLine() + 1, m.getColumn() + 1}).orElse(new int[] {1, 1});
  }

  private static final class Converter {
    private final String file;
    private final Map<String, int[]> positions = new HashMap<>();
    private int nodes;

    Converter(String file) {
      this.file = file;
    }

    /** Rejects documents whose aliases would expand beyond the node limit, before expanding anything. */
    void checkSize(Node root) {
      java.util.Map<Node, Long> memo = new java.util.IdentityHashMap<>();
      long size = size(root, memo, 0);
      if (size > MAX_NODES) {
        int[] pos = mark(root.getStartMark());
        throw new GovernanceException(file, pos[0], pos[1], null, null,
            "expected a document of at most " + MAX_NODES + " nodes once aliases are expanded, found " + size);
      }
    }

    private long size(Node node, java.util.Map<Node, Long> memo, int depth) {
      Long known = memo.get(node);
      if (known != null) {
        return known;
      }
      if (depth > MAX_DEPTH) {
        int[] pos = mark(node.getStartMark());
        throw new GovernanceException(file, pos[0], pos[1], null, null,
            "expected a document nested at most " + MAX_DEPTH + " levels deep, found a deeper or self-referencing one");
      }
      memo.put(node, MAX_NODES + 1L);
      long n = 1;
      if (node instanceof MappingNode) {
        for (NodeTuple t : ((MappingNode) node).getValue()) {
          n += size(t.getKeyNode(), memo, depth + 1) + size(t.getValueNode(), memo, depth + 1);
        }
      } else if (node instanceof SequenceNode) {
        for (Node item : ((SequenceNode) node).getValue()) {
          n += size(item, memo, depth + 1);
        }
      }
      n = Math.min(n, MAX_NODES + 1L);
      memo.put(node, n);
      return n;
    }

    JsonNode convert(Node node, String path, int depth) {
      if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
        int[] pos = mark(node.getStartMark());
        throw new GovernanceException(
            file, pos[0], pos[1], null, path.isEmpty() ? null : path,
            "expected a document of at most " + MAX_DEPTH + " levels and " + MAX_NODES
                + " nodes, found a larger or self-referencing one");
      }
      JsonNodeFactory f = JsonNodeFactory.instance;
      if (node instanceof MappingNode) {
        ObjectNode obj = f.objectNode();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
          Node k = t.getKeyNode();
          String key = k instanceof ScalarNode ? ((ScalarNode) k).getValue() : String.valueOf(convert(k, path, depth + 1));
          String child = path.isEmpty() ? key : path + "." + key;
          int[] pos = mark(k.getStartMark());
          if (obj.has(key)) {
            throw new GovernanceException(file, pos[0], pos[1], null, child, "expected unique keys, found a duplicate key '" + key + "'");
          }
          positions.put(child, pos);
          obj.set(key, convert(t.getValueNode(), child, depth + 1));
        }
        return obj;
      }
      if (node instanceof SequenceNode) {
        ArrayNode arr = f.arrayNode();
        int i = 0;
        for (Node item : ((SequenceNode) node).getValue()) {
          String child = path + "[" + i++ + "]";
          positions.put(child, mark(item.getStartMark()));
          arr.add(convert(item, child, depth + 1));
        }
        return arr;
      }
      ScalarNode s = (ScalarNode) node;
      String v = s.getValue();
      Tag tag = s.getTag();
      if (Tag.NULL.equals(tag)) {
        return f.nullNode();
      }
      if (Tag.BOOL.equals(tag)) {
        return f.booleanNode(v.equalsIgnoreCase("true"));
      }
      if (Tag.INT.equals(tag)) {
        try {
          if (v.startsWith("0x")) {
            return f.numberNode(new BigInteger(v.substring(2), 16));
          }
          if (v.startsWith("0o")) {
            return f.numberNode(new BigInteger(v.substring(2), 8));
          }
          BigInteger b = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
          return b.bitLength() < 63 ? f.numberNode(b.longValue()) : f.numberNode(b);
        } catch (NumberFormatException e) {
          return f.textNode(v);
        }
      }
      if (Tag.FLOAT.equals(tag)) {
        try {
          return f.numberNode(Double.parseDouble(v.replace(".inf", "Infinity").replace(".Inf", "Infinity")
              .replace(".INF", "Infinity").replace(".nan", "NaN").replace(".NaN", "NaN").replace(".NAN", "NaN")));
        } catch (NumberFormatException e) {
          return f.textNode(v);
        }
      }
      return f.textNode(v);
    }
  }
}
