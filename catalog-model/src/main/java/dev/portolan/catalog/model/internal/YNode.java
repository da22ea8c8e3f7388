package dev.portolan.catalog.model.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a parsed YAML document, before conversion to JSON: it keeps source positions (0-based line and
 * column of its first character), anchors and aliases.
 */
public abstract sealed class YNode permits YNode.Scalar, YNode.Seq, YNode.Map, YNode.Alias {

  final int line;
  final int column;
  String anchor;

  YNode(int line, int column) {
    this.line = line;
    this.column = column;
  }

  /**
   * The 0-based line of the node's first character.
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * The 0-based column of the node's first character.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /** A scalar: its text, explicit tag if any, and whether it was written plain (unquoted). */
  public static final class Scalar extends YNode {
    final String value;
    final String tag;
    final boolean plain;
    /** The resolved value of a key, kept from the duplicate check for the conversion (never a container). */
    com.fasterxml.jackson.databind.JsonNode resolved;

    Scalar(int line, int column, String value, String tag, boolean plain) {
      super(line, column);
      this.value = value;
      this.tag = tag;
      this.plain = plain;
    }
  }

  /** A sequence. */
  public static final class Seq extends YNode {
    final List<YNode> items = new ArrayList<>();
    /** The explicit tag, if any. */
    String tag;

    Seq(int line, int column) {
      super(line, column);
    }
  }

  /** A mapping, keys and values in document order. */
  public static final class Map extends YNode {
    final List<YNode> keys = new ArrayList<>();
    final List<YNode> values = new ArrayList<>();
    /** The JSON key of each entry, set during conversion. */
    final List<String> jsonKeys = new ArrayList<>();
    /** The explicit tag, if any. */
    String tag;

    Map(int line, int column) {
      super(line, column);
    }
  }

  /** An alias to an anchored node defined earlier in the document. */
  public static final class Alias extends YNode {
    final String name;
    final YNode target;

    Alias(int line, int column, String name, YNode target) {
      super(line, column);
      this.name = name;
      this.target = target;
    }
  }
}
