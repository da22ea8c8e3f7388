package dev.portolan.catalog.core.internal;

import dev.portolan.catalog.model.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogProblem.Kind;
import dev.portolan.catalog.core.CatalogProblem.Severity;
import dev.portolan.catalog.core.DeferredEntity;
import dev.portolan.catalog.core.EntityProcessor;
import dev.portolan.catalog.core.ProcessingContext;
import dev.portolan.catalog.core.Relation;
import dev.portolan.catalog.core.RelationType;
import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.DocumentReader;
import dev.portolan.catalog.model.DocumentResult;
import dev.portolan.catalog.model.Entity;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.FieldPositions;
import dev.portolan.catalog.model.SourceDocument;
import dev.portolan.catalog.model.SourcePosition;
import dev.portolan.catalog.model.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads locations into processed entities: expands files, directories and globs, follows Location
 * entities (with cycle detection), resolves placeholders inside the catalog root, validates with the
 * catalog model, emits relations and runs the processors. Files are cached by path, size and modification
 * time (including the files their placeholders read), so a refresh re-reads only what changed.
 */
public final class Ingestor {

  /** Annotation naming the location an entity was read from. */
  public static final String LOCATION_ANNOTATION = "backstage.io/managed-by-location";
  /** Annotation naming the location that led to the entity. */
  public static final String ORIGIN_ANNOTATION = "backstage.io/managed-by-origin-location";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> RESOLVERS = Set.of("text", "json", "yaml");

  private final CatalogModel model;
  private final DocumentReader reader;
  private final RelationRules rules;
  private final List<EntityProcessor> processors;
  private final Optional<Path> explicitRoot;
  /** Shares equal normalised refs between entities (relation targets repeat a lot). */
  private final Map<EntityRef, EntityRef> refs = new ConcurrentHashMap<>();
  /** Shares equal keys and short text values between entity trees (apiVersion, kind, owners, types...). */
  private final Map<String, JsonNode> texts = new ConcurrentHashMap<>();
  private final Map<String, String> keys = new ConcurrentHashMap<>();
  private static final int SHARED_TEXT_MAX = 64;

  /**
   * Creates an ingestor.
   *
   * @param model the validating model (its profile picks the relation rules)
   * @param processors the processors, already in run order
   * @param explicitRoot the catalog root; when empty each registered location's own directory is its root
   */
  public Ingestor(CatalogModel model, List<EntityProcessor> processors, Optional<Path> explicitRoot) {
    this.model = model;
    this.reader = DocumentReader.create(model.limits());
    this.rules = new RelationRules(model.profile());
    this.processors = List.copyOf(processors);
    this.explicitRoot = explicitRoot.map(p -> p.toAbsolutePath().normalize());
  }

  /**
   * The relation rules of the model's profile.
   *
   * @return the rules, shared and immutable
   */
  public RelationRules rules() {
    return rules;
  }

  /**
   * The outcome of loading registered locations.
   *
   * @param entities every valid entity, in discovery order
   * @param problems every problem, in discovery order
   * @param invalidRefs refs of documents that were read but rejected, with their file
   */
  public record Load(List<Ingested> entities, List<CatalogProblem> problems, Map<String, String> invalidRefs) {}

  /** Cached file results; thread-safe. */
  public static final class FileCache {
    private final Map<String, FileResult> results = new ConcurrentHashMap<>();
  }

  /**
   * Creates an empty cache.
   *
   * @return the cache
   */
  public static FileCache newCache() {
    return new FileCache();
  }

