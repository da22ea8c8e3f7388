package dev.portolan.catalog.model;

import java.util.Objects;

/**
 * One entry of an entity's output-only {@code relations}: the relation type and the lower-cased target ref.
 *
 * @param type the relation type, e.g. {@code ownedBy}
 * @param targetRef the target ref as stored, e.g. {@code group:default/team-a}
 */
public record EntityRelation(String type, String targetRef) {

  /**
   * Checks the parts are present.
   *
   * @param type the relation type, e.g. {@code ownedBy}
   * @param targetRef the target ref as stored, e.g. {@code group:default/team-a}
   */
  public EntityRelation {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(targetRef, "targetRef");
  }
}
