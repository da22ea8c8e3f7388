package dev.portolan.catalog.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.model.JsonValues;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.catalog.model.BackstageVerdict;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.InvalidEntityRefException;
import dev.portolan.catalog.model.Profile;
import dev.portolan.catalog.model.SourcePosition;
import dev.portolan.catalog.model.Stage;
import dev.portolan.catalog.model.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Backstage's per-document processing, stage by stage, as the catalog applies it to an entity read from a
 * {@code file:} location: envelope, preprocessing, policies, kind validation, Location checks and
 * relation-ref postprocessing. Every violation of a document is collected; the first failing stage gives
 * Backstage's own verdict text. Immutable and thread-safe once built.
 */
public final class Pipeline {

  private static final String ADR_LINK =
      " To learn more about catalog file format, visit: "
          + "https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/"
          + "adr002-default-catalog-file-format.md";
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final String LOCATION_ANNOTATION = "backstage.io/managed-by-location";
  private static final String ORIGIN_ANNOTATION = "backstage.io/managed-by-origin-location";

  /**
   * An extra kind registered by the user.
   *
   * @param apiVersion the exact apiVersion
   * @param kind the exact kind
   * @param validator returns the problems of an entity of this kind, empty when valid
   */
  public record CustomKind(String apiVersion, String kind, Function<ObjectNode, List<Issue>> validator) {}

  /**
   * A problem reported by a kind validator.
   *
   * @param path the field
   * @param message the text
   */
  public record Issue(FieldPath path, String message) {}

  /**
   * The outcome for one document.
   *
   * @param violations every problem
   * @param verdict Backstage's verdict when invalid
   * @param ref the entity ref, when known
   */
  public record Outcome(List<Violation> violations, Optional<BackstageVerdict> verdict, Optional<EntityRef> ref) {}

  private record KindSchema(String kind, String apiVersion, String specType, JsonSchemas.Compiled schema) {}

  private record RelationField(String field, String defaultKind, boolean inheritNamespace) {}

  private final Profile profile;
  private final JsonSchemas.Compiled envelopeSchema;
  private final JsonSchemas.Compiled entitySchema;
  private final List<Map.Entry<String, JsonSchemas.Compiled>> builtinValidators = new ArrayList<>();
  private final Map<String, List<KindSchema>> appKinds = new LinkedHashMap<>();
  private final Map<String, List<RelationField>> appRelations = new LinkedHashMap<>();
  private final JsonSchemas.Compiled templateSchema;
  /**
   * For the kind schemas shaped as {@code allOf: [{$ref: Entity}, {properties: {kind: {enum: [...]}}}]}, the
   * kinds they accept. Such a schema can only fail softly (an {@code enum} error at {@code /kind}, no other
   * error at {@code /kind} or {@code /apiVersion}, which the envelope check already ruled out) for an entity of
   * another kind, so it is not run for one.
   */
  private final Map<JsonSchemas.Compiled, Set<String>> kindEnums = new IdentityHashMap<>();
  private final List<CustomKind> customKinds;
  private final Optional<PlaceholderFiles> placeholderFiles;

  /**
   * Reads the local files that {@code $text}, {@code $json} and {@code $yaml} placeholders name.
   *
   * @param reader the YAML reader for {@code $yaml}
   * @param maxBytes the largest file read
   */
  public record PlaceholderFiles(YamlReader reader, long maxBytes) {}

  /**
   * Builds the pipeline of a profile.
   *
   * @param profile the profile
   * @param schemas the schema engine
   * @param customKinds the user's kinds
   * @param placeholderFiles reads local files named by placeholders, when enabled
   */
  public Pipeline(Profile profile, JsonSchemas schemas, List<CustomKind> customKinds,
      Optional<PlaceholderFiles> placeholderFiles) {
    this.profile = profile;
    this.placeholderFiles = placeholderFiles;
    this.customKinds = List.copyOf(customKinds);
    this.envelopeSchema = schemas.compile(schemas.readResource("core/EntityEnvelope.schema.json"));
    this.entitySchema = schemas.compile(schemas.readResource("core/Entity.schema.json"));
    if (profile == Profile.CORE) {
      for (String k : List.of("API", "Component", "Resource", "Group", "Location", "User", "System", "Domain")) {
        JsonNode json = schemas.readResource("core/" + k + ".v1alpha1.schema.json");
        JsonSchemas.Compiled compiled = schemas.compile(json);
        kindEnum(json).ifPresent(kinds -> kindEnums.put(compiled, kinds));
        builtinValidators.add(Map.entry(k, compiled));
      }
      templateSchema = null;
    } else {
      for (JsonNode row : schemas.readResource("app/index.json")) {
        String kind = row.get("kind").textValue();
        String apiVersion = row.get("apiVersion").textValue();
        String specType = row.get("specType").isNull() ? "" : row.get("specType").textValue();
        appKinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(new KindSchema(kind, apiVersion, specType,
            schemas.compile(schemas.readResource("app/" + row.get("schema").textValue()))));
        List<RelationField> fields = new ArrayList<>();
        for (JsonNode f : row.get("relationFields")) {
          String path = f.get("path").textValue();
          fields.add(new RelationField(path.substring("spec.".length()),
              f.path("defaultKind").isTextual() ? f.get("defaultKind").textValue() : null,
              !"default".equals(f.path("defaultNamespace").asText())));
        }
        appRelations.put(kind + "\0" + apiVersion + "\0" + specType, fields);
      }
      JsonNode json = schemas.readResource("app/Template.v1beta3.schema.json");
      templateSchema = schemas.compile(json);
      kindEnum(json).ifPresent(kinds -> kindEnums.put(templateSchema, kinds));
    }
  }

