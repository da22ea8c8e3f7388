package dev.portolan.catalog.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.internal.JsonSchemas;
import dev.portolan.catalog.model.internal.Pipeline;
import dev.portolan.catalog.model.internal.YNode;
import dev.portolan.catalog.model.internal.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads and validates Backstage catalog descriptors ({@code catalog-info.yaml} and friends) and gives, for
 * every document, the verdict Backstage's catalog would give, with every problem located by file, line,
 * column, entity ref and field path.
 *
 * <h2>Use</h2>
 *
 * <pre>
 * CatalogModel model = CatalogModel.builder()
 *     .profile(Profile.APP)                 // or Profile.CORE: the catalog backend alone
 *     .limits(Limits.DEFAULTS.withMaxDepth(100))
 *     .kind(KindDefinition.ofSchema("acme.com/v1", "Product", productSchemaJson))
 *     .build();
 * for (DocumentResult r : model.validate(Path.of("catalog-info.yaml"))) {
 *   if (!r.valid()) {
 *     r.violations().forEach(v -&gt; System.err.println(v));   // file:line:col: ref: path: message
 *   }
 * }
 * </pre>
 *
 * <h2>What is checked</h2>
 *
 * Each document goes through Backstage's stages ({@link Stage}) in order: parsing (YAML 1.2, limits), the
 * envelope, preprocessing (placeholders; under {@link Profile#APP} the catalog model's kind lookup), the
 * policy chain (entity schema, no foreign root fields, field formats of names, namespaces, labels,
 * annotations, tags and links), the kind schemas, Location target checks and the parsing of every ref in a
 * relation field. A document is valid when Backstage would accept it. Backstage stops at the first stage
 * that fails; Portolan goes on through the later stages whenever the document's kind is known, so
 * {@link DocumentResult#violations()} lists every problem at once, while
 * {@link DocumentResult#backstageVerdict()} gives the first failing stage and Backstage's own error text.
 *
 * <p>Placeholders ({@code $text}, {@code $json}, {@code $yaml}) are recognised as Backstage recognises them
 * and a non-string placeholder value is an error. Backstage reads their content from the source repository;
 * Portolan never fetches URLs, so a placeholder it does not read leaves the field it fills unchecked. With
 * {@link Builder#readPlaceholderFiles(boolean)} placeholders naming relative paths are read from disk
 * (relative to the validated file) and their content is validated.
 *
 * <p>Instances are immutable and thread-safe; build one and share it.
 */
public final class CatalogModel {

  private final Profile profile;
  private final Limits limits;
  private final List<KindDefinition> kinds;
  private final DocumentReader reader;
  private final Pipeline pipeline;
  private final boolean readPlaceholderFiles;

  private CatalogModel(Builder b) {
    this.profile = b.profile;
    this.limits = b.limits;
    this.kinds = List.copyOf(b.kinds.values());
    this.reader = DocumentReader.create(limits);
    JsonSchemas schemas = new JsonSchemas();
    List<Pipeline.CustomKind> custom = new ArrayList<>();
    for (KindDefinition k : kinds) {
      if (k.jsonSchema().isPresent()) {
        JsonSchemas.Compiled compiled = schemas.compile(schemas.parse(k.jsonSchema().get()));
        custom.add(new Pipeline.CustomKind(k.apiVersion(), k.kind(), entity -> compiled.validate(entity).stream()
            .map(e -> new Pipeline.Issue(e.path(), e.message())).toList()));
      } else {
        KindValidator v = k.validator().orElseThrow();
        custom.add(new Pipeline.CustomKind(k.apiVersion(), k.kind(), entity -> v.validate(Entity.adopt(entity))
            .stream().map(i -> new Pipeline.Issue(i.path(), i.message())).toList()));
      }
    }
    this.readPlaceholderFiles = b.readPlaceholderFiles;
    this.pipeline = new Pipeline(profile, schemas, custom, b.readPlaceholderFiles
        ? Optional.of(new Pipeline.PlaceholderFiles(new YamlReader(limits), limits.maxDocumentCodePoints() * 4L))
        : Optional.empty());
  }

  /**
   * A builder with the {@link Profile#APP} profile, {@link Limits#DEFAULTS} and no extra kinds.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The profile whose verdicts this model gives.
   *
   * @return the profile
   */
  public Profile profile() {
    return profile;
  }

  /**
   * The reading limits.
   *
   * @return the limits
   */
  public Limits limits() {
    return limits;
  }

  /**
   * Whether placeholders naming local files are read (see {@link Builder#readPlaceholderFiles(boolean)}).
   *
   * @return true when local placeholder files are read
   */
  public boolean readsPlaceholderFiles() {
    return readPlaceholderFiles;
  }

  /**
   * The user-registered kinds.
   *
   * @return the kinds, in registration order
   */
  public List<KindDefinition> kinds() {
    return kinds;
  }

  /**
   * Reads and validates one file. Problems reading the file are reported as an invalid document, never
   * thrown.
   *
   * @param file a YAML or JSON file
   * @return one result per non-empty document, in order
   */
  public List<DocumentResult> validate(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    List<DocumentResult> out = new ArrayList<>();
    for (SourceDocument d : reader.read(file)) {
      out.add(validateDocument(d, Optional.ofNullable(dir)));
    }
    return out;
  }

  /**
   * Validates a file, or every descriptor file under a directory: {@code *.yaml}, {@code *.yml} and
   * {@code *.json} (any case), recursively, in path order. A directory that cannot be listed is reported as
   * an invalid document of that directory.
   *
   * @param root a file or a directory
   * @return the results of every file, in order
   */
  public List<DocumentResult> validateTree(Path root) {
    if (!Files.isDirectory(root)) {
      return validate(root);
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(f -> Files.isRegularFile(f) && isDescriptorFile(f)).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      Violation v = new Violation(root.toString(), 0, Optional.empty(), Optional.empty(), FieldPath.ROOT,
          "cannot list directory: " + e.getMessage(), Stage.PARSE);
      return List.of(new DocumentResult(root.toString(), 0, Optional.empty(), Optional.empty(), false, List.of(v),
          Optional.empty(), Optional.of(new BackstageVerdict(Stage.PARSE, v.message()))));
    }
    List<DocumentResult> out = new ArrayList<>();
    for (Path f : files) {
      out.addAll(validate(f));
    }
    return out;
  }

  /**
   * Whether a file name is one {@link #validateTree(Path)} reads: {@code *.yaml}, {@code *.yml} or
   * {@code *.json}, ignoring case.
   *
   * @param file the file
   * @return true for descriptor files
   */
  public static boolean isDescriptorFile(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  /**
   * Reads and validates text.
   *
   * @param name the file name used in results and messages
   * @param content the YAML or JSON text
   * @return one result per non-empty document, in order
   */
  public List<DocumentResult> validate(String name, String content) {
    return validateDocuments(reader.read(name, content));
  }

  /**
   * Reads and validates UTF-8 bytes.
   *
   * @param name the file name used in results and messages
   * @param content the YAML or JSON bytes
   * @return one result per non-empty document, in order
   */
  public List<DocumentResult> validate(String name, byte[] content) {
    return validateDocuments(reader.read(name, content));
  }

  /**
   * Validates an entity that is already in memory, as if read from a file of the given name.
   *
   * @param name the file name used in results and messages
   * @param entity the entity
   * @return the result
   */
  public DocumentResult validate(String name, Entity entity) {
    return validateJson(name, 0, entity.toJson(), null, Optional.empty());
  }

  /**
   * Validates documents read by a {@link DocumentReader}.
   *
   * @param documents the documents
   * @return one result per document
   */
  public List<DocumentResult> validateDocuments(List<SourceDocument> documents) {
    List<DocumentResult> out = new ArrayList<>(documents.size());
    for (SourceDocument d : documents) {
      out.add(validateDocument(d, Optional.empty()));
    }
    return out;
  }

  private DocumentResult validateDocument(SourceDocument d, Optional<Path> baseDir) {
    if (d.error().isPresent()) {
      Violation v = d.error().get();
      return new DocumentResult(d.file(), d.index(), Optional.empty(), Optional.empty(), false, List.of(v),
          Optional.empty(), Optional.of(new BackstageVerdict(Stage.PARSE, d.backstageError())));
    }
    return validateJson(d.file(), d.index(), d.jsonUnsafe(), d.tree(), baseDir);
  }

  private DocumentResult validateJson(String file, int index, JsonNode json, YNode tree,
      Optional<Path> baseDir) {
    if (!json.isObject()) {
      String type = json.isTextual() ? "string" : json.isNumber() ? "number" : json.isBoolean() ? "boolean" : "object";
      Violation v = new Violation(file, index, tree == null ? Optional.empty()
          : Optional.of(new SourcePosition(tree.line() + 1, tree.column() + 1)), Optional.empty(), FieldPath.ROOT,
          "expected a mapping (an entity) at the document root, found "
              + (json.isArray() ? "a list" : "a " + type), Stage.PARSE);
      return new DocumentResult(file, index, Optional.empty(), Optional.empty(), false, List.of(v),
          Optional.empty(), Optional.of(new BackstageVerdict(Stage.PARSE, "Expected object at root, got " + type)));
    }
    ObjectNode obj = (ObjectNode) json;
    Pipeline.Outcome o;
    try {
      o = pipeline.process(obj, tree, file, index, baseDir);
    } catch (RuntimeException | StackOverflowError e) {
      Violation v = new Violation(file, index, Optional.empty(), Pipeline.refOf(obj), FieldPath.ROOT,
          "cannot validate this document: " + e, Stage.PARSE);
      o = new Pipeline.Outcome(List.of(v), Optional.of(new BackstageVerdict(Stage.PARSE, v.message())),
          Pipeline.refOf(obj));
    }
    JsonNode kind = obj.get("kind");
    return new DocumentResult(file, index, o.ref(),
        kind != null && kind.isTextual() ? Optional.of(kind.textValue()) : Optional.empty(),
        o.violations().isEmpty(), o.violations(), Optional.of(Entity.adopt(obj)), o.verdict());
  }

  /** Configures a {@link CatalogModel}. Not thread-safe; the built model is. */
  public static final class Builder {
    private Profile profile = Profile.APP;
    private Limits limits = Limits.DEFAULTS;
    private final Map<String, KindDefinition> kinds = new LinkedHashMap<>();
    private boolean readPlaceholderFiles;

    private Builder() {}

    /**
     * Whether {@code $text}, {@code $json} and {@code $yaml} placeholders with a relative path are read from
     * the local file system, relative to the folder of the file being validated (off by default: a service
     * validating untrusted descriptors must not read its own files). When on, a missing file, invalid JSON
     * or a YAML file without exactly one document is an error, and the content is validated in place of the
     * placeholder. URLs are never fetched.
     *
     * @param read true to read local placeholder files
     * @return this builder
     */
    public Builder readPlaceholderFiles(boolean read) {
      this.readPlaceholderFiles = read;
      return this;
    }

    /**
     * Sets the profile.
     *
     * @param profile {@link Profile#APP} (default) or {@link Profile#CORE}
     * @return this builder
     */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Sets the reading limits.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Registers a kind; a later registration of the same apiVersion and kind replaces an earlier one.
     *
     * @param kind the kind
     * @return this builder
     */
    public Builder kind(KindDefinition kind) {
      Objects.requireNonNull(kind, "kind");
      kinds.put(kind.apiVersion() + "\0" + kind.kind(), kind);
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the immutable model
     * @throws PortolanException if a kind's JSON Schema cannot be compiled
     */
    public CatalogModel build() {
      return new CatalogModel(this);
    }
  }
}
