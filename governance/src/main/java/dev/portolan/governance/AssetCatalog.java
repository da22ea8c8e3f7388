package dev.portolan.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.model.DocumentReader;
import dev.portolan.catalog.model.Entity;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.FieldPositions;
import dev.portolan.catalog.model.InvalidFieldPathException;
import dev.portolan.catalog.model.Profile;
import dev.portolan.catalog.model.SourceDocument;
import dev.portolan.catalog.model.SourcePosition;
import dev.portolan.governance.internal.Fields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of catalog entities with the typed governance graph derived from them: Backstage's
 * relations ({@code ownedBy}, {@code partOf}, {@code dependsOn}, {@code consumesApi}, …) and the AI relations
 * of {@link Relation} ({@code usesModel}, {@code trainedOn}, {@code hasAccessTo} with grant attributes, …),
 * each with its inverse. Thread-safe.
 *
 * <p>AI assets are recognised in their canonical encoding ({@code AiResource} with {@code spec.type} model,
 * dataset or agent) and in the aliases used by Red Hat Developer Hub and older catalogs ({@code Resource} of
 * type {@code ai-model}, {@code AIResource}, {@code Component} of type {@code model-server}, {@code
 * AiModelServerAPI}, {@code API} of type {@code mcp-server}, …).
 */
public final class AssetCatalog {

  private final Map<String, Asset> byRef;
  private final List<Asset> assets;
  private final EdgeIndex graph;
  private final List<GovernanceException> problems;

  private AssetCatalog(Map<String, Asset> byRef, List<Asset> sorted, EdgeIndex graph,
      List<GovernanceException> problems) {
    this.byRef = byRef;
    this.assets = List.copyOf(sorted);
    this.graph = graph;
    this.problems = List.copyOf(problems);
  }

  /**
   * Starts an empty catalog builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads catalog files the way {@code portolan catalog} does, through catalog-core's {@link
   * Catalog} with the {@link Profile#APP app} profile:
   * directories are searched for catalog files, Location entities are followed, {@code $text}, {@code $json}
   * and {@code $yaml} placeholders are resolved and every entity is validated as Backstage validates it. See
   * {@link #of(CatalogSnapshot)} for what becomes of rejected documents.
   *
   * @param paths files or directories
   * @return the catalog
   */
  public static AssetCatalog load(Collection<Path> paths) {
    Catalog.Builder b = Catalog.builder()
        .profile(Profile.APP);
    paths.forEach(b::location);
    return of(b.build().snapshot());
  }

  /**
   * Takes the entities of a catalog-core snapshot (already validated the way Backstage validates them,
   * with Locations followed and placeholders resolved), with their files and positions. The snapshot's
   * errors about unreadable or invalid documents, placeholders and locations become {@link #problems()};
   * dangling relations are left to the rules (INV-02 reports them with their witness path).
   *
   * <p>An AI asset written in an alias Backstage rejects (an {@code AIResource} or {@code AiModelServerAPI}
   * kind, an {@code AiResource} with a foreign {@code apiVersion}, …) is left out of the snapshot by
   * catalog-core. Its rejection stays in {@link #problems()} with its file and line, and the document is
   * still read from that file so governance rules and the AI-BOM cover it.
   *
   * @param snapshot a catalog snapshot
   * @return the catalog
   */
  public static AssetCatalog of(CatalogSnapshot snapshot) {
    Builder b = builder();
    for (CatalogEntity e : snapshot.entities()) {
      int[] pos = e.position().map(p -> new int[] {p.line(), p.column()}).orElse(new int[] {1, 1});
      b.add(e.entity().toJson(), new SourceLocation(e.file(), pos[0], pos[1]), field -> positionOf(e, field));
    }
    Map<String, java.util.Set<String>> rejected = new java.util.LinkedHashMap<>();
    for (CatalogProblem p : snapshot.problems()) {
      if (p.severity() != CatalogProblem.Severity.ERROR
          && p.kind() != CatalogProblem.Kind.CONFLICT) {
        continue;
      }
      switch (p.kind()) {
        case INVALID_ENTITY:
        case PLACEHOLDER:
        case LOCATION:
        case CONFLICT:
        case PROCESSOR:
          b.problems.add(new GovernanceException(p.file(), p.position().map(x -> x.line()).orElse(0),
              p.position().map(x -> x.column()).orElse(0), p.ref().map(Object::toString).orElse(null),
              p.path().toString().isEmpty() ? null : p.path().toString(), p.message()));
          if (p.kind() == CatalogProblem.Kind.INVALID_ENTITY && p.ref().isPresent()
              && !p.file().startsWith("provider:")) {
            rejected.computeIfAbsent(p.file(), f -> new java.util.HashSet<>())
                .add(p.ref().get().toString().toLowerCase(Locale.ROOT));
          }
          break;
        default:
          break;
      }
    }
    if (!rejected.isEmpty()) {
      DocumentReader reader = DocumentReader.create();
      rejected.forEach((file, refs) -> b.addRejectedAiAssets(reader, file, refs));
    }
    return b.build();
  }

