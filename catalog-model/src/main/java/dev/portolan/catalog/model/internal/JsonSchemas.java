package dev.portolan.catalog.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.PortolanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles and runs JSON Schemas (draft-07) with the networknt validator, resolving Backstage's schema ids
 * ({@code Entity}, {@code EntityMeta}, {@code common}) to the copies shipped with this library, and reports
 * errors with Ajv's wording so that Backstage's messages can be reproduced.
 */
public final class JsonSchemas {

  private static final String BASE = "https://schemas.portolan.dev/backstage/";
  private static final String DRAFT7 = "http://json-schema.org/draft-07/schema#";
  private static final String RESOURCES = "/dev/portolan/catalog/model/schema/";

  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;

  /**
   * One schema error.
   *
   * @param path the instance location
   * @param keyword the failing keyword
   * @param ajvMessage Ajv's message text, e.g. {@code must be string}
   * @param ajvParams Ajv's params rendered as {@code key: value}
   * @param property the property concerned, for required and additionalProperties
   */
  public record SchemaError(FieldPath path, String keyword, String ajvMessage, String ajvParams, String property,
      JsonNode schemaValue, JsonNode found) {

    /**
     * A message for people: what was expected and what was found.
     *
     * @return the message
     */
    public String message() {
      return switch (keyword) {
        case "required" -> "missing required field \"" + property + "\"";
        case "additionalProperties" -> "unknown field \"" + property + "\" is not allowed here";
        case "type" -> "expected " + typeText(schemaValue) + ", found " + Values.describe(found);
        case "minLength" -> schemaValue != null && schemaValue.asInt() == 1
            ? "expected a non-empty string, found " + Values.describe(found)
            : "expected at least " + schemaValue.asText() + " characters, found " + Values.describe(found);
        case "maxLength" -> "expected at most " + schemaValue.asText() + " characters, found "
            + Values.describe(found);
        case "minItems" -> "expected at least " + schemaValue.asText() + " item"
            + (schemaValue.asInt() == 1 ? "" : "s") + ", found " + Values.describe(found);
        case "enum" -> "expected one of " + schemaValue + ", found " + Values.describe(found);
        case "const" -> "expected " + schemaValue + ", found " + Values.describe(found);
        case "pattern" -> "expected a string matching " + schemaValue + ", found " + Values.describe(found);
        default -> ajvMessage;
      };
    }

    private static String typeText(JsonNode t) {
      if (t == null) {
        return "another type";
      }
      if (t.isArray()) {
        List<String> names = new ArrayList<>();
        t.forEach(x -> names.add(article(x.asText())));
        return String.join(" or ", names);
      }
      return article(t.asText());
    }

    private static String article(String type) {
      return switch (type) {
        case "object" -> "an object";
        case "array" -> "a list";
        case "integer" -> "an integer";
        case "null" -> "null";
        default -> "a " + type;
      };
    }

    /**
     * The error as Ajv's instance path plus message, e.g. {@code /spec must have required property 'owner'}.
     *
     * @return the text
     */
    public String ajvText() {
      String p = path.toJsonPointer();
      return (p.isEmpty() ? "<root>" : p) + " " + ajvMessage;
    }

    /**
     * The error as Backstage's kind validators throw it: {@code <path> <message> - <param>: <value>}.
     *
     * @return the text
     */
    public String ajvTextWithParams() {
      return ajvText() + (ajvParams.isEmpty() ? "" : " - " + ajvParams);
    }
  }

