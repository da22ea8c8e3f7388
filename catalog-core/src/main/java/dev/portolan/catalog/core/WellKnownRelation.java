package dev.portolan.catalog.core;

import java.util.Optional;

/** Backstage's well-known relation types ({@code packages/catalog-model/src/kinds/relations.ts}), in pairs. */
public enum WellKnownRelation implements RelationType {
  /** The source is owned by the target (a Group or User). */
  OWNED_BY("ownedBy", "ownerOf"),
  /** The source owns the target. */
  OWNER_OF("ownerOf", "ownedBy"),
  /** The source component provides the target API. */
  PROVIDES_API("providesApi", "apiProvidedBy"),
  /** The source API is provided by the target component. */
  API_PROVIDED_BY("apiProvidedBy", "providesApi"),
  /** The source component consumes the target API. */
  CONSUMES_API("consumesApi", "apiConsumedBy"),
  /** The source API is consumed by the target component. */
  API_CONSUMED_BY("apiConsumedBy", "consumesApi"),
  /** The source needs the target to function. */
  DEPENDS_ON("dependsOn", "dependencyOf"),
  /** The target needs the source to function. */
  DEPENDENCY_OF("dependencyOf", "dependsOn"),
  /** The source group is the parent of the target group. */
  PARENT_OF("parentOf", "childOf"),
  /** The source group is a child of the target group. */
  CHILD_OF("childOf", "parentOf"),
  /** The source user is a member of the target group. */
  MEMBER_OF("memberOf", "hasMember"),
  /** The source group has the target user as a member. */
  HAS_MEMBER("hasMember", "memberOf"),
  /** The source is part of the target (system, domain, component). */
  PART_OF("partOf", "hasPart"),
  /** The target is part of the source. */
  HAS_PART("hasPart", "partOf");

  private final String id;
  private final String inverseId;

  WellKnownRelation(String id, String inverseId) {
    this.id = id;
    this.inverseId = inverseId;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public WellKnownRelation inverse() {
    return fromId(inverseId).orElseThrow();
  }

  /**
   * The well-known type with this id (exact, case-sensitive as in Backstage).
   *
   * @param id the id, e.g. {@code ownedBy}
   * @return the type, empty for any other id
   */
  public static Optional<WellKnownRelation> fromId(String id) {
    for (WellKnownRelation r : values()) {
      if (r.id.equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