  /** Where a field of a catalog-core entity is written, or null when the path is not one catalog-core reads. */
  private static int[] positionOf(CatalogEntity e, String field) {
    return position(e::positionOf, field);
  }

  /** The line and column a lookup gives for a field, or null when the field is unknown or not a field path. */
  private static int[] position(Function<FieldPath, Optional<SourcePosition>> lookup, String field) {
    FieldPath path;
    try {
      path = FieldPath.parse(field);
    } catch (InvalidFieldPathException e) {
      return null;
    }
    return lookup.apply(path).map(p -> new int[] {p.line(), p.column()}).orElse(null);
  }

  /**
   * Looks an entity up by ref; the ref is parsed the Backstage way and compared case-insensitively.
   *
   * @param ref an entity ref such as {@code airesource:default/claims-triage-llm}
   * @return the entity, if present
   */
  public Optional<Asset> get(String ref) {
    Asset a = byRef.get(ref);
    if (a != null) {
      return Optional.of(a);
    }
    return dev.portolan.governance.internal.Refs.canonical(ref, null, "default").map(byRef::get);
  }

  Asset find(String canonicalRef) {
    return byRef.get(canonicalRef);
  }

  /**
   * All entities, sorted by ref.
   *
   * @return the entities
   */
  public List<Asset> assets() {
    return assets;
  }