  /** Loads the shared Backstage schemas. */
  public JsonSchemas() {
    Map<String, String> shared = new HashMap<>();
    for (String name : List.of("Entity", "EntityMeta", "common", "EntityEnvelope")) {
      shared.put(BASE + name, normalize(readResource("core/" + name + ".schema.json")).toString());
    }
    JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
        .keyword(new NonValidationKeyword("deprecated"))
        .keyword(new NonValidationKeyword("examples"))
        .build();
    this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
        b -> b.metaSchema(draft7).schemaLoaders(l -> l.schemas(shared)));
    this.config = SchemaValidatorsConfig.builder().build();
  }

  /**
   * Reads a schema resource shipped with this library.
   *
   * @param relative the path under the schema folder
   * @return the schema JSON
   */
  public JsonNode readResource(String relative) {
    try (InputStream in = JsonSchemas.class.getResourceAsStream(RESOURCES + relative)) {
      if (in == null) {
        throw new PortolanException("missing schema resource " + relative);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses schema text.
   *
   * @param text JSON schema text
   * @return the schema JSON
   */
  public JsonNode parse(String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      throw new PortolanException("not a JSON schema: " + e.getMessage(), e);
    }
  }

  private static JsonNode normalize(JsonNode schema) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode copy = ((ObjectNode) schema).deepCopy();
    JsonNode id = copy.get("$id");
    if (id != null && id.isTextual() && !id.textValue().contains(":") && !id.textValue().startsWith("#")) {
      copy.put("$id", BASE + id.textValue());
    } else if (id == null) {
      copy.put("$id", BASE + "anonymous-" + Integer.toHexString(System.identityHashCode(copy)));
    }
    copy.put("$schema", DRAFT7);
    return copy;
  }

  /**
   * Compiles a schema.
   *
   * @param schema the schema JSON
   * @return a compiled schema, safe to share between threads
   */
  public Compiled compile(JsonNode schema) {
    return new Compiled(factory.getSchema(normalize(schema), config));
  }

  /** A compiled schema. */
  public static final class Compiled {
    private final JsonSchema schema;

    Compiled(JsonSchema schema) {
      this.schema = schema;
    }

    /**
     * Validates an instance.
     *
     * @param instance the JSON value
     * @return every error, empty when valid
     */
    public List<SchemaError> validate(JsonNode instance) {
      Set<ValidationMessage> msgs = schema.validate(instance);
      List<SchemaError> out = new ArrayList<>(msgs.size());
      List<SchemaError> flat = new ArrayList<>(msgs.size());
      for (ValidationMessage m : msgs) {
        SchemaError e = toError(m);
        if (e.keyword().equals("oneOf") || e.keyword().equals("anyOf")) {
          flat.addAll(branchTypeErrors(e));
        }
        flat.add(e);
      }
      for (SchemaError e : flat) {
        // Ajv reports an object's own errors (required, additionalProperties, type) before those of its
        // fields: place each error before the first error reported inside it
        int at = out.size();
        for (int i = 0; i < out.size(); i++) {
          FieldPath other = out.get(i).path();
          if (other.segments().size() > e.path().segments().size() && other.startsWith(e.path())) {
            at = i;
            break;
          }
        }
        out.add(at, e);
      }
      return out;
    }
  }

  /**
   * Ajv reports the errors of every branch of a failed {@code oneOf}/{@code anyOf} before the combinator's
   * own error; the branch errors that matter in practice are type mismatches, rebuilt here.
   */
  private static List<SchemaError> branchTypeErrors(SchemaError e) {
    List<SchemaError> out = new ArrayList<>();
    if (e.schemaValue() == null || !e.schemaValue().isArray() || e.found() == null) {
      return out;
    }
    for (JsonNode branch : e.schemaValue()) {
      JsonNode type = branch.get("type");
      if (type != null && type.isTextual() && !hasType(e.found(), type.textValue())) {
        String t = type.textValue();
        out.add(new SchemaError(e.path(), "type", "must be " + t, "type: " + t, "", type, e.found()));
      }
    }
    return out;
  }

  private static boolean hasType(JsonNode v, String type) {
    return switch (type) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isTextual();
      case "boolean" -> v.isBoolean();
      case "null" -> v.isNull();
      case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()));
      case "number" -> v.isNumber();
      default -> true;
    };
  }

  private static FieldPath toPath(JsonNodePath p) {
    List<FieldPath.Segment> segs = new ArrayList<>();
    for (int i = 0; i < p.getNameCount(); i++) {
      Object e = p.getElement(i);
      if (e instanceof Integer n) {
        segs.add(new FieldPath.Index(n));
      } else {
        segs.add(new FieldPath.Key(String.valueOf(e)));
      }
    }
    return new FieldPath(segs);
  }

  private static SchemaError toError(ValidationMessage m) {
    FieldPath path = toPath(m.getInstanceLocation());
    String type = m.getType();
    JsonNode s = m.getSchemaNode();
    String property = m.getProperty() == null ? "" : m.getProperty();
    JsonNode found = m.getInstanceNode();
    Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
    switch (type) {
      case "required" -> {
        String prop = args.length > 0 ? String.valueOf(args[0]) : property;
        return new SchemaError(path, type, "must have required property '" + prop + "'",
            "missingProperty: " + prop, prop, s, found);
      }
      case "type" -> {
        String t = s == null ? "" : s.isArray() ? join(s) : s.asText();
        return new SchemaError(path, type, "must be " + t, "type: " + t, "", s, found);
      }
      case "minLength" -> {
        String n = s == null ? "1" : s.asText();
        return new SchemaError(path, type, "must NOT have fewer than " + n + " characters", "limit: " + n, "", s, found);
      }
      case "maxLength" -> {
        String n = s == null ? "" : s.asText();
        return new SchemaError(path, type, "must NOT have more than " + n + " characters", "limit: " + n, "", s, found);
      }
      case "minItems" -> {
        String n = s == null ? "" : s.asText();
        return new SchemaError(path, type, "must NOT have fewer than " + n + " items", "limit: " + n, "", s, found);
      }
      case "enum" -> {
        return new SchemaError(path, type, "must be equal to one of the allowed values",
            "allowedValues: " + (s == null ? "" : join(s)), "", s, found);
      }
      case "const" -> {
        return new SchemaError(path, type, "must be equal to constant",
            "allowedValue: " + (s == null ? "" : s.asText()), "", s, found);
      }
      case "additionalProperties" -> {
        String prop = args.length > 0 ? String.valueOf(args[0]) : property;
        FieldPath parent = path.isRoot() ? path : path.parent();
        if (!path.isRoot() && path.segments().get(path.segments().size() - 1) instanceof FieldPath.Key k
            && k.name().equals(prop)) {
          return new SchemaError(parent, type, "must NOT have additional properties",
              "additionalProperty: " + prop, prop, s, found);
        }
        return new SchemaError(path, type, "must NOT have additional properties",
            "additionalProperty: " + prop, prop, s, found);
      }
      case "pattern" -> {
        String pat = s == null ? "" : s.asText();
        return new SchemaError(path, type, "must match pattern \"" + pat + "\"", "pattern: " + pat, "", s, found);
      }
      case "oneOf" -> {
        return new SchemaError(path, type, "must match exactly one schema in oneOf", "passingSchemas: null", "", s, found);
      }
      case "anyOf" -> {
        return new SchemaError(path, type, "must match a schema in anyOf", "", "", s, found);
      }
      default -> {
        return new SchemaError(path, type, m.getMessage(), "", property, s, found);
      }
    }
  }

  private static String join(JsonNode arr) {
    if (!arr.isArray()) {
      return arr.asText();
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode n : arr) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(n.asText());
    }
    return sb.toString();
  }
}
