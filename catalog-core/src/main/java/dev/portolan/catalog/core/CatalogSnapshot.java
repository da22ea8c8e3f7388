package dev.portolan.catalog.core;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent, immutable state of a {@link Catalog}: every valid entity with its stitched relations, the
 * problems found while loading, and the graph and query views over them. Safe to share between threads;
 * a reader holding a snapshot never sees a later change.
 */
public final class CatalogSnapshot {

  private final long version;
  private final Instant loadedAt;
  private final Profile profile;
  private final List<CatalogEntity> entities;
  private final Map<EntityRef, CatalogEntity> byRef;
  private final List<CatalogProblem> loadProblems;
  private final List<DanglingRelation> dangling;
  private final QueryEngine queries;
  private volatile EntityGraph graph;
  private volatile List<CatalogProblem> problems;

  CatalogSnapshot(long version, Instant loadedAt, Profile profile, List<CatalogEntity> entities,
      Map<EntityRef, CatalogEntity> byRef, List<CatalogProblem> loadProblems, List<DanglingRelation> dangling,
      QueryEngine.FilterCache filterCache) {
    this.version = version;
    this.loadedAt = loadedAt;
    this.profile = profile;
    this.entities = entities;
    this.byRef = byRef;
    this.loadProblems = loadProblems;
    this.dangling = dangling;
    this.queries = new QueryEngine(this, filterCache);
  }

  /**
   * Increases by one with every published snapshot of a catalog, from 1.
   *
   * @return the version
   */
  public long version() {
    return version;
  }

  /**
   * When the snapshot was published, by the catalog's clock.
   *
   * @return the instant
   */
  public Instant loadedAt() {
    return loadedAt;
  }

  /**
   * The profile whose relations and verdicts the snapshot follows.
   *
   * @return the profile
   */
  public Profile profile() {
    return profile;
  }

  /**
   * The number of entities.
   *
   * @return the size
   */
  public int size() {
    return entities.size();
  }

  /**
   * Every entity, ordered by ref.
   *
   * @return the entities
   */
  public List<CatalogEntity> entities() {
    return entities;
  }

  /**
   * The entity with this ref (compared case-insensitively, as Backstage does). O(1).
   *
   * @param ref the ref
   * @return the entity, when in the catalog
   */
  public Optional<CatalogEntity> entity(EntityRef ref) {
    return Optional.ofNullable(byRef.get(Relation.normalize(ref)));
  }

  /**
   * The entity with this full ref text, e.g. {@code component:default/petstore}.
   *
   * @param ref the ref text; the kind is required, the namespace defaults to {@code default}
   * @return the entity, when in the catalog
   * @throws dev.portolan.catalog.model.InvalidEntityRefException if the text is not a ref
   */
  public Optional<CatalogEntity> entity(String ref) {
    return entity(EntityRef.parse(ref));
  }

  /**
   * The stitched relations of an entity (empty when it is not in the catalog).
   *
   * @param ref the entity
   * @return its relations, ordered by type then target
   */
  public List<Relation> relations(EntityRef ref) {
    return entity(ref).map(CatalogEntity::relations).orElse(List.of());
  }

  /**
   * Every problem: invalid documents, Location errors, conflicts, dangling relations, orphans and
   * {@code dependsOn} cycles, in discovery order (cycles last).
   *
   * @return the problems
   */
  public List<CatalogProblem> problems() {
    List<CatalogProblem> p = problems;
    if (p == null) {
      List<CatalogProblem> all = new ArrayList<>(loadProblems);
      all.addAll(graph().dependsOnCycleProblems());
      p = List.copyOf(all);
      problems = p;
    }
    return p;
  }

  /**
   * The problems of {@link CatalogProblem.Severity#ERROR} severity.
   *
   * @return the errors
   */
  public List<CatalogProblem> errors() {
    return problems().stream().filter(p -> p.severity() == CatalogProblem.Severity.ERROR).toList();
  }

  /**
   * Relations whose target is not in the catalog, each naming the field that made it.
   *
   * @return the dangling relations, in discovery order
   */
  public List<DanglingRelation> danglingRelations() {
    return dangling;
  }

  /**
   * Entities no location emits any more (only with the {@code keep} orphan strategy).
   *
   * @return the orphans, ordered by ref
   */
  public List<CatalogEntity> orphans() {
    return entities.stream().filter(CatalogEntity::isOrphan).toList();
  }

  /**
   * The typed, directed multigraph of entities and relations. Built on first use, then shared.
   *
   * @return the graph
   */
  public EntityGraph graph() {
    EntityGraph g = graph;
    if (g == null) {
      synchronized (this) {
        g = graph;
        if (g == null) {
          g = new EntityGraph(this);
          graph = g;
        }
      }
    }
    return g;
  }

  /**
   * Runs a query with Backstage's filter semantics. Results are cached for the life of the snapshot.
   *
   * @param query the query
   * @return one page of results
   */
  public QueryResult query(EntityQuery query) {
    return queries.query(query);
  }

  /**
   * The entities matching any of the filters, in ref order ({@code kind=component,spec.type=service}).
   *
   * @param filters filter expressions; none means every entity
   * @return the matching entities
   * @throws CatalogException if a filter is malformed
   */
  public List<CatalogEntity> filter(String... filters) {
    return queries.filter(List.of(filters));
  }

  /**
   * Facet counts, as Backstage's {@code /entity-facets}: per facet, the distinct values (original case) of
   * the matching entities with their counts, sorted by value.
   *
   * @param facets the facet paths, e.g. {@code kind}, {@code metadata.tags}, {@code spec.type}
   * @param filters filter expressions restricting the entities; none means every entity
   * @return the counts per facet, in the order given
   */
  public Map<String, List<FacetCount>> facets(List<String> facets, List<String> filters) {
    return queries.facets(facets, filters);
  }

  /**
   * Writes the whole processed catalog as Backstage-compatible JSON: {@code {"items": [entity...]}}, each
   * entity with its {@code relations}, ordered by ref.
   *
   * @param out the stream; not closed
   */
  public void writeJson(OutputStream out) {
    ObjectMapper mapper = new ObjectMapper();
    try {
      JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
      g.writeStartObject();
      g.writeArrayFieldStart("items");
      for (CatalogEntity e : entities) {
        mapper.writeTree(g, e.toJson());
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CatalogEntity byId(int id) {
    return entities.get(id);
  }

  /** Entities by normalised ref. */
  Map<EntityRef, CatalogEntity> byRef() {
    return byRef;
  }

  @Override
  public String toString() {
    return "CatalogSnapshot{version=" + version + ", entities=" + entities.size() + ", problems="
        + loadProblems.size() + "}";
  }
}
