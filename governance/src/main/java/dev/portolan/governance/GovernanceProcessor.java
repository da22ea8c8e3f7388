package dev.portolan.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.EntityProcessor;
import dev.portolan.catalog.core.ProcessingContext;
import dev.portolan.catalog.core.RelationType;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.governance.internal.Fields;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A catalog-core {@link EntityProcessor} that adds the AI relations an entity declares in its own spec to the
 * catalog's relations: {@code usesModel} (agent {@code model}/{@code models}), {@code servesModel} (model
 * server {@code models.available}/{@code default}), {@code trainedOn}, {@code evaluatedOn}, {@code
 * derivedFrom}, {@code retrievesFrom}, {@code hasAccessTo}, {@code usesTool} and {@code delegatesTo}, each with
 * its inverse, and the {@code dependsOn}/{@code consumesApi} rows they also stand for. The edges are the ones
 * {@link AssetCatalog} derives for the same entity, from the same code.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.builder().location(Path.of("catalog-info.yaml"))
 *     .processor(GovernanceProcessor.create()).build();
 * }</pre>
 *
 * <p>What a processor sees is one entity at a time, so the relations that depend on another entity are only in
 * {@link AssetCatalog}: {@code usesModel}/{@code servesModel} inferred from a {@code dependsOn} or {@code
 * dependencyOf} that points at a model, indirect {@code usesModel} through a model server, and agent models
 * written as a bare name that only a catalog-wide lookup resolves (the processor reads them as {@code
 * airesource:<namespace>/<name>}). Catalog relations carry no attributes, so {@code hasAccessTo} rows do not
 * carry the grant's environment, permissions and expiry; {@link AssetCatalog#edges(String, Relation)} does.
 * Immutable and thread-safe.
 */
public final class GovernanceProcessor implements EntityProcessor {

  private static final Set<Relation> EMITTED = EnumSet.of(Relation.USES_MODEL, Relation.SERVES_MODEL,
      Relation.TRAINED_ON, Relation.EVALUATED_ON, Relation.DERIVED_FROM, Relation.RETRIEVES_FROM,
      Relation.HAS_ACCESS_TO, Relation.USES_TOOL, Relation.DELEGATES_TO, Relation.DEPENDS_ON,
      Relation.CONSUMES_API);

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
    Optional<String> kind = Fields.text(entity.path("kind"));
    Optional<String> name = Fields.text(entity.path("metadata").path("name"));
    if (kind.isEmpty() || name.isEmpty()) {
      return;
    }
    String ns = Fields.text(entity.path("metadata").path("namespace")).orElse("default");
    String ref = (kind.get() + ":" + ns + "/" + name.get()).toLowerCase(Locale.ROOT);
    String canonicalKind = AssetClassifier.canonicalKind(kind.get());
    Asset asset = new Asset(ref, canonicalKind, AssetClassifier.classify(canonicalKind, entity), entity, null,
        Map.of());
    EdgeIndex edges = GraphDeriver.derive(List.of(asset));
    for (Relation r : EMITTED) {
      for (Edge e : edges.edges(ref, r)) {
        target(e.target()).ifPresent(t -> context.emitRelation(relationType(r), t));
      }
    }
  }

  private static Optional<EntityRef> target(String ref) {
    try {
      return Optional.of(EntityRef.parse(ref));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