  /**
   * Loads registered locations.
   *
   * @param locations the registered locations: files, directories, globs or {@code file:} URLs
   * @param cache results of earlier loads; updated
   * @return the entities and problems
   */
  public Load load(List<String> locations, FileCache cache) {
    refs.clear();
    texts.clear();
    List<Ingested> entities = new ArrayList<>();
    List<CatalogProblem> problems = new ArrayList<>();
    Map<String, String> invalid = new LinkedHashMap<>();
    Set<Path> visited = new HashSet<>();
    Map<String, FileResult> used = new HashMap<>();
    for (String location : locations) {
      Optional<Path> base = localPath(location, Path.of(""));
      if (base.isEmpty()) {
        problems.add(new CatalogProblem(Severity.WARNING, Kind.LOCATION_NOT_FETCHED, location, Optional.empty(),
            Optional.empty(), FieldPath.ROOT, "remote location not fetched: only local files and file: URLs are read"));
        continue;
      }
      Path root = explicitRoot.orElseGet(() -> rootOf(base.get()));
      String origin = "file:" + base.get().toAbsolutePath().normalize();
      List<Path> files;
      try {
        files = expand(base.get());
      } catch (IOException | RuntimeException e) {
        problems.add(new CatalogProblem(Severity.ERROR, Kind.LOCATION, location, Optional.empty(), Optional.empty(),
            FieldPath.ROOT, "cannot read location: " + describeIo(e)));
        continue;
      }
      if (files.isEmpty()) {
        problems.add(new CatalogProblem(Severity.ERROR, Kind.LOCATION, location, Optional.empty(), Optional.empty(),
            FieldPath.ROOT, Files.exists(base.get()) ? "no *.yaml or *.yml file found in this location"
                : "location not found"));
        continue;
      }
      // read the location's own files in parallel, then walk them (and the Location targets) in order
      files.parallelStream().forEach(f -> fileResult(f, f.toString(), origin, root, location, cache, used));
      for (Path f : files) {
        visit(f, f.toString(), origin, root, location, cache, used, new ArrayList<>(), visited, entities, problems,
            invalid);
      }
    }
    cache.results.keySet().retainAll(used.keySet());
    // the interners only serve one load: what they shared is now held by the entities
    refs.clear();
    texts.clear();
    return new Load(entities, problems, invalid);
  }

  private void visit(Path file, String display, String origin, Path root, String sourceId, FileCache cache,
      Map<String, FileResult> used, List<Path> chain, Set<Path> visited, List<Ingested> entities,
      List<CatalogProblem> problems, Map<String, String> invalid) {
    Path abs = file.toAbsolutePath().normalize();
    if (!visited.add(abs)) {
      return;
    }
    FileResult r = fileResult(file, display, origin, root, sourceId, cache, used);
    entities.addAll(r.entities());
    problems.addAll(r.problems());
    for (CatalogProblem p : r.problems()) {
      if (p.kind() == Kind.INVALID_ENTITY || p.kind() == Kind.PLACEHOLDER || p.kind() == Kind.PROCESSOR) {
        p.ref().ifPresent(ref -> invalid.putIfAbsent(ref.toString(), "file:" + abs));
      }
    }
    chain.add(abs);
    for (FileResult.Child child : r.children()) {
      Path c = child.path().toAbsolutePath().normalize();
      Ingested from = child.from();
      if (chain.contains(c)) {
        problems.add(new CatalogProblem(Severity.ERROR, Kind.LOCATION, from.file(),
            from.fieldPositions().position(FieldPath.of("spec")).or(from::position), Optional.of(from.ref()),
            FieldPath.of("spec"), "Location cycle: " + child.display() + " leads back to a file that is already "
                + "being read (" + chainText(chain, c) + ")"));
        continue;
      }
      String childOrigin = from.json().path("metadata").path("annotations").path(ORIGIN_ANNOTATION).asText(origin);
      visit(child.path(), child.display(), childOrigin, root, sourceId, cache, used, chain, visited, entities,
          problems, invalid);
    }
    chain.remove(chain.size() - 1);
  }

  private static String chainText(List<Path> chain, Path back) {
    StringBuilder sb = new StringBuilder();
    for (int i = chain.indexOf(back); i < chain.size(); i++) {
      sb.append(chain.get(i).getFileName()).append(" -> ");
    }
    return sb.append(back.getFileName()).toString();
  }

