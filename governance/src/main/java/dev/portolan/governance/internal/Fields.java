package dev.portolan.governance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Field-path access into Jackson trees. Paths are dotted with optional {@code [index]} steps; keys that
 * contain dots themselves (label and annotation keys such as {@code gov.example.com/risk-tier}) are found by
 * trying the shortest key of the object that matches the rest of the path.
 */
public final class Fields {

  private Fields() {}

  /**
   * The node at a path.
   *
   * @param root the tree
   * @param path a dotted path; empty for the root
   * @return the node, or a missing node
   */
  public static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    int i = 0;
    int n = path.length();
    while (i < n && node != null && !node.isMissingNode()) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return MissingNode.getInstance();
        }
        String idx = path.substring(i + 1, close);
        try {
          node = node.isArray() ? node.path(Integer.parseInt(idx)) : MissingNode.getInstance();
        } catch (NumberFormatException e) {
          node = node.path(unquote(idx));
        }
        i = close + 1;
        continue;
      }
      if (!node.isObject()) {
        return MissingNode.getInstance();
      }
      int end = i;
      JsonNode next = null;
      while (end <= n) {
        if (end == n || path.charAt(end) == '.' || path.charAt(end) == '[') {
          JsonNode candidate = node.get(path.substring(i, end));
          if (candidate != null) {
            next = candidate;
            break;
          }
          if (end == n || path.charAt(end) == '[') {
            break;
          }
        }
        end++;
      }
      if (next == null) {
        return MissingNode.getInstance();
      }
      node = next;
      i = end;
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  /**
   * Splits a simple dotted path ({@code a.b[0].c}) into segments for {@link #at(JsonNode, String[])}.
   *
   * @param path the path
   * @return the segments; index steps are kept as {@code [n]}
   */
  public static String[] segments(String path) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[') {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        if (c == '[') {
          int close = path.indexOf(']', i);
          if (close < 0) {
            cur.append(path, i, path.length());
            break;
          }
          out.add(path.substring(i, close + 1));
          i = close;
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out.toArray(new String[0]);
  }

  /**
   * The node at a pre-split path. A key that holds dots is found by joining the following segments.
   *
   * @param root the tree
   * @param segments from {@link #segments(String)}
   * @return the node, or a missing node
   */
  public static JsonNode at(JsonNode root, String[] segments) {
    return at(root, compile(segments));
  }

  /** A pre-split path with the dotted joins of consecutive segments, for keys that contain dots. */
  public static final class Compiled {
    final String[] segments;
    final String[][] joins;

    Compiled(String[] segments) {
      this.segments = segments;
      this.joins = new String[segments.length][];
      for (int i = 0; i < segments.length; i++) {
        List<String> j = new ArrayList<>();
        String acc = segments[i];
        for (int k = i + 1; k < segments.length && segments[k].charAt(0) != '['; k++) {
          acc = acc + "." + segments[k];
          j.add(acc);
        }
        joins[i] = j.toArray(new String[0]);
      }
    }
  }

  /**
   * Compiles a dotted path for repeated lookups.
   *
   * @param path the path
   * @return the compiled path
   */
  public static Compiled compile(String path) {
    return new Compiled(segments(path));
  }

  private static Compiled compile(String[] segments) {
    return new Compiled(segments);
  }

  /**
   * The node at a compiled path.
   *
   * @param root the tree
   * @param path the compiled path
   * @return the node, or a missing node
   */
  public static JsonNode at(JsonNode root, Compiled path) {
    String[] segments = path.segments;
    JsonNode node = root;
    int i = 0;
    while (i < segments.length) {
      if (node == null || node.isMissingNode()) {
        return MissingNode.getInstance();
      }
      String seg = segments[i];
      if (seg.charAt(0) == '[') {
        String idx = seg.substring(1, seg.length() - 1);
        try {
          node = node.isArray() ? node.path(Integer.parseInt(idx)) : MissingNode.getInstance();
        } catch (NumberFormatException e) {
          node = node.path(unquote(idx));
        }
        i++;
        continue;
      }
      if (!node.isObject()) {
        return MissingNode.getInstance();
      }
      JsonNode next = node.get(seg);
      int j = i;
      if (next == null) {
        String[] joins = path.joins[i];
        for (int k = 0; k < joins.length && next == null; k++) {
          next = node.get(joins[k]);
          j = i + k + 1;
        }
        if (next == null) {
          return MissingNode.getInstance();
        }
      }
      node = next;
      i = j + 1;
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  /**
   * The scalar text of a node: strings as is, booleans as {@code yes}/{@code no} (a YAML 1.1 writer turns
   * quoted-less {@code yes} into a boolean), numbers as written.
   *
   * @param node the node
   * @return the text, or empty for missing, null, objects and arrays
   */
  public static Optional<String> text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
      return Optional.empty();
    }
    if (node.isBoolean()) {
      return Optional.of(node.booleanValue() ? "yes" : "no");
    }
    return Optional.of(node.asText());
  }

  /**
   * The scalar texts of a node: a list's scalar items, or a single scalar as a one-item list.
   *
   * @param node the node
   * @return the texts, empty when none
   */
  public static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        text(item).ifPresent(out::add);
      }
    } else {
      text(node).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Whether a node holds a value: not missing, not null, not an empty string, list or object.
   *
   * @param node the node
   * @return true when present and non-empty
   */
  public static boolean present(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (node.isTextual()) {
      return !node.textValue().isBlank();
    }
    if (node.isContainerNode()) {
      return node.size() > 0;
    }
    return true;
  }
}
