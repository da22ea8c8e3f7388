package dev.portolan.catalog.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.internal.Ingested;
import dev.portolan.catalog.model.Entity;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.SourcePosition;
import java.util.List;
import java.util.Optional;

/**
 * An entity of a {@link CatalogSnapshot}: the processed entity (namespace defaulted, location annotations
 * set, relation arrays sorted, placeholders resolved), its stitched relations and where it came from.
 * Immutable.
 */
public final class CatalogEntity {

  private final Ingested ingested;
  private final List<Relation> relations;
  private final int id;

  CatalogEntity(Ingested ingested, List<Relation> relations, int id) {
    this.ingested = ingested;
    this.relations = relations;
    this.id = id;
  }

  Ingested ingested() {
    return ingested;
  }

  int id() {
    return id;
  }

  /** The raw processed JSON, shared: never hand it out. */
  ObjectNode json() {
    return ingested.json();
  }

  /**
   * The normalised (lower-case) ref.
   *
   * @return the ref
   */
  public EntityRef ref() {
    return ingested.ref();
  }

  /**
   * {@code kind} as written.
   *
   * @return the kind
   */
  public String kind() {
    return ingested.json().path("kind").asText();
  }

  /**
   * The processed entity, without {@code relations}.
   *
   * @return a copy of the entity
   */
  public Entity entity() {
    return Entity.of(ingested.json());
  }

  /**
   * The entity as Backstage's API returns it: the processed entity plus {@code relations} as
   * {@code [{type, targetRef}]}, ordered by type then target.
   *
   * @return a fresh JSON object
   */
  public ObjectNode toJson() {
    ObjectNode out = ingested.json().deepCopy();
    ArrayNode rel = out.putArray("relations");
    for (Relation r : relations) {
      rel.addObject().put("type", r.type().id()).put("targetRef", r.target().toString());
    }
    return out;
  }

  /**
   * Every relation whose source is this entity, whoever emitted it, de-duplicated and ordered by type then
   * target, as Backstage stitches them.
   *
   * @return the relations
   */
  public List<Relation> relations() {
    return relations;
  }

  /**
   * The relation rows this entity's own processing emitted (both directions), as Backstage stores them.
   *
   * @return the rows, in emission order
   */
  public List<Relation> emittedRelations() {
    return ingested.emitted();
  }

  /**
   * The file the entity was read from, as given or discovered, or {@code provider:<name>}.
   *
   * @return the file
   */
  public String file() {
    return ingested.file();
  }

  /**
   * The index of the entity's document in its file.
   *
   * @return the zero-based index
   */
  public int documentIndex() {
    return ingested.documentIndex();
  }

  /**
   * Where the entity's document starts.
   *
   * @return the position, when read from a file
   */
  public Optional<SourcePosition> position() {
    return ingested.position();
  }

  /**
   * Where a field of the entity is written in its source file: where a scalar value starts, where the key of
   * an object or array member is written. Paths follow the processed entity ({@link #entity()}): relation
   * arrays are sorted, yet each item is found where it is written. A field the file does not contain (added by
   * processing, such as the default namespace, or not present at all) is reported at its nearest written
   * ancestor.
   *
   * @param path the field path, e.g. {@code spec.owner} or {@code spec.dependsOn[0]}
   * @return the position; empty for entities not read from a file
   */
  public Optional<SourcePosition> positionOf(FieldPath path) {
    return ingested.fieldPositions().position(path);
  }

  /**
   * Where a field of the entity is written, by its dotted path; see {@link #positionOf(FieldPath)}.
   *
   * @param path the field path text, e.g. {@code spec.owner} or {@code spec.accessGrants[0].target}
   * @return the position; empty for entities not read from a file
   * @throws dev.portolan.catalog.model.InvalidFieldPathException if the text is not a field path
   */
  public Optional<SourcePosition> positionOf(String path) {
    return positionOf(FieldPath.parse(path));
  }

  /**
   * The location key that claims this ref (the file's {@code file:} location ref for file entities).
   *
   * @return the key; empty for provider entities without one
   */
  public Optional<String> locationKey() {
    return ingested.locationKey();
  }

  /**
   * Whether no location emits this entity any more (kept by the {@code keep} orphan strategy).
   *
   * @return true for an orphan
   */
  public boolean isOrphan() {
    return "true".equals(ingested.json().path("metadata").path("annotations").path("backstage.io/orphan").asText());
  }

  @Override
  public String toString() {
    return ref().toString();
  }
}
