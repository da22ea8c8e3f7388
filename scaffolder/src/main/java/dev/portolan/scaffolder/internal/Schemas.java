package dev.portolan.scaffolder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON Schema helpers: validation without the form-only keys, and default values. */
public final class Schemas {

  /**
   * {@code format: email} as Backstage's validators read it (the {@code jsonschema} package on the backend,
   * ajv-formats in the form): a dotted local part, {@code @}, and a host name of any top-level domain
   * (reserved ones such as {@code .example} and {@code .internal} included) or a bracketed IPv4 address.
   */
  private static final String EMAIL = "^[\\w!#$%&'*+/=?^`{|}~-]+(?:\\.[\\w!#$%&'*+/=?^`{|}~-]+)*@"
      + "(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
      + "|\\[(?:(?:25[0-5]|2[0-4]\\d|[01]?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|[01]?\\d?\\d)\\])$";

  /** Draft 7; keywords it does not know (deprecated, examples of other drafts) are annotations, not warnings. */
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
      b -> b.metaSchema(com.networknt.schema.JsonMetaSchema.builder(com.networknt.schema.JsonMetaSchema.getV7())
          .unknownKeywordFactory((keyword, context) -> new com.networknt.schema.AnnotationKeyword(keyword))
          .format(com.networknt.schema.format.PatternFormat.of("email", EMAIL, "format.email"))
          .build()));

  private Schemas() {}

  /** A copy of a schema without {@code ui:*} and {@code backstage:*} keys. */
  static JsonNode clean(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("ui:") || e.getKey().startsWith("backstage:")) {
          continue;
        }
        o.set(e.getKey(), clean(e.getValue()));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      n.forEach(x -> a.add(clean(x)));
      return a;
    }
    return n;
  }

  /** Validation messages of a value against a schema, as {@code path: message} lines. */
  /** Compiled schemas of one scaffolder, reused across runs. Thread-safe. */
  public static final class Cache {
    private final java.util.concurrent.ConcurrentHashMap<JsonNode, JsonSchema> compiled =
        new java.util.concurrent.ConcurrentHashMap<>();

    /** Creates an empty cache. */
    public Cache() {}

    List<String> validate(JsonNode schema, JsonNode value) {
      JsonSchema s = compiled.get(schema);
      if (s == null) {
        s = FACTORY.getSchema(clean(schema));
        if (compiled.size() > 256) {
          compiled.clear();
        }
        compiled.put(schema.deepCopy(), s);
      }
      return Schemas.validate(s, value);
    }

    /**
     * The violations of a value, each located at the value's own path.
     *
     * @param schema the schema (form-only keys are ignored)
     * @param value the value
     * @return the violations, ordered by path
     */
    public List<Violation> violations(JsonNode schema, JsonNode value) {
      JsonSchema s = compiled.get(schema);
      if (s == null) {
        s = FACTORY.getSchema(clean(schema));
        compiled.put(schema.deepCopy(), s);
      }
      List<Violation> out = new ArrayList<>();
      for (ValidationMessage m : s.validate(value)) {
        out.add(Violation.of(m));
      }
      out.sort(java.util.Comparator.comparing(v -> v.path().toString()));
      return out;
    }
  }

  /**
   * One schema violation.
   *
   * @param path where the offending value is (or would be, for a missing required property), as keys and
   *     indexes below the validated value
   * @param keyword the schema keyword that failed ({@code type}, {@code required}, {@code pattern}, ...)
   * @param detail what was expected, and what was found
   */
  public record Violation(List<Object> path, String keyword, String detail) {

    /**
     * Copies the path.
     *
     * @param path the path
     * @param keyword the keyword
     * @param detail the detail
     */
    public Violation {
      path = List.copyOf(path);
    }

    static Violation of(ValidationMessage m) {
      List<Object> path = new ArrayList<>();
      com.networknt.schema.JsonNodePath at = m.getInstanceLocation();
      for (int i = 0; i < at.getNameCount(); i++) {
        path.add(at.getElement(i));
      }
      String keyword = m.getType() == null ? "" : m.getType();
      JsonNode found = m.getInstanceNode();
      Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
      String expected;
      switch (keyword) {
        case "required" -> {
          String property = m.getProperty() != null ? m.getProperty() : args.length > 0 ? String.valueOf(args[0]) : "";
          path.add(property);
          return new Violation(path, keyword, "expected a value (required), found nothing");
        }
        case "type" -> expected = args.length > 1 ? String.valueOf(args[1]) : "another type";
        case "enum" -> expected = "one of " + (args.length > 0 ? String.valueOf(args[0]) : "the listed values");
        case "const" -> expected = "the constant " + (args.length > 0 ? String.valueOf(args[0]) : "value");
        case "pattern" -> expected = "a string matching " + (args.length > 0 ? String.valueOf(args[0]) : "the pattern");
        case "format" -> expected = (args.length > 0 ? String.valueOf(args[0]) : "the") + " format";
        case "minLength" -> expected = "at least " + arg(args) + " characters";
        case "maxLength" -> expected = "at most " + arg(args) + " characters";
        case "minimum" -> expected = "a number >= " + arg(args);
        case "maximum" -> expected = "a number <= " + arg(args);
        case "exclusiveMinimum" -> expected = "a number > " + arg(args);
        case "exclusiveMaximum" -> expected = "a number < " + arg(args);
        case "minItems" -> expected = "at least " + arg(args) + " items";
        case "maxItems" -> expected = "at most " + arg(args) + " items";
        case "uniqueItems" -> expected = "unique items";
        case "additionalProperties" -> {
          String property = m.getProperty() != null ? m.getProperty() : arg(args);
          path.add(property);
          return new Violation(path, keyword, "expected no property '" + property + "' (additionalProperties is "
              + "false), found " + describe(found == null ? null : found.get(property)));
        }
        case "oneOf" -> expected = "a value matching exactly one of the oneOf schemas";
        case "anyOf" -> expected = "a value matching one of the anyOf schemas";
        case "not" -> expected = "a value not matching the not schema";
        default -> {
          String text = m.getMessage();
          int colon = text.indexOf(": ");
          expected = colon >= 0 ? text.substring(colon + 2) : text;
        }
      }
      return new Violation(path, keyword, "expected " + expected + ", found " + describe(found));
    }

    private static String arg(Object[] args) {
      return args.length > 0 ? String.valueOf(args[0]) : "?";
    }

    private static String describe(JsonNode found) {
      if (found == null || found.isMissingNode()) {
        return "nothing";
      }
      String text = found.toString();
      return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
  }

  static List<String> validate(JsonNode schema, JsonNode value) {
    return validate(FACTORY.getSchema(clean(schema)), value);
  }

  private static List<String> validate(JsonSchema s, JsonNode value) {
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : s.validate(value)) {
      out.add(m.getMessage());
    }
    out.sort(null);
    return out;
  }

  /** Fills missing properties with their schema defaults, recursively. */
  static void applyDefaults(JsonNode schema, ObjectNode value, int depth) {
    if (depth > 32 || !schema.isObject()) {
      return;
    }
    JsonNode props = schema.path("properties");
    if (props.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = props.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode ps = e.getValue();
        if (!value.has(e.getKey()) && ps.has("default")) {
          value.set(e.getKey(), ps.get("default").deepCopy());
        }
        if (value.get(e.getKey()) instanceof ObjectNode child) {
          applyDefaults(ps, child, depth + 1);
        }
      }
    }
    if (schema.path("allOf").isArray()) {
      for (JsonNode sub : schema.path("allOf")) {
        applyDefaults(sub, value, depth + 1);
      }
    }
    // if/then/else, as the form resolves it against the current values
    if (schema.path("if").isObject()) {
      JsonNode branch = validate(schema.get("if"), value).isEmpty() ? schema.path("then") : schema.path("else");
      if (branch.isObject()) {
        applyDefaults(branch, value, depth + 1);
      }
    }
    // schema dependencies: the dependency's own properties, then the first oneOf branch the value matches
    JsonNode deps = schema.path("dependencies");
    if (deps.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = deps.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode dep = e.getValue();
        if (!value.has(e.getKey()) || !dep.isObject()) {
          continue;
        }
        applyDefaults(dep, value, depth + 1);
        if (dep.path("oneOf").isArray()) {
          for (JsonNode branch : dep.path("oneOf")) {
            JsonNode selector = branch.path("properties").path(e.getKey());
            if (selector.isObject() && validate(selector, value.get(e.getKey())).isEmpty()) {
              applyDefaults(branch, value, depth + 1);
              break;
            }
          }
        }
      }
    }
  }

  /** Backstage's example output for a skipped dry-run action. */
  static JsonNode example(JsonNode schema, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (schema.path("examples").isArray() && schema.path("examples").size() > 0) {
      return schema.path("examples").get(0).deepCopy();
    }
    if (depth > 16) {
      return f.textNode("<unknown>");
    }
    String type = schema.path("type").asText("");
    return switch (type) {
      case "string" -> f.textNode("<example>");
      case "number", "integer" -> f.numberNode(0);
      case "boolean" -> f.booleanNode(false);
      case "object" -> {
        ObjectNode o = f.objectNode();
        schema.path("properties").fields().forEachRemaining(e -> o.set(e.getKey(), example(e.getValue(), depth + 1)));
        yield o;
      }
      case "array" -> f.arrayNode().add(example(schema.path("items"), depth + 1));
      default -> f.textNode("<unknown>");
    };
  }
}