  /** The kinds a schema of the form {@code allOf: [{$ref: Entity}, {properties: {kind: {enum}}}]} accepts. */
  private static Optional<Set<String>> kindEnum(JsonNode schema) {
    JsonNode allOf = schema.get("allOf");
    if (allOf == null || !allOf.isArray() || schema.has("properties") || schema.has("anyOf")
        || schema.has("oneOf") || schema.has("not") || schema.has("if")) {
      return Optional.empty();
    }
    Set<String> kinds = null;
    for (JsonNode part : allOf) {
      JsonNode e = part.path("properties").path("kind").get("enum");
      if (e == null) {
        continue;
      }
      if (!e.isArray() || kinds != null) {
        return Optional.empty();
      }
      kinds = new HashSet<>();
      for (JsonNode k : e) {
        if (!k.isTextual()) {
          return Optional.empty();
        }
        kinds.add(k.textValue());
      }
    }
    return Optional.ofNullable(kinds).map(Set::copyOf);
  }

  /** Whether a kind schema certainly fails softly for this kind (see {@link #kindEnums}). */
  private boolean otherKind(JsonSchemas.Compiled schema, String kind) {
    Set<String> kinds = kindEnums.get(schema);
    return kinds != null && !kinds.contains(kind);
  }

  /** Core relation fields of BuiltinKindsEntityProcessor, in emission order. */
  private static final Map<String, List<RelationField>> CORE_RELATIONS = Map.of(
      "Component", List.of(rf("owner", "Group"), rf("subcomponentOf", "Component"), rf("providesApis", "API"),
          rf("consumesApis", "API"), rf("dependsOn", null), rf("dependencyOf", null), rf("system", "System")),
      "API", List.of(rf("owner", "Group"), rf("system", "System")),
      "Resource", List.of(rf("owner", "Group"), rf("dependsOn", null), rf("dependencyOf", null),
          rf("system", "System")),
      "User", List.of(rf("memberOf", "Group")),
      "Group", List.of(rf("parent", "Group"), rf("children", "Group"), rf("members", "User")),
      "System", List.of(rf("owner", "Group"), rf("domain", "Domain")),
      "Domain", List.of(rf("owner", "Group"), rf("subdomainOf", "Domain")));

  private static RelationField rf(String f, String k) {
    return new RelationField(f, k, true);
  }

  /** Collects violations and the first failing stage of one document. */
  private final class Run {
    final String file;
    final int index;
    final YNode tree;
    final List<Violation> violations = new ArrayList<>();
    final Set<FieldPath> reported = new HashSet<>();
    final List<FieldPath> unresolvedPlaceholders = new ArrayList<>();
    BackstageVerdict verdict;
    EntityRef ref;
    Optional<java.nio.file.Path> baseDir = Optional.empty();

    Run(String file, int index, YNode tree) {
      this.file = file;
      this.index = index;
      this.tree = tree;
    }

    /** Whether a path lies in a field filled by a placeholder that was not read. */
    boolean unchecked(FieldPath path) {
      for (FieldPath p : unresolvedPlaceholders) {
        if (path.startsWith(p)) {
          return true;
        }
      }
      return false;
    }

    /** The schema errors outside unread placeholders. */
    List<JsonSchemas.SchemaError> checked(List<JsonSchemas.SchemaError> errors) {
      if (unresolvedPlaceholders.isEmpty()) {
        return errors;
      }
      return errors.stream().filter(e -> !unchecked(e.path())).toList();
    }

    void add(Stage stage, FieldPath path, boolean keyPosition, String message) {
      if (unchecked(path)) {
        return;
      }
      for (Violation v : violations) {
        if (v.path().equals(path) && v.message().equals(message)) {
          return;
        }
      }
      Optional<SourcePosition> pos = Positions.find(tree, path, keyPosition);
      violations.add(new Violation(file, index, pos, Optional.ofNullable(ref), path, message, stage));
      reported.add(path);
    }

    void fail(Stage stage, String message) {
      if (verdict == null) {
        verdict = new BackstageVerdict(stage, message);
      }
    }

    boolean failed() {
      return verdict != null || !violations.isEmpty();
    }
  }

