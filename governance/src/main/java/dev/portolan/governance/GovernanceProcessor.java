package dev.portolan.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.core.CatalogPassContext;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.EntityProcessor;
import dev.portolan.catalog.core.ProcessingContext;
import dev.portolan.catalog.core.RelationType;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.governance.internal.Fields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A catalog-core {@link EntityProcessor} that adds the AI relations to the catalog's relations, graph and
 * queries, each with its inverse, and the {@code dependsOn}/{@code consumesApi} rows they also stand for.
 *
 * <ul>
 *   <li>While each entity is processed: the relations it declares in its own spec, {@code usesModel} (agent
 *       {@code model}/{@code models}), {@code servesModel} (model server {@code models.available}/{@code
 *       default}), {@code trainedOn}, {@code evaluatedOn}, {@code derivedFrom}, {@code retrievesFrom}, {@code
 *       hasAccessTo}, {@code usesTool} and {@code delegatesTo}. Each row names the field that declares it, so
 *       a dangling target is reported at that line, and {@code hasAccessTo} rows carry the grant's attributes
 *       ({@code environment}, {@code permissions}, {@code expires}, {@code justification}, {@code grantedAt},
 *       {@code index}, …).</li>
 *   <li>In the catalog pass, once per snapshot: the relations that need other entities, {@code
 *       usesModel}/{@code servesModel} inferred from a {@code dependsOn} or {@code dependencyOf} that points at a
 *       model, indirect {@code usesModel} through a model server (attributes {@code indirect} and {@code via}),
 *       and agent models written as a bare name that only a catalog-wide lookup resolves.</li>
 * </ul>
 *
 * The edges are the ones {@link AssetCatalog} derives for the same entities, from the same code. Catalog
 * relations are stitched one row per source, type and target, so of two grants on the same target only the
 * first one's attributes are on the catalog row; {@link AssetCatalog#edges(String, Relation)} keeps both.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.builder().location(Path.of("catalog-info.yaml"))
 *     .processor(GovernanceProcessor.create()).build();
 * }</pre>
 *
 * Thread-safe; its only state is a cache of parsed field paths.
 */
public final class GovernanceProcessor implements EntityProcessor {

  private static final Set<Relation> EMITTED = EnumSet.of(Relation.USES_MODEL, Relation.SERVES_MODEL,
      Relation.TRAINED_ON, Relation.EVALUATED_ON, Relation.DERIVED_FROM, Relation.RETRIEVES_FROM,
      Relation.HAS_ACCESS_TO, Relation.USES_TOOL, Relation.DELEGATES_TO, Relation.DEPENDS_ON,
      Relation.CONSUMES_API);

  /**
   * The relations whose derivation can need another entity; every other one an entity declares by itself
   * and {@link #postProcess} emits.
   */
  private static final Set<Relation> CROSS_ENTITY = EnumSet.of(Relation.USES_MODEL, Relation.SERVES_MODEL);

  /** Parsed field paths: the few spec fields relations are read from, and grant indexes. */
  private final Map<String, Optional<FieldPath>> fields = new java.util.concurrent.ConcurrentHashMap<>();

  private GovernanceProcessor() {}

  /**
   * The processor.
   *
   * @return a processor
   */
  public static GovernanceProcessor create() {
    return new GovernanceProcessor();
  }

  /**
   * The catalog relation type of a governance relation, with its inverse.
   *
   * @param relation the relation
   * @return the relation type; well-known for Backstage's own relations
   */
  public static RelationType relationType(Relation relation) {
    return RelationType.custom(relation.id(), relation.inverse().id());
  }

  @Override
  public String name() {
    return "governance";
  }

  @Override
  public void postProcess(ObjectNode entity, ProcessingContext context) {
    Asset asset = asset(entity);
    if (asset == null) {
      return;
    }
    for (GraphDeriver.Derived d : GraphDeriver.declared(asset)) {
      if (EMITTED.contains(d.relation())) {
        target(d.target()).ifPresent(t -> context.emitRelation(relationType(d.relation()), t, field(d.field()),
            d.attributes()));
      }
    }
  }

  @Override
  public void processCatalog(CatalogSnapshot catalog, CatalogPassContext context) {
    List<Asset> assets = new ArrayList<>(catalog.size());
    for (CatalogEntity e : catalog.entities()) {
      ObjectNode json = e.toJson();
      json.remove("relations");
      Asset a = asset(json);
      if (a != null) {
        assets.add(a);
      }
    }
    assets.sort(Comparator.comparing(Asset::ref));
    EdgeIndex graph = GraphDeriver.derive(assets);
    for (CatalogEntity e : catalog.entities()) {
      String ref = e.ref().toString();
      Set<String> have = null;
      for (Relation r : CROSS_ENTITY) {
        for (Edge edge : graph.edges(ref, r)) {
          if (have == null) {
            have = new HashSet<>();
            for (dev.portolan.catalog.core.Relation row : e.relations()) {
              have.add(row.type().id() + "\0" + row.target());
            }
          }
          if (have.contains(r.id() + "\0" + edge.target())) {
            continue;
          }
          Optional<EntityRef> t = target(edge.target());
          if (t.isPresent()) {
            context.emitRelation(e.ref(), relationType(r), t.get(), Optional.empty(), edge.attributes());
          }
        }
      }
    }
  }

  private static Asset asset(JsonNode entity) {
    Optional<String> kind = Fields.text(entity.path("kind"));
    Optional<String> name = Fields.text(entity.path("metadata").path("name"));
    if (kind.isEmpty() || name.isEmpty()) {
      return null;
    }
    String ns = Fields.text(entity.path("metadata").path("namespace")).orElse("default");
    String ref = (kind.get() + ":" + ns + "/" + name.get()).toLowerCase(Locale.ROOT);
    String canonicalKind = AssetClassifier.canonicalKind(kind.get());
    return new Asset(ref, canonicalKind, AssetClassifier.classify(canonicalKind, entity), entity, null, Map.of());
  }

  private Optional<FieldPath> field(String path) {
    Optional<FieldPath> hit = fields.get(path);
    if (hit == null) {
      try {
        hit = Optional.of(FieldPath.parse(path));
      } catch (RuntimeException e) {
        hit = Optional.empty();
      }
      fields.putIfAbsent(path, hit);
    }
    return hit;
  }

  private static Optional<EntityRef> target(String ref) {
    try {
      return Optional.of(EntityRef.parse(ref));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