  /**
   * The AI assets (models, datasets, agents, model servers, tool servers), sorted by ref.
   *
   * @return the AI assets
   */
  public List<Asset> aiAssets() {
    return assets.stream().filter(a -> a.assetType().isAi()).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The edges of one relation leaving an entity, sorted by target.
   *
   * @param ref the canonical ref of the source
   * @param relation the relation
   * @return the edges, empty when none
   */
  public List<Edge> edges(String ref, Relation relation) {
    return graph.edges(ref, relation);
  }

  EdgeIndex graph() {
    return graph;
  }

  /**
   * Every edge leaving an entity, in relation order then target order.
   *
   * @param ref the canonical ref of the source
   * @return the edges
   */
  public List<Edge> edges(String ref) {
    List<Edge> out = new ArrayList<>();
    for (Relation r : Relation.values()) {
      out.addAll(edges(ref, r));
    }
    return out;
  }

  /**
   * Problems met while reading: unreadable files, malformed YAML, documents that are not entities,
   * duplicate refs.
   *
   * @return the problems, in reading order
   */
  public List<GovernanceException> problems() {
    return problems;
  }

  /**
   * The number of entities.
   *
   * @return the size
   */
  public int size() {
    return assets.size();
  }

  /** Collects entity documents, then derives the graph once in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Asset> byRef = new HashMap<>();
    private final List<GovernanceException> problems = new ArrayList<>();
    private DocumentReader reader;

    private Builder() {}

    /**
     * Reads again the AI assets among documents catalog-core rejected, so that aliases Backstage does not
     * accept are still governed. Their rejection is already a problem; the rest of the file is not re-read.
     */
    private void addRejectedAiAssets(DocumentReader reader, String file,
        java.util.Set<String> refs) {
      List<SourceDocument> docs;
      try {
        docs = reader.read(Path.of(file));
      } catch (RuntimeException e) {
        return;
      }
      for (SourceDocument d : docs) {
        JsonNode tree = d.json().orElse(null);
        if (tree == null || !tree.isObject()) {
          continue;
        }
        Optional<String> kind = Fields.text(tree.path("kind")).filter(s -> !s.isBlank());
        Optional<String> name = Fields.text(tree.path("metadata").path("name")).filter(s -> !s.isBlank());
        if (kind.isEmpty() || name.isEmpty()) {
          continue;
        }
        String ns = Fields.text(tree.path("metadata").path("namespace")).filter(s -> !s.isBlank()).orElse("default");
        String ref = (kind.get() + ":" + ns + "/" + name.get()).toLowerCase(Locale.ROOT);
        if (!refs.contains(ref) || byRef.containsKey(ref)
            || !AssetClassifier.classify(AssetClassifier.canonicalKind(kind.get()), tree).isAi()) {
          continue;
        }
        addDocument(d);
      }
    }

    /**
     * Adds every document of a YAML (or JSON) stream, read by the catalog model's {@link
     * DocumentReader} as catalog files are: YAML 1.2 core schema ({@code yes}/{@code
     * no} and dates stay strings), with the reader's limits on size, depth and aliases. A document that cannot
     * be read, or is not an entity, is recorded in {@link AssetCatalog#problems()} with its file, line and
     * column; the other documents are still added. Empty documents are skipped.
     *
     * @param text the YAML text
     * @param file the file name used in locations and errors
     * @return this builder
     */
    public Builder addYaml(String text, String file) {
      for (SourceDocument d : reader().read(file, text)) {
        if (d.error().isEmpty() && d.json().map(JsonNode::isNull).orElse(true)) {
          continue;
        }
        add(d);
      }
      return this;
    }

    private DocumentReader reader() {
      if (reader == null) {
        reader = DocumentReader.create();
      }
      return reader;
    }

    /**
     * Adds an entity of the catalog model.
     *
     * @param entity the entity
     * @return this builder
     * @throws GovernanceException when the entity has no kind or name
     */
    public Builder add(Entity entity) {
      return add(entity.toJson());
    }

    /**
     * Adds a document read by the catalog model's {@link DocumentReader}, keeping
     * its file and position; an unreadable document is recorded in {@link #problems()}.
     *
     * @param document the document
     * @return this builder
     */
    public Builder add(SourceDocument document) {
      if (document.json().isEmpty()) {
        Optional<dev.portolan.catalog.model.Violation> v = document.error();
        problems.add(new GovernanceException(document.file(),
            v.flatMap(dev.portolan.catalog.model.Violation::position).map(p -> p.line()).orElse(0),
            v.flatMap(dev.portolan.catalog.model.Violation::position).map(p -> p.column()).orElse(0),
            v.flatMap(dev.portolan.catalog.model.Violation::ref).map(Object::toString).orElse(null),
            v.map(x -> x.path().toString()).filter(x -> !x.isEmpty()).orElse(null),
            v.map(dev.portolan.catalog.model.Violation::message).orElse("expected a readable document, found none")));
        return this;
      }
      addDocument(document);
      return this;
    }

    /**
     * Adds one entity document (copied).
     *
     * @param entity the entity as a JSON tree
     * @return this builder
     * @throws GovernanceException when the document is not an entity
     */
    public Builder add(JsonNode entity) {
      GovernanceException e = tryAdd(entity.deepCopy(), null, f -> null);
      if (e != null) {
        throw e;
      }
      return this;
    }

    /** Adds a readable document with the position of every field. */
    private void addDocument(SourceDocument d) {
      JsonNode tree = d.json().orElseThrow();
      int[] pos = d.position(FieldPath.ROOT)
          .map(p -> new int[] {p.line(), p.column()}).orElse(new int[] {1, 1});
      FieldPositions positions = FieldPositions.of(d, tree);
      add(tree, new SourceLocation(d.file(), pos[0], pos[1]), field -> position(positions::position, field));
    }

    private void add(JsonNode tree, SourceLocation loc, Map<String, int[]> positions) {
      add(tree, loc, (java.util.function.Function<String, int[]>) positions::get);
    }

    private void add(JsonNode tree, SourceLocation loc, java.util.function.Function<String, int[]> positions) {
      GovernanceException e = tryAdd(tree, loc, positions);
      if (e != null) {
        problems.add(e);
      }
    }

    private GovernanceException tryAdd(JsonNode tree, SourceLocation loc,
        java.util.function.Function<String, int[]> positions) {
      String file = loc == null ? null : loc.file();
      int line = loc == null ? 0 : loc.line();
      int col = loc == null ? 0 : loc.column();
      if (!tree.isObject()) {
        return new GovernanceException(file, line, col, null, null, "expected an entity object at the document root, found " + kindOf(tree));
      }
      Optional<String> kind = Fields.text(tree.path("kind")).filter(s -> !s.isBlank());
      Optional<String> name = Fields.text(tree.path("metadata").path("name")).filter(s -> !s.isBlank());
      if (kind.isEmpty() || name.isEmpty()) {
        String field = kind.isEmpty() ? "kind" : "metadata.name";
        int[] pos = pos(positions, field, line, col);
        return new GovernanceException(file, pos[0], pos[1], null, field, "expected a non-empty string, found " + kindOf(tree.at("/" + field.replace('.', '/'))));
      }
      String ns = Fields.text(tree.path("metadata").path("namespace")).filter(s -> !s.isBlank()).orElse("default");
      String canonicalKind = AssetClassifier.canonicalKind(kind.get());
      String ref = (kind.get() + ":" + ns + "/" + name.get()).toLowerCase(Locale.ROOT);
      if (byRef.containsKey(ref)) {
        Asset first = byRef.get(ref);
        return new GovernanceException(file, line, col, ref, null, "expected a unique entity ref, found a duplicate of the entity "
            + first.location().map(l -> "at " + l).orElse("added before"));
      }
      AssetType type = AssetClassifier.classify(canonicalKind, tree);
      byRef.put(ref, new Asset(ref, canonicalKind, type, tree, loc, positions));
      return null;
    }

    private static int[] pos(java.util.function.Function<String, int[]> positions, String field, int line, int col) {
      String f = field;
      while (f != null) {
        int[] p = positions.apply(f);
        if (p != null) {
          return p;
        }
        int cut = f.lastIndexOf('.');
        f = cut < 0 ? null : f.substring(0, cut);
      }
      return new int[] {line, col};
    }

    private static String kindOf(JsonNode n) {
      if (n == null || n.isMissingNode()) {
        return "nothing";
      }
      if (n.isNull()) {
        return "null";
      }
      if (n.isArray()) {
        return "a list";
      }
      if (n.isObject()) {
        return "an object";
      }
      return "'" + n.asText() + "'";
    }

    /**
     * Derives the graph and freezes the catalog.
     *
     * @return the catalog
     */
    public AssetCatalog build() {
      List<Asset> sorted = new ArrayList<>(byRef.values());
      sorted.sort(Comparator.comparing(Asset::ref));
      for (int i = 0; i < sorted.size(); i++) {
        sorted.get(i).index = i;
      }
      Map<String, Asset> frozen = Collections.unmodifiableMap(new HashMap<>(byRef));
      return new AssetCatalog(frozen, sorted, GraphDeriver.derive(sorted), problems);
    }
  }
}
