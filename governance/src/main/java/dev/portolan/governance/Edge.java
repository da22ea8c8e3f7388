package dev.portolan.governance;

import java.util.Map;
import java.util.Objects;

/**
 * One typed edge of the governance graph.
 *
 * @param source the canonical ref of the source entity
 * @param relation the relation
 * @param target the canonical ref of the target (or the text as written when it is not a valid ref)
 * @param attributes edge attributes ({@code hasAccessTo}: environment, permissions, justification, grantedAt,
 *     expires, delegatedBy; derived {@code usesModel}: {@code indirect})
 * @param resolved whether the target exists in the catalog
 */
public record Edge(
    String source, Relation relation, String target, Map<String, Object> attributes, boolean resolved) {

  /**
   * Creates an edge, copying the attributes.
   *
   * @param source the source ref
   * @param relation the relation
   * @param target the target ref
   * @param attributes the edge attributes
   * @param resolved whether the target exists
   */
  public Edge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(target, "target");
    attributes = Map.copyOf(attributes);
  }
}
