package dev.portolan.catalog.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.internal.JsonSchemas;
import dev.portolan.catalog.model.internal.Pipeline;
import dev.portolan.catalog.model.internal.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * relation field. A document is valid when Backstage would accept it; {@link DocumentResult#violations()}
 * lists every problem found, and {@link DocumentResult#backstageVerdict()} Backstage's own error text.
 *
 * <p>Placeholders ({@code $text}, {@code $json}, {@code $yaml}) are recognised as Backstage recognises them
 * and a non-string placeholder value is an error; their content is not read (Backstage reads it from the
 * source repository), so the field they fill is not checked further.
 *
 * <p>Instances are immutable and thread-safe; build one and share it.
 */
public final class CatalogModel {

  private final Profile profile;
  private final Limits limits;
  private final List<KindDefinition> kinds;
  private final DocumentReader reader;
  private final Pipeline pipeline;

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
            .map(e -> new Pipeline.Issue(e.path(), e.ajvMessage())).toList()));
      } else {
        KindValidator v = k.validator().orElseThrow();
        custom.add(new Pipeline.CustomKind(k.apiVersion(), k.kind(), entity -> v.validate(Entity.adopt(entity))
            .stream().map(i -> new Pipeline.Issue(i.path(), i.message())).toList()));
      }
    }
    this.pipeline = new Pipeline(profile, schemas, custom);
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
    return validateDocuments(reader.read(file));
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
    return validateJson(name, 0, entity.toJson(), null);
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
      out.add(validateDocument(d));
    }
    return out;
  }

  private DocumentResult validateDocument(SourceDocument d) {
    if (d.error().isPresent()) {
      Violation v = d.error().get();
      return new DocumentResult(d.file(), d.index(), Optional.empty(), Optional.empty(), false, List.of(v),
          Optional.empty(), Optional.of(new BackstageVerdict(Stage.PARSE, "YAML error at file:" + d.file() + ", "
              + v.message())));
    }
    return validateJson(d.file(), d.index(), d.jsonUnsafe(), d.tree());
  }

  private DocumentResult validateJson(String file, int index, JsonNode json, YNode tree) {
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
    Pipeline.Outcome o = pipeline.process(obj, tree, file, index);
    JsonNode kind = obj.get("kind");
    return new DocumentResult(file, index, o.ref(),
        kind != null && kind.isTextual() ? Optional.of(kind.textValue()) : Optional.empty(),
        o.violations().isEmpty(), o.violations(), Optional.of(Entity.adopt(obj.deepCopy())), o.verdict());
  }

  /** Configures a {@link CatalogModel}. Not thread-safe; the built model is. */
  public static final class Builder {
    private Profile profile = Profile.APP;
    private Limits limits = Limits.DEFAULTS;
    private final Map<String, KindDefinition> kinds = new LinkedHashMap<>();

    private Builder() {}

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