  /**
   * Processes one document whose root is a JSON object.
   *
   * @param raw the document as read
   * @param tree its YAML tree, for positions; may be null
   * @param file the file name
   * @param index the document index
   * @param baseDir the folder of the file, when the document was read from disk
   * @return the outcome
   */
  public Outcome process(ObjectNode raw, YNode tree, String file, int index, Optional<java.nio.file.Path> baseDir) {
    Run run = new Run(file, index, tree);
    run.baseDir = baseDir;
    run.ref = refOf(raw).orElse(null);
    // 1. emit-time envelope check
    List<JsonSchemas.SchemaError> env = envelopeSchema.validate(raw);
    if (!env.isEmpty()) {
      for (JsonSchemas.SchemaError e : env) {
        run.add(Stage.ENVELOPE, e.path(), false, schemaMessage(e));
      }
      run.fail(Stage.ENVELOPE, env.get(0).ajvTextWithParams());
      return outcome(run);
    }
    JsonNode ann = raw.path("metadata").get("annotations");
    if (ann != null && JsonValues.truthy(ann) && !ann.isObject()) {
      run.add(Stage.ENVELOPE, FieldPath.of("metadata", "annotations"), false,
          "expected an object of string values, found " + describe(ann));
      run.fail(Stage.ENVELOPE, "metadata.annotations must be a valid object");
      return outcome(run);
    }
    // A document without placeholders and without non-finite numbers comes through the JSON round trip and
    // the placeholder step unchanged: the entity then shares the raw tree except for the objects changed
    // below (root, metadata and its annotations).
    boolean plain = !placeholdersOrNonFinite(raw);
    ObjectNode entity = plain ? copyForAnnotations(raw) : roundTrip(raw);
    ObjectNode meta = (ObjectNode) entity.get("metadata");
    ObjectNode annotations = meta.get("annotations") instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    String loc = "file:" + file;
    annotations.put(ORIGIN_ANNOTATION, loc);
    annotations.put(LOCATION_ANNOTATION, loc);
    meta.set("annotations", annotations);
    String refText = stringify(entity);

    // 2. preprocessing: placeholders, then the kind lookup of the catalog model (app)
    if (!plain && !placeholders(run, entity, FieldPath.ROOT, refText)) {
      return outcome(run);
    }
    KindSchema appKind = null;
    if (profile == Profile.APP) {
      String kind = entity.get("kind").textValue();
      List<KindSchema> versions = appKinds.get(kind);
      if (versions != null) {
        String apiVersion = entity.get("apiVersion").textValue();
        List<KindSchema> matching = versions.stream().filter(v -> v.apiVersion().equals(apiVersion)).toList();
        if (matching.isEmpty()) {
          List<String> known = versions.stream().map(KindSchema::apiVersion).distinct().toList();
          run.add(Stage.PREPROCESS, FieldPath.of("apiVersion"), false, "kind " + kind
              + " has no version " + quote(apiVersion) + "; expected one of " + String.join(", ", known));
          run.fail(Stage.PREPROCESS, "Processor ModelProcessor threw an error while preprocessing; caused by "
              + "TypeError: Kind \"" + kind + "\" exists, but has no version matching apiVersion \""
              + apiVersion + "\"");
          return outcome(run);
        }
        String type = jsTemplateString(entity.path("spec").get("type"));
        appKind = matching.stream().filter(v -> v.specType().equals(type)).findFirst()
            .orElseGet(() -> matching.stream().filter(v -> v.specType().isEmpty()).findFirst().orElseThrow());
      }
    }

    // 3. policies
    List<JsonSchemas.SchemaError> schemaErrors = run.checked(entitySchema.validate(entity));
    for (JsonSchemas.SchemaError e : schemaErrors) {
      run.add(Stage.POLICY, e.path(), e.keyword().equals("additionalProperties"), schemaMessage(e));
    }
    if (!schemaErrors.isEmpty()) {
      run.fail(Stage.POLICY, "Policy check failed for " + refText + "; caused by Error: Malformed envelope, "
          + schemaErrors.get(0).ajvText());
    }
    for (Iterator<String> it = entity.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!ROOT_FIELDS.contains(k)) {
        if (!run.reported.contains(FieldPath.of(k))) {
          run.add(Stage.POLICY, FieldPath.of(k), true, "unknown root field " + quote(k)
              + "; a descriptor may only have apiVersion, kind, metadata and spec"
              + (k.equals("relations") || k.equals("status") ? " (" + k + " is set by the catalog)" : ""));
        }
        run.fail(Stage.POLICY, "Policy check failed for " + refText + "; caused by Error: Unknown field " + k);
      }
    }
    fieldFormats(run, entity, refText);

    // 4. kind validation. Backstage stops at the first failing stage; Portolan goes on collecting the
    // problems of the later stages too (the verdict stays the first failure), as long as the kind is known.
    if (!validateKind(run, entity, appKind, refText)) {
      return outcome(run);
    }

    // 5. Location targets
    if ("Location".equals(entity.get("kind").textValue())) {
      locationChecks(run, entity, file);
    }

