package dev.portolan.catalog.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks Backstage's YAML parser makes on values carrying one of the YAML 1.1 types it knows by explicit
 * tag ({@code !!timestamp}, {@code !!omap}, {@code !!pairs}, {@code !!set}): a value these types cannot hold
 * makes the document unreadable, as it does in Backstage. A tag on the wrong kind of node (a {@code !!set}
 * sequence) is only a warning there and is ignored here.
 */
final class TaggedValues {

  private static final String TIMESTAMP = "tag:yaml.org,2002:timestamp";
  private static final String OMAP = "tag:yaml.org,2002:omap";
  private static final String PAIRS = "tag:yaml.org,2002:pairs";
  private static final String SET = "tag:yaml.org,2002:set";

  /** The whole scalar must match: no surrounding spaces, unlike an untagged timestamp in a YAML 1.1 document. */
  private static final Pattern TIMESTAMP_TEXT = Pattern.compile(
      "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
          + "(?:(?:t|T|[ \\t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\\.[0-9]+)?"
          + "(?:[ \\t]*(?:Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?");

  private TaggedValues() {}

  /** The error for a tagged scalar, or null. */
  static ReadDocument.ReadError checkScalar(YNode.Scalar s) {
    if (TIMESTAMP.equals(s.tag) && !TIMESTAMP_TEXT.matcher(s.value).matches()) {
      return error(s, "!!timestamp value '" + s.value + "' is not a date: expected yyyy-mm-dd, optionally "
          + "followed by a time", "!!timestamp expects a date, starting with yyyy-mm-dd");
    }
    return null;
  }

  /** The error for a tagged sequence ({@code !!omap}, {@code !!pairs}), or null. */
  static ReadDocument.ReadError checkSeq(YNode.Seq seq, boolean yaml11) {
    boolean omap = OMAP.equals(seq.tag);
    if (!omap && !PAIRS.equals(seq.tag)) {
      return null;
    }
    String kind = omap ? "!!omap" : "!!pairs";
    List<String> seen = new ArrayList<>();
    for (YNode item : seq.items) {
      YNode key = item;
      if (item instanceof YNode.Map m) {
        if (m.keys.size() > 1) {
          return error(seq, kind + " entry at line " + (m.line + 1) + " has " + m.keys.size()
              + " keys: each pair needs its own '- '", "Each pair must have its own sequence indicator");
        }
        key = m.keys.isEmpty() ? null : m.keys.get(0);
      }
      if (omap && (key == null || key instanceof YNode.Scalar)) {
        String identity;
        String shown;
        if (key == null) {
          identity = "z";
          shown = "null";
        } else {
          JsonNode v = ScalarResolver.resolve((YNode.Scalar) key, yaml11);
          identity = (v.isNumber() ? 'n' : v.isTextual() ? 's' : v.isBoolean() ? 'b' : 'z')
              + ScalarResolver.keyText(v);
          shown = ScalarResolver.keyText(v);
        }
        if (seen.contains(identity)) {
          return error(seq, "!!omap has the key '" + shown + "' twice: ordered map keys must be unique",
              "Ordered maps must not include duplicate keys: " + shown);
        }
        seen.add(identity);
      }
    }
    return null;
  }

  /** The error for a tagged mapping ({@code !!set}), or null. */
  static ReadDocument.ReadError checkMap(YNode.Map m, boolean yaml11) {
    if (!SET.equals(m.tag)) {
      return null;
    }
    for (int i = 0; i < m.values.size(); i++) {
      YNode v = m.values.get(i);
      boolean empty = v instanceof YNode.Scalar s && s.tag == null
          && ScalarResolver.resolve(s, yaml11).isNull();
      if (!empty) {
        return error(m, "!!set entry at line " + (m.keys.get(i).line + 1) + " has a value: set entries "
            + "must have no value (write '? key')", "Set items must all have null values");
      }
    }
    return null;
  }

  /**
   * Whether a collection with this tag becomes an empty object: Backstage reads an {@code !!omap} sequence as
   * a JavaScript {@code Map} and a {@code !!set} mapping as a {@code Set}, which its validators and its
   * JSON see as objects without properties.
   */
  static boolean readsAsEmptyObject(String tag, boolean mapping) {
    return tag != null && (mapping ? SET.equals(tag) : OMAP.equals(tag));
  }

  private static ReadDocument.ReadError error(YNode at, String message, String backstage) {
    return new ReadDocument.ReadError(at.line, at.column, message,
        "YAML error at file:%s, YAMLParseError: " + backstage + " at line " + (at.line + 1) + ", column "
            + (at.column + 1));
  }
}