  private FileResult fileResult(Path file, String display, String origin, Path root, String sourceId,
      FileCache cache, Map<String, FileResult> used) {
    String key = file.toAbsolutePath().normalize() + "\0" + display + "\0" + origin + "\0" + root + "\0" + sourceId;
    FileResult cached = cache.results.get(key);
    if (cached == null || !fresh(cached)) {
      cached = readFile(file, display, origin, root, sourceId);
      cache.results.put(key, cached);
    }
    synchronized (used) {
      used.put(key, cached);
    }
    return cached;
  }

  private static boolean fresh(FileResult r) {
    for (FileResult.Stamp s : r.dependencies()) {
      if (!stamp(s.path()).equals(s)) {
        return false;
      }
    }
    return true;
  }

  private static FileResult.Stamp stamp(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return new FileResult.Stamp(p, a.lastModifiedTime().toMillis(), a.size());
    } catch (IOException e) {
      return new FileResult.Stamp(p, -1, -1);
    }
  }

  // ------------------------------------------------------------------ one file

  private FileResult readFile(Path file, String display, String origin, Path root, String sourceId) {
    Path abs = file.toAbsolutePath().normalize();
    List<FileResult.Stamp> deps = new ArrayList<>();
    deps.add(stamp(abs));
    List<Ingested> entities = new ArrayList<>();
    List<CatalogProblem> problems = new ArrayList<>();
    List<FileResult.Child> children = new ArrayList<>();
    List<SourceDocument> docs;
    try {
      docs = reader.read(display, Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      problems.add(new CatalogProblem(Severity.ERROR, Kind.LOCATION, display, Optional.empty(), Optional.empty(),
          FieldPath.ROOT, "cannot read file: " + describeIo(e)));
      return new FileResult(entities, problems, children, deps);
    }
    String location = "file:" + abs;
    for (SourceDocument doc : docs) {
      if (doc.error().isPresent()) {
        problems.add(problem(doc.error().get(), Kind.INVALID_ENTITY));
        continue;
      }
      JsonNode json = doc.json().orElseThrow();
      Source source = new Source(display, doc.index(), location, origin, sourceId, Optional.of(doc), abs.getParent(),
          root, deps);
      Optional<Ingested> ing = process(json, source, problems);
      if (ing.isPresent()) {
        entities.add(ing.get());
        if ("Location".equals(ing.get().json().path("kind").asText())) {
          locationTargets(ing.get(), source, children, problems);
        }
      }
    }
    return new FileResult(List.copyOf(entities), List.copyOf(problems), List.copyOf(children), List.copyOf(deps));
  }

  /** Where a document comes from. */
  private record Source(String display, int index, String location, String origin, String sourceId,
      Optional<SourceDocument> doc, Path dir, Path root, List<FileResult.Stamp> deps) {

    Optional<SourcePosition> position(FieldPath p) {
      return doc.flatMap(d -> d.position(p));
    }
  }

  /**
   * Processes an entity pushed by a provider.
   *
   * @param provider the provider name
   * @param deferred the entity
   * @param problems receives the problems
   * @return the processed entity, when valid
   */
  public Optional<Ingested> processProvided(String provider, DeferredEntity deferred, List<CatalogProblem> problems) {
    ObjectNode json = deferred.entity().toJson();
    String display = "provider:" + provider;
    JsonNode ann = json.path("metadata").path("annotations");
    String loc = ann.path(LOCATION_ANNOTATION).asText("");
    String origin = ann.path(ORIGIN_ANNOTATION).asText("");
    Optional<EntityRef> ref = deferred.entity().ref();
    for (String[] a : new String[][] {{LOCATION_ANNOTATION, loc}, {ORIGIN_ANNOTATION, origin}}) {
      if (a[1].isEmpty()) {
        problems.add(new CatalogProblem(Severity.ERROR, Kind.INVALID_ENTITY, display, Optional.empty(), ref,
            FieldPath.of("metadata", "annotations").key(a[0]), "Entity '" + ref.map(EntityRef::toString).orElse("?")
                + "' does not have the annotation " + a[0] + "; providers must set it"));
        return Optional.empty();
      }
    }
    Source source = new Source(display, 0, loc, origin, "provider:" + provider, Optional.empty(), null, null,
        new ArrayList<>());
    Optional<Ingested> out = process(json, source, problems);
    return out.map(i -> new Ingested(i.ref(), i.json(), deferred.locationKey(), i.file(), i.documentIndex(),
        i.position(), i.emitted(), i.fieldPositions(), i.sourceId()));
  }

  private Optional<Ingested> process(JsonNode raw, Source source, List<CatalogProblem> problems) {
    if (!raw.isObject()) {
      // let the model give its verdict on the root type
      DocumentResult r = model.validateDocuments(List.of(source.doc().orElseThrow())).get(0);
      r.violations().forEach(v -> problems.add(problem(relocate(v, source), Kind.INVALID_ENTITY)));
      return Optional.empty();
    }
    ObjectNode json = (ObjectNode) raw;
    Optional<EntityRef> rawRef = rawRef(json);
    boolean changed = false;
    // 1. placeholders (PlaceholderProcessor runs first in preprocessing)
    if (hasPlaceholder(json)) {
      if (source.dir() == null) {
        problems.add(new CatalogProblem(Severity.ERROR, Kind.PLACEHOLDER, source.display(), Optional.empty(),
            rawRef, FieldPath.ROOT, "placeholders are only resolved in entities read from files"));
        return Optional.empty();
      }
      List<CatalogProblem> errs = new ArrayList<>();
      json = (ObjectNode) resolvePlaceholders(json, FieldPath.ROOT, source, rawRef, errs);
      if (!errs.isEmpty()) {
        problems.addAll(errs);
        return Optional.empty();
      }
      changed = true;
    }
    // 2. user preprocessing
    if (!processors.isEmpty()) {
      Context ctx = new Context(source.location(), rawRef);
      for (EntityProcessor p : processors) {
        try {
          ObjectNode next = p.preProcess(json, ctx);
          if (next == null) {
            throw new IllegalStateException("preProcess returned null");
          }
          json = next;
        } catch (RuntimeException e) {
          problems.add(new CatalogProblem(Severity.ERROR, Kind.PROCESSOR, source.display(),
              source.position(FieldPath.ROOT), rawRef, FieldPath.ROOT,
              "processor " + p.name() + " failed while preprocessing: " + describe(e)));
          return Optional.empty();
        }
      }
      changed = true;
    }
    // 3. validation
    DocumentResult result = !changed && source.doc().isPresent()
        ? model.validateDocuments(List.of(source.doc().get())).get(0)
        : model.validate(source.display(), Entity.of(json));
    if (!result.valid()) {
      for (Violation v : result.violations()) {
        problems.add(problem(relocate(v, source), Kind.INVALID_ENTITY));
      }
      return Optional.empty();
    }
    // 4. the processed entity: a compact copy sharing keys and short values with other entities
    ObjectNode entity = (ObjectNode) compact(json);
    ObjectNode meta = (ObjectNode) entity.get("metadata");
    if (!JsonValues.truthy(meta.get("namespace"))) {
      meta.put("namespace", EntityRef.DEFAULT_NAMESPACE);
    }
    ObjectNode annotations = meta.get("annotations") instanceof ObjectNode o ? o : meta.objectNode();
    ObjectNode merged = meta.objectNode();
    merged.setAll(annotations);
    merged.put(LOCATION_ANNOTATION, source.location());
    merged.put(ORIGIN_ANNOTATION, source.origin());
    meta.set("annotations", merged);
    rules.sortRelationFields(entity);
    EntityRef self = new EntityRef(entity.get("kind").textValue(), meta.get("namespace").textValue(),
        meta.get("name").textValue());
    EntityRef selfRef = canonical(self.normalized());
    List<Relation> emitted = new ArrayList<>(rules.emit(entity, selfRef, this::canonical));
    // 5. user postprocessing
    if (!processors.isEmpty()) {
      Context ctx = new Context(source.location(), Optional.of(self));
      ctx.postprocessing = true;
      for (EntityProcessor p : processors) {
        try {
          p.postProcess(entity.deepCopy(), ctx);
        } catch (RuntimeException e) {
          problems.add(new CatalogProblem(Severity.ERROR, Kind.PROCESSOR, source.display(),
              source.position(FieldPath.ROOT), Optional.of(self), FieldPath.ROOT,
              "processor " + p.name() + " failed while postprocessing: " + describe(e)));
          return Optional.empty();
        }
        if (!ctx.rejections.isEmpty()) {
          for (Map.Entry<FieldPath, String> r : ctx.rejections) {
            problems.add(new CatalogProblem(Severity.ERROR, Kind.PROCESSOR, source.display(),
                source.position(r.getKey()), Optional.of(self), r.getKey(),
                "rejected by processor " + p.name() + ": " + r.getValue()));
          }
          return Optional.empty();
        }
      }
      for (Relation forward : ctx.relations) {
        emitted.add(forward);
        emitted.add(forward.inverse());
      }
    }
    FieldPositions positions = source.doc().map(d -> FieldPositions.of(d, entity)).orElse(FieldPositions.none());
    return Optional.of(new Ingested(selfRef, entity, Optional.of(source.location()), source.display(),
        source.index(), source.position(FieldPath.ROOT), List.copyOf(emitted), positions,
        source.sourceId()));
  }

  private JsonNode compact(JsonNode n) {
    if (n instanceof ObjectNode o) {
      ObjectNode out = o.objectNode();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        String k = keys.get(e.getKey());
        if (k == null) {
          k = keys.computeIfAbsent(e.getKey(), x -> x);
        }
        out.set(k, compact(e.getValue()));
      }
      return out;
    }
    if (n instanceof ArrayNode a) {
      ArrayNode out = a.arrayNode(a.size());
      for (JsonNode i : a) {
        out.add(compact(i));
      }
      return out;
    }
    if (n.isTextual() && n.textValue().length() <= SHARED_TEXT_MAX) {
      JsonNode hit = texts.get(n.textValue());
      if (hit != null) {
        return hit;
      }
      JsonNode shared = texts.putIfAbsent(n.textValue(), n);
      return shared == null ? n : shared;
    }
    return n;
  }

  private EntityRef canonical(EntityRef normalized) {
    EntityRef hit = refs.get(normalized);
    if (hit != null) {
      return hit;
    }
    EntityRef shared = refs.putIfAbsent(normalized, normalized);
    return shared == null ? normalized : shared;
  }

  private static Optional<EntityRef> rawRef(ObjectNode json) {
    JsonNode kind = json.get("kind");
    JsonNode meta = json.get("metadata");
    JsonNode name = meta == null ? null : meta.get("name");
    if (kind == null || !kind.isTextual() || kind.textValue().isEmpty() || name == null || !name.isTextual()
        || name.textValue().isEmpty()) {
      return Optional.empty();
    }
    JsonNode ns = meta.get("namespace");
    return Optional.of(new EntityRef(kind.textValue(), ns != null && ns.isTextual() && !ns.textValue().isEmpty()
        ? ns.textValue() : EntityRef.DEFAULT_NAMESPACE, name.textValue()));
  }

  private static Violation relocate(Violation v, Source source) {
    Optional<SourcePosition> pos = v.position().isPresent() ? v.position() : source.position(v.path());
    return new Violation(source.display(), source.index(), pos, v.ref(), v.path(), v.message(), v.stage());
  }

  private static CatalogProblem problem(Violation v, Kind kind) {
    return new CatalogProblem(Severity.ERROR, kind, v.file(), v.position(), v.ref(), v.path(),
        v.message() + " [" + v.stage().id() + "]");
  }

  /** The processor context of one entity. */
  private static final class Context implements ProcessingContext {
    private final String location;
    private final Optional<EntityRef> ref;
    private boolean postprocessing;
    private final List<Relation> relations = new ArrayList<>();
    private final List<Map.Entry<FieldPath, String>> rejections = new ArrayList<>();

    Context(String location, Optional<EntityRef> ref) {
      this.location = location;
      this.ref = ref;
    }

    @Override
    public String location() {
      return location;
    }

    @Override
    public Optional<EntityRef> ref() {
      return ref;
    }

    @Override
    public void emitRelation(RelationType type, EntityRef target, Optional<FieldPath> field,
        Map<String, Object> attributes) {
      if (!postprocessing) {
        throw new IllegalStateException("relations can only be emitted while postprocessing");
      }
      EntityRef self = ref.orElseThrow();
      relations.add(new Relation(self, type, target, self, field, attributes));
    }

    @Override
    public void reject(FieldPath path, String message) {
      rejections.add(Map.entry(java.util.Objects.requireNonNull(path, "path"),
          java.util.Objects.requireNonNull(message, "message")));
    }
  }

  // ------------------------------------------------------------------ placeholders

  private static Optional<String> placeholderKey(JsonNode v) {
    if (!v.isObject() || v.size() != 1) {
      return Optional.empty();
    }
    String key = v.fieldNames().next();
    return key.startsWith("$") && RESOLVERS.contains(key.substring(1)) ? Optional.of(key) : Optional.empty();
  }

  private static boolean hasPlaceholder(JsonNode n) {
    if (placeholderKey(n).filter(k -> n.get(k).isTextual()).isPresent()) {
      return true;
    }
    if (n.isContainerNode()) {
      for (JsonNode c : n) {
        if (hasPlaceholder(c)) {
          return true;
        }
      }
    }
    return false;
  }

  private JsonNode resolvePlaceholders(JsonNode n, FieldPath at, Source source, Optional<EntityRef> ref,
      List<CatalogProblem> errs) {
    Optional<String> key = placeholderKey(n);
    if (key.isPresent() && n.get(key.get()).isTextual()) {
      return resolve(key.get(), n.get(key.get()).textValue(), at, source, ref, errs);
    }
    if (n instanceof ObjectNode o) {
      ObjectNode out = o.objectNode();
      o.fields().forEachRemaining(e -> out.set(e.getKey(),
          resolvePlaceholders(e.getValue(), at.key(e.getKey()), source, ref, errs)));
      return out;
    }
    if (n instanceof ArrayNode a) {
      ArrayNode out = a.arrayNode();
      for (int i = 0; i < a.size(); i++) {
        out.add(resolvePlaceholders(a.get(i), at.index(i), source, ref, errs));
      }
      return out;
    }
    return n;
  }

  private JsonNode resolve(String key, String value, FieldPath at, Source source, Optional<EntityRef> ref,
      List<CatalogProblem> errs) {
    FieldPath path = at.key(key);
    String prefix = "Placeholder " + key + " could not read location " + value + ", ";
    Optional<Path> target;
    if (value.startsWith("/") && !value.startsWith("//")) {
      target = Optional.of(source.root().resolve(value.substring(1)));
    } else {
      target = localPath(value, source.dir());
    }
    if (target.isEmpty()) {
      errs.add(placeholderError(source, ref, path, prefix + "remote content is not fetched; only files inside the "
          + "catalog root are read"));
      return NullNodeHolder.NULL;
    }
    Path p = target.get().toAbsolutePath().normalize();
    if (!p.startsWith(source.root()) || !realInside(p, source.root())) {
      errs.add(placeholderError(source, ref, path, prefix + "the path escapes the catalog root " + source.root()));
      return NullNodeHolder.NULL;
    }
    source.deps().add(stamp(p));
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(p);
    } catch (IOException e) {
      errs.add(placeholderError(source, ref, path, prefix
          + (e instanceof NoSuchFileException ? "NotFoundError: " : "") + describeIo(e)));
      return NullNodeHolder.NULL;
    }
    switch (key) {
      case "$text":
        return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
      case "$json":
        try {
          return MAPPER.readTree(bytes);
        } catch (IOException e) {
          errs.add(placeholderError(source, ref, path, "Placeholder $json failed to parse JSON data at " + value
              + ", " + e.getMessage().lines().findFirst().orElse("")));
          return NullNodeHolder.NULL;
        }
      default:
        List<SourceDocument> docs = reader.read(p.toString(), bytes);
        if (docs.size() == 1 && docs.get(0).error().isPresent()) {
          errs.add(placeholderError(source, ref, path, "Placeholder $yaml failed to parse YAML data at " + value
              + ", " + docs.get(0).error().get().message()));
          return NullNodeHolder.NULL;
        }
        if (docs.size() != 1) {
          errs.add(placeholderError(source, ref, path, "Placeholder $yaml expected to find exactly one document of "
              + "data at " + value + ", found " + docs.size()));
          return NullNodeHolder.NULL;
        }
        return docs.get(0).json().orElseThrow();
    }
  }

  private static boolean realInside(Path p, Path root) {
    try {
      if (!Files.exists(p)) {
        return true;
      }
      return p.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** A shared JSON null for failed placeholders (never exposed: the entity fails). */
  private static final class NullNodeHolder {
    static final JsonNode NULL = JsonNodeFactory.instance.nullNode();
  }

  private static CatalogProblem placeholderError(Source source, Optional<EntityRef> ref, FieldPath path,
      String message) {
    return new CatalogProblem(Severity.ERROR, Kind.PLACEHOLDER, source.display(), source.position(path), ref, path,
        message);
  }

  // ------------------------------------------------------------------ Location entities

  /**
   * The not-fetched warning: the target as written and its type as Backstage resolves it (spec.type, or else
   * the type of the location that read the entity, here a file).
   */
  private static String notFetched(JsonNode spec, String type, String target) {
    String why = " not fetched: only local files and file: URLs are read";
    if (spec.path("type").isTextual()) {
      return "remote target " + target + " (type " + type + ")" + why;
    }
    return "remote target " + target + " (type " + type + ": spec.type is not set, so Backstage reads it as a "
        + type + " path; set spec.type: url)" + why;
  }

  private void locationTargets(Ingested loc, Source source, List<FileResult.Child> children,
      List<CatalogProblem> problems) {
    JsonNode spec = loc.json().path("spec");
    String type = spec.path("type").asText("file");
    boolean optional = "optional".equals(spec.path("presence").asText("required"));
    List<Map.Entry<FieldPath, String>> targets = new ArrayList<>();
    if (spec.path("target").isTextual() && !spec.get("target").textValue().isEmpty()) {
      targets.add(Map.entry(FieldPath.of("spec", "target"), spec.get("target").textValue()));
    }
    if (spec.path("targets").isArray()) {
      for (int i = 0; i < spec.get("targets").size(); i++) {
        JsonNode t = spec.get("targets").get(i);
        if (t.isTextual()) {
          targets.add(Map.entry(FieldPath.of("spec", "targets").index(i), t.textValue()));
        }
      }
    }
    for (Map.Entry<FieldPath, String> t : targets) {
      FieldPath path = t.getKey();
      String target = t.getValue();
      Optional<Path> local = localPath(target, source.dir());
      if (local.isEmpty()) {
        problems.add(new CatalogProblem(Severity.WARNING, Kind.LOCATION_NOT_FETCHED, source.display(),
            source.position(path), Optional.of(loc.ref()), path, notFetched(spec, type, target)));
        continue;
      }
      Path p = local.get().normalize();
      Path abs = p.toAbsolutePath().normalize();
      if (!abs.startsWith(source.root()) || !realInside(abs, source.root())) {
        problems.add(new CatalogProblem(Severity.ERROR, Kind.LOCATION, source.display(), source.position(path),
            Optional.of(loc.ref()), path, "target " + target + " is outside the catalog root " + source.root()));
        continue;
      }
      List<Path> files;
      try {
        files = isGlob(target) ? expand(p) : Files.isRegularFile(p) ? List.of(p) : List.of();
      } catch (IOException | RuntimeException e) {
        files = List.of();
      }
      if (files.isEmpty()) {
        if (!optional) {
          problems.add(new CatalogProblem(Severity.ERROR, Kind.LOCATION, source.display(), source.position(path),
              Optional.of(loc.ref()), path, "NotFoundError: " + type + ":" + target + " (" + p + ") "
                  + (Files.isDirectory(p) ? "is a directory, expected a file or a glob" : "does not exist")));
        }
        continue;
      }
      for (Path f : files) {
        children.add(new FileResult.Child(f, f.toString(), loc));
      }
    }
  }

  // ------------------------------------------------------------------ paths

  /** A local path for a plain path, a {@code file:} URL; empty for a remote URL. */
  static Optional<Path> localPath(String location, Path dir) {
    String s = location.trim();
    int colon = s.indexOf(':');
    if (colon > 1) {
      String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
      if (scheme.equals("file")) {
        try {
          return Optional.of(Path.of(URI.create(s)));
        } catch (RuntimeException e) {
          return Optional.of(dir.resolve(s.substring(colon + 1)));
        }
      }
      if (scheme.matches("[a-z][a-z0-9+.-]*")) {
        return Optional.empty();
      }
    }
    return Optional.of(dir.resolve(s));
  }

  private static boolean isGlob(String s) {
    return s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{");
  }

  private static Path rootOf(Path location) {
    Path abs = location.toAbsolutePath().normalize();
    if (isGlob(abs.toString())) {
      abs = globBase(abs);
    }
    if (Files.isDirectory(abs)) {
      return abs;
    }
    Path parent = abs.getParent();
    return parent == null ? abs : parent;
  }

  private static Path globBase(Path p) {
    Path base = p.getRoot() == null ? Path.of("") : p.getRoot();
    for (Path part : p) {
      if (isGlob(part.toString())) {
        break;
      }
      base = base.resolve(part);
    }
    return base;
  }

  /** Files of a location: the file itself, every YAML file under a directory, or a glob's matches. */
  static List<Path> expand(Path location) throws IOException {
    String text = location.toString();
    if (isGlob(text)) {
      Path abs = location.toAbsolutePath().normalize();
      Path base = globBase(abs);
      if (!Files.isDirectory(base)) {
        return List.of();
      }
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + abs.toString().replace("\\", "\\\\"));
      try (Stream<Path> s = Files.walk(base)) {
        return s.filter(f -> Files.isRegularFile(f) && m.matches(f)).sorted().toList();
      }
    }
    if (Files.isDirectory(location)) {
      List<Path> out = new ArrayList<>();
      try (Stream<Path> s = Files.walk(location)) {
        s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(f))
            .filter(f -> {
              String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
              return n.endsWith(".yaml") || n.endsWith(".yml");
            })
            .forEach(out::add);
      }
      Collections.sort(out);
      return out;
    }
    return Files.isRegularFile(location) ? List.of(location) : List.of();
  }

  /** An I/O failure in words, without Java exception names: {@code no such file or directory: /x}. */
  private static String describeIo(Exception e) {
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    if (t instanceof FileSystemException f) {
      String what;
      if (f instanceof NoSuchFileException) {
        what = "no such file or directory";
      } else if (f instanceof AccessDeniedException) {
        what = "permission denied";
      } else if (f instanceof NotDirectoryException) {
        what = "not a directory";
      } else if (f instanceof FileSystemLoopException) {
        what = "too many levels of symbolic links";
      } else {
        what = f.getReason() == null ? "cannot be read" : f.getReason();
      }
      return what + ": " + f.getFile();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? "cannot be read" : m;
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