    // 6. postprocessing: relation refs must parse
    postprocess(run, entity, appKind, refText);
    return outcome(run);
  }

  private Outcome outcome(Run run) {
    if (run.verdict == null && !run.violations.isEmpty()) {
      run.verdict = new BackstageVerdict(run.violations.get(0).stage(), run.violations.get(0).message());
    }
    if (run.verdict != null && run.violations.isEmpty()) {
      run.add(run.verdict.stage(), FieldPath.ROOT, false, run.verdict.message());
    }
    return new Outcome(List.copyOf(run.violations), Optional.ofNullable(run.verdict), Optional.ofNullable(run.ref));
  }

  // ---------------------------------------------------------------- placeholders

  private boolean placeholders(Run run, JsonNode node, FieldPath at, String refText) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        Optional<JsonNode> replaced = placeholderValue(run, item, at.index(i), refText);
        if (replaced == null) {
          return false;
        }
        if (replaced.isPresent()) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, replaced.get());
        } else if (!placeholders(run, item, at.index(i), refText)) {
          return false;
        }
      }
    } else if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonNode v = node.get(k);
        Optional<JsonNode> replaced = placeholderValue(run, v, at.key(k), refText);
        if (replaced == null) {
          return false;
        }
        if (replaced.isPresent()) {
          ((ObjectNode) node).set(k, replaced.get());
        } else if (!placeholders(run, v, at.key(k), refText)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Empty when not a placeholder; null when the placeholder is broken (reported). */
  private Optional<JsonNode> placeholderValue(Run run, JsonNode v, FieldPath at, String refText) {
    if (!v.isObject() || v.size() != 1) {
      return Optional.empty();
    }
    String key = v.fieldNames().next();
    if (!key.startsWith("$")) {
      return Optional.empty();
    }
    String resolver = key.substring(1);
    if (!resolver.equals("text") && !resolver.equals("json") && !resolver.equals("yaml")) {
      return Optional.empty();
    }
    JsonNode value = v.get(key);
    if (!value.isTextual()) {
      run.add(Stage.PREPROCESS, at.key(key), false, "placeholder " + key
          + " expects a string, an absolute URL or a relative path, found " + describe(value));
      run.fail(Stage.PREPROCESS, "Processor PlaceholderProcessor threw an error while preprocessing; caused by "
          + "Error: Placeholder " + key + " expected a string value parameter, in the form of an absolute URL "
          + "or a relative path");
      return null;
    }
    String target = value.textValue();
    if (placeholderFiles.isPresent() && run.baseDir.isPresent() && !target.isEmpty()
        && !target.matches("(?s)[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !target.startsWith("/")) {
      return readPlaceholder(run, key, resolver, target, at);
    }
    run.unresolvedPlaceholders.add(at);
    return Optional.of(resolver.equals("text") ? TextNode.valueOf(target)
        : JsonNodeFactory.instance.objectNode());
  }

  /** Reads a placeholder's local file; empty optional never, null when the placeholder fails (reported). */
  private Optional<JsonNode> readPlaceholder(Run run, String key, String resolver, String target, FieldPath at) {
    java.nio.file.Path file = run.baseDir.get().resolve(target).normalize();
    FieldPath valuePath = at.key(key);
    String content;
    try {
      if (!java.nio.file.Files.isRegularFile(file)) {
        return placeholderError(run, valuePath, "placeholder " + key + " names " + quote(target)
            + ", which is not a readable file (looked for " + file + ")",
            "Placeholder " + key + " could not read location " + target + ", NotFoundError: " + file
                + " not found");
      }
      if (java.nio.file.Files.size(file) > placeholderFiles.get().maxBytes()) {
        return placeholderError(run, valuePath, "placeholder " + key + " names " + quote(target)
            + ", which is larger than the limit of " + placeholderFiles.get().maxBytes() + " bytes",
            "Placeholder " + key + " could not read location " + target + ", file too large");
      }
      content = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | RuntimeException e) {
      return placeholderError(run, valuePath, "placeholder " + key + " cannot read " + quote(target) + ": " + e,
          "Placeholder " + key + " could not read location " + target + ", " + e);
    }
    switch (resolver) {
      case "text" -> {
        return Optional.of(TextNode.valueOf(content));
      }
      case "json" -> {
        try {
          return Optional.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(content));
        } catch (java.io.IOException e) {
          return placeholderError(run, valuePath, "placeholder " + key + ": " + quote(target)
              + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""),
              "Placeholder " + key + " failed to parse JSON data at " + target + ", " + e.getMessage());
        }
      }
      default -> {
        List<ReadDocument> docs = placeholderFiles.get().reader().read(content);
        if (docs.size() != 1) {
          return placeholderError(run, valuePath, "placeholder " + key + ": " + quote(target)
              + " must hold exactly one YAML document, found " + docs.size(),
              "Placeholder " + key + " expected to find exactly one document of data at " + target + ", found "
                  + docs.size());
        }
        ReadDocument d = docs.get(0);
        if (d.error().isPresent()) {
          ReadDocument.ReadError e = d.error().get();
          return placeholderError(run, valuePath, "placeholder " + key + ": " + quote(target) + " line "
              + (e.line() + 1) + ", column " + (e.column() + 1) + ": " + e.message(),
              "Placeholder " + key + " found an error in the data at " + target + ", " + e.message());
        }
        return Optional.of(roundTripNode(d.json().orElseThrow()));
      }
    }
  }

  private Optional<JsonNode> placeholderError(Run run, FieldPath path, String message, String backstage) {
    run.add(Stage.PREPROCESS, path, false, message);
    run.fail(Stage.PREPROCESS, "Processor PlaceholderProcessor threw an error while preprocessing; caused by Error: "
        + backstage);
    return null;
  }

  // ---------------------------------------------------------------- field formats

  private void fieldFormats(Run run, ObjectNode entity, String refText) {
    List<String> firstFailure = new ArrayList<>();
    JsonNode meta = entity.get("metadata");
    require(run, firstFailure, "apiVersion", FieldPath.of("apiVersion"), entity.get("apiVersion"),
        FieldFormats::apiVersion, FieldFormats.EXPECT_PREFIX_SUFFIX, false);
    require(run, firstFailure, "kind", FieldPath.of("kind"), entity.get("kind"), FieldFormats::kind,
        FieldFormats.EXPECT_KIND, false);
    require(run, firstFailure, "metadata.name", FieldPath.of("metadata", "name"), meta.get("name"),
        FieldFormats::objectName, FieldFormats.EXPECT_NAME, false);
    if (meta.has("namespace")) {
      require(run, firstFailure, "metadata.namespace", FieldPath.of("metadata", "namespace"), meta.get("namespace"),
          FieldFormats::dnsLabel, FieldFormats.EXPECT_NAMESPACE, false);
    }
    for (String section : List.of("labels", "annotations")) {
      JsonNode map = meta.get(section);
      if (map != null && map.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          FieldPath p = FieldPath.of("metadata", section).key(e.getKey());
          require(run, firstFailure, section + "." + e.getKey(), p, TextNode.valueOf(e.getKey()),
              FieldFormats::labelKey, FieldFormats.EXPECT_PREFIX_SUFFIX, true);
          if (section.equals("labels")) {
            require(run, firstFailure, section + "." + e.getKey(), p, e.getValue(), FieldFormats::labelValue,
                FieldFormats.EXPECT_NAME, false);
          } else if (!e.getValue().isTextual() && !e.getValue().isNull()) {
            require(run, firstFailure, section + "." + e.getKey(), p, e.getValue(), s -> true, "a string", false);
          } else if (e.getValue().isNull()) {
            require(run, firstFailure, section + "." + e.getKey(), p, e.getValue(), s -> true, "a string", false);
          }
        }
      }
    }
    JsonNode tags = meta.get("tags");
    if (tags != null && tags.isArray()) {
      for (int i = 0; i < tags.size(); i++) {
        require(run, firstFailure, "tags." + i, FieldPath.of("metadata", "tags").index(i), tags.get(i),
            FieldFormats::tag, FieldFormats.EXPECT_TAG, false);
      }
    }
    JsonNode links = meta.get("links");
    if (links != null && links.isArray()) {
      for (int i = 0; i < links.size(); i++) {
        JsonNode l = links.get(i);
        FieldPath lp = FieldPath.of("metadata", "links").index(i);
        require(run, firstFailure, "links." + i + ".url", lp.key("url"), l.get("url"), FieldFormats::url,
            FieldFormats.EXPECT_URL, false);
        for (String f : List.of("title", "icon")) {
          if (l.has(f)) {
            require(run, firstFailure, "links." + i + "." + f, lp.key(f), l.get(f), FieldFormats::nonBlank,
                FieldFormats.EXPECT_NON_EMPTY, false);
          }
        }
      }
    }
    if (!firstFailure.isEmpty()) {
      run.fail(Stage.POLICY, "Policy check failed for " + refText + "; caused by Error: " + firstFailure.get(0));
    }
  }

  private void require(Run run, List<String> firstFailure, String label, FieldPath path, JsonNode value,
      java.util.function.Predicate<String> rule, String expectation, boolean key) {
    if (run.unchecked(path)) {
      return;
    }
    if (value == null || value.isNull() || value.isMissingNode()) {
      firstFailure.add(label + " must have a value");
      if (!run.reported.contains(path)) {
        run.add(Stage.POLICY, path, key, "must have a value");
      }
      return;
    }
    boolean ok = value.isTextual() && rule.test(value.textValue());
    if (!ok) {
      String found = jsString(value);
      firstFailure.add("\"" + label + "\" is not valid; expected " + expectation + " but found \"" + found + "\"."
          + ADR_LINK);
      if (!run.reported.contains(path) || key) {
        run.add(Stage.POLICY, path, key, (key ? "key " : "") + "expected " + expectation + ", found "
            + (value.isTextual() ? quote(found) : describe(value)));
      }
    }
  }

  // ---------------------------------------------------------------- kinds

  private boolean validateKind(Run run, ObjectNode entity, KindSchema appKind, String refText) {
    boolean recognized = false;
    String kind = entity.get("kind").textValue();
    String apiVersion = entity.get("apiVersion").textValue();
    if (profile == Profile.CORE) {
      for (Map.Entry<String, JsonSchemas.Compiled> v : builtinValidators) {
        if (otherKind(v.getValue(), kind)) {
          continue;
        }
        List<JsonSchemas.SchemaError> errors = run.checked(v.getValue().validate(entity));
        if (errors.isEmpty()) {
          recognized = true;
          break;
        }
        if (soft(errors)) {
          continue;
        }
        for (JsonSchemas.SchemaError e : errors) {
          run.add(Stage.KIND, e.path(), e.keyword().equals("additionalProperties"), schemaMessage(e));
        }
        run.fail(Stage.KIND, "Processor BuiltinKindsEntityProcessor threw an error while validating the entity "
            + refText + "; caused by TypeError: " + errors.get(0).ajvTextWithParams());
        return true;
      }
    } else {
      if (appKind != null) {
        List<JsonSchemas.SchemaError> errors = run.checked(appKind.schema().validate(entity));
        if (!errors.isEmpty()) {
          List<String> texts = new ArrayList<>();
          for (JsonSchemas.SchemaError e : errors) {
            run.add(Stage.KIND, e.path(), e.keyword().equals("additionalProperties"), schemaMessage(e));
            texts.add(e.ajvTextWithParams());
          }
          run.fail(Stage.KIND, "Processor ModelProcessor threw an error while validating the entity " + refText
              + "; caused by TypeError: Validation of " + kind + " entity failed: " + String.join("; ", texts));
          return true;
        }
        recognized = true;
      }
      if (!otherKind(templateSchema, kind)) {
        List<JsonSchemas.SchemaError> errors = run.checked(templateSchema.validate(entity));
        if (errors.isEmpty()) {
          recognized = true;
        } else if (!soft(errors)) {
          for (JsonSchemas.SchemaError e : errors) {
            run.add(Stage.KIND, e.path(), e.keyword().equals("additionalProperties"), schemaMessage(e));
          }
          run.fail(Stage.KIND, "Processor ScaffolderEntitiesProcessor threw an error while validating the "
              + "entity " + refText + "; caused by TypeError: " + errors.get(0).ajvTextWithParams());
          return true;
        }
      }
    }
    for (CustomKind ck : customKinds) {
      if (ck.kind().equals(kind) && ck.apiVersion().equals(apiVersion)) {
        List<Issue> issues;
        try {
          issues = ck.validator().apply(entity.deepCopy()).stream().filter(i -> !run.unchecked(i.path())).toList();
        } catch (RuntimeException e) {
          issues = List.of(new Issue(FieldPath.ROOT, "the validator of kind " + ck.kind() + " failed: " + e));
        }
        if (!issues.isEmpty()) {
          for (Issue i : issues) {
            run.add(Stage.KIND, i.path(), false, i.message());
          }
          Issue first = issues.get(0);
          run.fail(Stage.KIND, "Processor " + ck.kind() + "EntityProcessor threw an error while validating the entity "
              + refText + "; caused by TypeError: " + first.path().toJsonPointer() + " " + first.message());
          return true;
        }
        recognized = true;
      }
    }
    if (!recognized) {
      run.add(Stage.KIND, FieldPath.of("kind"), false, "unknown kind " + quote(kind) + " with apiVersion "
          + quote(apiVersion) + ": no validator recognizes it under the " + profile.cliName()
          + " profile (kinds and apiVersions are matched exactly, case-sensitively)" + kindHint(kind, apiVersion));
      run.fail(Stage.KIND, "No processor recognized the entity " + refText
          + " as valid, possibly caused by a foreign kind or apiVersion");
      return false;
    }
    return true;
  }

  /** The known kinds and their apiVersions under this profile, for hints. */
  private Map<String, List<String>> knownKinds() {
    Map<String, List<String>> known = new LinkedHashMap<>();
    List<String> builtin = List.of("backstage.io/v1alpha1", "backstage.io/v1beta1");
    if (profile == Profile.CORE) {
      builtinValidators.forEach(v -> known.put(v.getKey(), builtin));
    } else {
      appKinds.forEach((k, versions) -> known.put(k, versions.stream().map(KindSchema::apiVersion).distinct()
          .toList()));
      known.put("Template", List.of("scaffolder.backstage.io/v1beta3"));
    }
    customKinds.forEach(c -> known.computeIfAbsent(c.kind(), k -> new ArrayList<>()));
    for (CustomKind c : customKinds) {
      List<String> versions = new ArrayList<>(known.get(c.kind()));
      versions.add(c.apiVersion());
      known.put(c.kind(), List.copyOf(versions));
    }
    return known;
  }

  private String kindHint(String kind, String apiVersion) {
    Map<String, List<String>> known = knownKinds();
    List<String> versions = known.get(kind);
    if (versions != null) {
      return "; kind " + kind + " takes apiVersion " + String.join(" or ", versions);
    }
    for (String k : known.keySet()) {
      if (k.equalsIgnoreCase(kind)) {
        return "; did you mean " + quote(k) + "?";
      }
    }
    if (profile == Profile.CORE && (kind.equals("Template") || kind.equals("AiResource"))) {
      return "; " + kind + " is known under the app profile, where the "
          + (kind.equals("Template") ? "scaffolder" : "AI model") + " backend module is installed";
    }
    return "; register it with CatalogModel.Builder.kind(...) or use one of " + String.join(", ", known.keySet());
  }

  private static boolean soft(List<JsonSchemas.SchemaError> errors) {
    boolean any = false;
    for (JsonSchemas.SchemaError e : errors) {
      String p = e.path().toJsonPointer();
      if (p.equals("/kind") || p.equals("/apiVersion")) {
        any = true;
        if (!e.keyword().equals("enum")) {
          return false;
        }
      }
    }
    return any;
  }

  // ---------------------------------------------------------------- Location

  private void locationChecks(Run run, ObjectNode entity, String file) {
    JsonNode spec = entity.path("spec");
    JsonNode typeNode = spec.get("type");
    String type = typeNode == null ? "file" : typeNode.isTextual() ? typeNode.textValue() : null;
    if (!"file".equals(type) && !"url".equals(type)) {
      run.add(Stage.LOCATION, FieldPath.of("spec", "type"), false, "location type "
          + (typeNode == null ? "null" : typeNode.isTextual() ? quote(type) : describe(typeNode))
          + " is not allowed here; expected \"url\" or the type of the containing location (\"file\")");
      run.fail(Stage.LOCATION, "Registered locations must be of an allowed type [\"url\"]");
      return;
    }
    List<Map.Entry<FieldPath, String>> targets = new ArrayList<>();
    JsonNode target = spec.get("target");
    if (target != null && JsonValues.truthy(target)) {
      targets.add(Map.entry(FieldPath.of("spec", "target"), jsString(target)));
    }
    JsonNode list = spec.get("targets");
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        targets.add(Map.entry(FieldPath.of("spec", "targets").index(i), jsString(list.get(i))));
      }
    }
    if ("file".equals(type)) {
      for (Map.Entry<FieldPath, String> t : targets) {
        if (t.getValue().endsWith("/")) {
          run.add(Stage.LOCATION, t.getKey(), false, "a file target must not end with a path separator, found "
              + quote(t.getValue()));
          run.fail(Stage.LOCATION, "LocationEntityProcessor cannot handle file type location with target "
              + file + " that ends with a path separator");
        }
      }
    }
  }

  // ---------------------------------------------------------------- postprocessing

  private void postprocess(Run run, ObjectNode entity, KindSchema appKind, String refText) {
    String kind = entity.get("kind").textValue();
    String selfNamespace = namespaceOf(entity);
    JsonNode spec = entity.path("spec");
    if (profile == Profile.CORE) {
      for (RelationField f : CORE_RELATIONS.getOrDefault(kind, List.of())) {
        JsonNode v = spec.get(f.field());
        if (v == null || !JsonValues.truthy(v)) {
          continue;
        }
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
          v.forEach(items::add);
        } else {
          items.add(v);
        }
        FieldPath base = FieldPath.of("spec", f.field());
        for (int i = 0; i < items.size(); i++) {
          FieldPath p = v.isArray() ? base.index(i) : base;
          String err = parseRefValue(items.get(i), f.defaultKind(), selfNamespace);
          if (err != null) {
            reportRef(run, p, f, items.get(i), err, "BuiltinKindsEntityProcessor");
            return;
          }
        }
      }
      return;
    }
    if (appKind != null) {
      List<RelationField> fields = appRelations.getOrDefault(
          appKind.kind() + "\0" + appKind.apiVersion() + "\0" + appKind.specType(), List.of());
      for (RelationField f : fields) {
        JsonNode v = spec.get(f.field());
        if (v == null || !JsonValues.truthy(v)) {
          continue;
        }
        FieldPath base = FieldPath.of("spec", f.field());
        List<Map.Entry<FieldPath, JsonNode>> items = new ArrayList<>();
        if (v.isArray()) {
          for (int i = 0; i < v.size(); i++) {
            items.add(Map.entry(base.index(i), v.get(i)));
          }
        } else {
          items.add(Map.entry(base, v));
        }
        for (Map.Entry<FieldPath, JsonNode> it : items) {
          JsonNode item = it.getValue();
          if (!item.isTextual() || item.textValue().isEmpty()) {
            continue;
          }
          String err = parseRefValue(item, f.defaultKind(), f.inheritNamespace() ? selfNamespace : "default");
          if (err != null) {
            reportRef(run, it.getKey(), f, item, err, "ModelProcessor");
            return;
          }
        }
      }
    }
    if ("Template".equals(kind) && "scaffolder.backstage.io/v1beta3".equals(entity.get("apiVersion").textValue())) {
      JsonNode owner = spec.get("owner");
      if (owner != null && JsonValues.truthy(owner)) {
        String err = parseRefValue(owner, "Group", selfNamespace);
        if (err != null) {
          reportRef(run, FieldPath.of("spec", "owner"), new RelationField("owner", "Group", true), owner, err,
              "ScaffolderEntitiesProcessor");
        }
      }
    }
  }

  private void reportRef(Run run, FieldPath p, RelationField f, JsonNode item, String err, String processor) {
    if (run.reported.contains(p)) {
      run.fail(Stage.POSTPROCESS, "Processor " + processor + " threw an error while postprocessing; caused by "
          + (err.contains("was not on the form") ? "TypeError: " : "Error: ") + err);
      return;
    }
    String hint = f.defaultKind() == null
        ? "; this field has no default kind, so every ref needs one, e.g. \"component:" + jsString(item) + "\""
        : "";
    run.add(Stage.POSTPROCESS, p, false, "expected an entity ref [<kind>:][<namespace>/]<name>, found "
        + (item.isTextual() ? quote(item.textValue()) : describe(item)) + (item.isTextual() ? hint : ""));
    run.fail(Stage.POSTPROCESS, "Processor " + processor + " threw an error while postprocessing; caused by "
        + (err.contains("was not on the form") ? "TypeError: " : "Error: ") + err);
  }

  /** Mirrors parseEntityRef on any JSON value; returns the error text or null when it parses. */
  private static String parseRefValue(JsonNode v, String defaultKind, String defaultNamespace) {
    if (!JsonValues.truthy(v)) {
      return "Entity reference must not be empty";
    }
    if (v.isTextual()) {
      try {
        EntityRef.parse(v.textValue(), Optional.ofNullable(defaultKind), Optional.of(defaultNamespace));
        return null;
      } catch (InvalidEntityRefException e) {
        return e.getMessage();
      }
    }
    JsonNode kind = v.isObject() ? v.get("kind") : null;
    JsonNode ns = v.isObject() ? v.get("namespace") : null;
    JsonNode name = v.isObject() ? v.get("name") : null;
    boolean hasKind = (kind != null && !kind.isNull()) ? JsonValues.truthy(kind) : defaultKind != null;
    boolean hasNs = (ns != null && !ns.isNull()) ? JsonValues.truthy(ns) : true;
    String json = v.toString();
    if (!hasKind) {
      return "Entity reference " + json + " had missing or empty kind (e.g. did not start with \"component:\" or similar)";
    }
    if (!hasNs) {
      return "Entity reference " + json + " had missing or empty namespace";
    }
    if (name == null || !JsonValues.truthy(name)) {
      return "Entity reference " + json + " had missing or empty name";
    }
    return null;
  }

  // ---------------------------------------------------------------- helpers

  private static String schemaMessage(JsonSchemas.SchemaError e) {
    return e.message();
  }


  private static String describe(JsonNode v) {
    return Values.describe(v);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** JavaScript's String(value). */
  static String jsString(JsonNode v) {
    if (v == null) {
      return "undefined";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isNumber()) {
      return v.isIntegralNumber() ? v.asText() : JsNumbers.toString(v.doubleValue());
    }
    if (v.isBoolean()) {
      return String.valueOf(v.booleanValue());
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode i : v) {
        parts.add(i.isNull() ? "" : jsString(i));
      }
      return String.join(",", parts);
    }
    return "[object Object]";
  }

  /** JavaScript's template string of {@code spec.type ?? ""}. */
  private static String jsTemplateString(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    return jsString(v);
  }

  /** Whether a tree holds a placeholder object or a non-finite number anywhere. */
  private static boolean placeholdersOrNonFinite(JsonNode n) {
    if (n.isObject()) {
      if (n.size() == 1) {
        String key = n.fieldNames().next();
        if (key.equals("$text") || key.equals("$json") || key.equals("$yaml")) {
          return true;
        }
      }
      for (JsonNode v : n) {
        if (placeholdersOrNonFinite(v)) {
          return true;
        }
      }
      return false;
    }
    if (n.isArray()) {
      for (JsonNode v : n) {
        if (placeholdersOrNonFinite(v)) {
          return true;
        }
      }
      return false;
    }
    return n.isDouble() && !Double.isFinite(n.doubleValue());
  }

  /** A copy of the root, of metadata and of its annotations object, sharing everything else. */
  private static ObjectNode copyForAnnotations(ObjectNode raw) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.setAll(raw);
    if (root.get("metadata") instanceof ObjectNode m) {
      ObjectNode meta = JsonNodeFactory.instance.objectNode();
      meta.setAll(m);
      if (meta.get("annotations") instanceof ObjectNode a) {
        ObjectNode annotations = JsonNodeFactory.instance.objectNode();
        annotations.setAll(a);
        meta.set("annotations", annotations);
      }
      root.set("metadata", meta);
    }
    return root;
  }

  /** JSON.parse(JSON.stringify(x)): non-finite numbers become null. */
  private static ObjectNode roundTrip(ObjectNode raw) {
    return (ObjectNode) roundTripNode(raw);
  }

  private static JsonNode roundTripNode(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      n.fields().forEachRemaining(e -> o.set(e.getKey(), roundTripNode(e.getValue())));
      return o;
    }
    if (n.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode a = JsonNodeFactory.instance.arrayNode(n.size());
      n.forEach(i -> a.add(roundTripNode(i)));
      return a;
    }
    if (n.isDouble() && !Double.isFinite(n.doubleValue())) {
      return JsonNodeFactory.instance.nullNode();
    }
    return n;
  }

  private static String namespaceOf(JsonNode entity) {
    JsonNode ns = entity.path("metadata").get("namespace");
    return ns != null && ns.isTextual() && !ns.textValue().isEmpty() ? ns.textValue() : "default";
  }

  private static String stringify(JsonNode entity) {
    return (entity.get("kind").textValue() + ":" + namespaceOf(entity) + "/"
        + entity.get("metadata").get("name").textValue()).toLowerCase(Locale.ROOT);
  }

  /**
   * The ref of a raw document when it has a string kind and name.
   *
   * @param raw the document
   * @return the ref
   */
  public static Optional<EntityRef> refOf(JsonNode raw) {
    JsonNode kind = raw.get("kind");
    JsonNode name = raw.path("metadata").get("name");
    JsonNode ns = raw.path("metadata").get("namespace");
    if (ns != null && !ns.isNull() && !(ns.isTextual() && !ns.textValue().isEmpty())) {
      return Optional.empty();
    }
    if (kind == null || !kind.isTextual() || kind.textValue().isEmpty() || name == null || !name.isTextual()
        || name.textValue().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new EntityRef(kind.textValue(), namespaceOf(raw), name.textValue()));
  }

}
