package dev.portolan.catalog.core.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.Relation;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPositions;
import dev.portolan.catalog.model.SourcePosition;
import java.util.List;
import java.util.Optional;

/**
 * One processed, valid entity and where it came from. The JSON is never mutated after construction.
 *
 * @param ref the normalised ref
 * @param json the processed entity (namespace defaulted, location annotations, sorted relation arrays)
 * @param locationKey the conflict key, empty for provider entities without one
 * @param file the file (or {@code provider:<name>}) for messages
 * @param documentIndex the document's index in its file
 * @param position where the document starts
 * @param emitted the relation rows this entity's processing emitted, both directions
 * @param fieldPositions where each field of {@code json} is written in the source document
 * @param sourceId the registered location or provider that produced the entity
 */
public record Ingested(EntityRef ref, ObjectNode json, Optional<String> locationKey, String file, int documentIndex,
    Optional<SourcePosition> position, List<Relation> emitted, FieldPositions fieldPositions,
    String sourceId) {}
