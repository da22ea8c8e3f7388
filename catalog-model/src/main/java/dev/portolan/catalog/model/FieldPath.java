package dev.portolan.catalog.model;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The path of a field inside a document, such as {@code spec.dependsOn[2]} or
 * {@code metadata.annotations["backstage.io/techdocs-ref"]}.
 *
 * <p>Format: keys that match {@code [A-Za-z_$][A-Za-z0-9_$-]*} are written plainly, joined with {@code .};
 * any other key is written as a JSON string in brackets ({@code ["backstage.io/x"]}); array indices are
 * written {@code [n]}. The root (the whole document) is the empty string. {@link #parse(String)} reads
 * exactly what {@link #toString()} writes, so the two round-trip.
 *
 * @param segments the keys and indices from the root, in order
 */
public record FieldPath(List<Segment> segments) {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  /** The root path: the whole document. */
  public static final FieldPath ROOT = new FieldPath(List.of());

  /** One step of a path: an object key or an array index. */
  public sealed interface Segment permits Key, Index {}

  /**
   * An object key.
   *
   * @param name the key, possibly empty
   */
  public record Key(String name) implements Segment {
    /**
     * Checks the key is present.
     *
     * @param name the key, possibly empty
     */
    public Key {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * An array index.
   *
   * @param index the zero-based index
   */
  public record Index(int index) implements Segment {
    /**
     * Checks the index is not negative.
     *
     * @param index the zero-based index
     */
    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("index must not be negative: " + index);
      }
    }
  }

  /**
   * Copies the segments.
   *
   * @param segments the keys and indices from the root, in order
   */
  public FieldPath {
    segments = List.copyOf(segments);
  }

  /**
   * A path made of plain keys, e.g. {@code FieldPath.of("metadata", "name")}.
   *
   * @param keys the keys from the root
   * @return the path
   */
  public static FieldPath of(String... keys) {
    List<Segment> list = new ArrayList<>(keys.length);
    for (String k : keys) {
      list.add(new Key(k));
    }
    return new FieldPath(list);
  }

  /**
   * This path followed by a key.
   *
   * @param key the key
   * @return the child path
   */
  public FieldPath key(String key) {
    List<Segment> list = new ArrayList<>(segments);
    list.add(new Key(key));
    return new FieldPath(list);
  }

  /**
   * This path followed by an index.
   *
   * @param index the index
   * @return the child path
   */
  public FieldPath index(int index) {
    List<Segment> list = new ArrayList<>(segments);
    list.add(new Index(index));
    return new FieldPath(list);
  }

  /**
   * Whether this is the root path.
   *
   * @return true for the empty path
   */
  public boolean isRoot() {
    return segments.isEmpty();
  }

  /**
   * The path without its last segment; the root is its own parent.
   *
   * @return the parent path
   */
  public FieldPath parent() {
    return segments.isEmpty() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
  }

  /**
   * Whether this path starts with the given one (every path starts with the root).
   *
   * @param prefix the candidate prefix
   * @return true if {@code prefix} is this path or one of its ancestors
   */
  public boolean startsWith(FieldPath prefix) {
    return segments.size() >= prefix.segments.size()
        && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
  }

  /**
   * The path as a JSON Pointer (RFC 6901), e.g. {@code /metadata/annotations/backstage.io~1x}.
   *
   * @return the pointer; the empty string for the root
   */
  public String toJsonPointer() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      sb.append('/');
      if (s instanceof Key k) {
        sb.append(k.name().replace("~", "~0").replace("/", "~1"));
      } else {
        sb.append(((Index) s).index());
      }
    }
    return sb.toString();
  }

  /**
   * Parses the textual form written by {@link #toString()}.
   *
   * @param text the path text; the empty string is the root
   * @return the path
   * @throws InvalidFieldPathException if the text is not a path
   */
  public static FieldPath parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Segment> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '[') {
        if (i + 1 < n && text.charAt(i + 1) == '"') {
          StringBuilder key = new StringBuilder();
          int j = i + 2;
          boolean closed = false;
          while (j < n) {
            char d = text.charAt(j);
            if (d == '"') {
              closed = true;
              break;
            }
            if (d == '\\') {
              if (j + 1 >= n) {
                throw invalid(text, j, "an escape sequence");
              }
              char e = text.charAt(j + 1);
              switch (e) {
                case '"', '\\', '/' -> key.append(e);
                case 'b' -> key.append('\b');
                case 'f' -> key.append('\f');
                case 'n' -> key.append('\n');
                case 'r' -> key.append('\r');
                case 't' -> key.append('\t');
                case 'u' -> {
                  if (j + 6 > n) {
                    throw invalid(text, j, "four hex digits after \\u");
                  }
                  try {
                    key.append((char) Integer.parseInt(text.substring(j + 2, j + 6), 16));
                  } catch (NumberFormatException ex) {
                    throw invalid(text, j, "four hex digits after \\u");
                  }
                  j += 4;
                }
                default -> throw invalid(text, j, "a JSON escape sequence");
              }
              j += 2;
            } else {
              key.append(d);
              j++;
            }
          }
          if (!closed || j + 1 >= n || text.charAt(j + 1) != ']') {
            throw invalid(text, i, "a quoted key closed by \"]");
          }
          out.add(new Key(key.toString()));
          i = j + 2;
        } else {
          int close = text.indexOf(']', i);
          if (close < 0) {
            throw invalid(text, i, "an index closed by ]");
          }
          String digits = text.substring(i + 1, close);
          if (!digits.matches("0|[1-9][0-9]{0,8}")) {
            throw invalid(text, i, "an array index");
          }
          out.add(new Index(Integer.parseInt(digits)));
          i = close + 1;
        }
      } else {
        if (c == '.') {
          if (out.isEmpty()) {
            throw invalid(text, i, "a key");
          }
          i++;
        } else if (!out.isEmpty()) {
          throw invalid(text, i, "'.' or '['");
        }
        int j = i;
        while (j < n && text.charAt(j) != '.' && text.charAt(j) != '[') {
          j++;
        }
        String key = text.substring(i, j);
        if (!PLAIN_KEY.matcher(key).matches()) {
          throw invalid(text, i, "a plain key ([A-Za-z_$][A-Za-z0-9_$-]*) or a quoted key [\"...\"]");
        }
        out.add(new Key(key));
        i = j;
      }
    }
    return new FieldPath(out);
  }

  private static InvalidFieldPathException invalid(String text, int at, String expected) {
    return new InvalidFieldPathException(
        text, "field path \"" + text + "\" at offset " + at + ": expected " + expected);
  }

  /**
   * The textual form, e.g. {@code metadata.annotations["backstage.io/x"]} or {@code spec.dependsOn[2]}.
   *
   * @return the path text; empty for the root
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      if (s instanceof Key k) {
        if (PLAIN_KEY.matcher(k.name()).matches()) {
          if (sb.length() > 0) {
            sb.append('.');
          }
          sb.append(k.name());
        } else {
          sb.append("[\"").append(JsonStringEncoder.getInstance().quoteAsString(k.name())).append("\"]");
        }
      } else {
        sb.append('[').append(((Index) s).index()).append(']');
      }
    }
    return sb.toString();
  }
}
