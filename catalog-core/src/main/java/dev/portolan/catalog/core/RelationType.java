package dev.portolan.catalog.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The type of a relation between two entities, such as {@code ownedBy} or {@code dependsOn}. The closed set
 * Backstage defines is {@link WellKnownRelation}; processors may add their own pairs with
 * {@link #custom(String, String)}.
 */
public sealed interface RelationType permits WellKnownRelation, RelationType.Custom {

  /**
   * The type as written in Backstage's {@code relations[].type}, e.g. {@code ownedBy}.
   *
   * @return the id
   */
  String id();

  /**
   * The type of the relation in the other direction ({@code ownedBy} for {@code ownerOf}).
   *
   * @return the inverse type
   */
  RelationType inverse();

  /**
   * The well-known type with this id, or a custom type without a known inverse pair.
   *
   * @param id the id, e.g. {@code dependsOn}
   * @return the type
   */
  static Optional<WellKnownRelation> wellKnown(String id) {
    return WellKnownRelation.fromId(id);
  }

  /**
   * A custom relation pair.
   *
   * @param id the forward id, matching {@code ^\w+$}
   * @param inverseId the reverse id, matching {@code ^\w+$}
   * @return the forward type; its {@link #inverse()} is the reverse type
   */
  static RelationType custom(String id, String inverseId) {
    Optional<WellKnownRelation> known = WellKnownRelation.fromId(id);
    if (known.isPresent() && known.get().inverse().id().equals(inverseId)) {
      return known.get();
    }
    return new Custom(id, inverseId);
  }

  /**
   * A relation type outside Backstage's well-known set.
   *
   * @param id the forward id
   * @param inverseId the reverse id
   */
  record Custom(String id, String inverseId) implements RelationType {
    /**
     * Checks both ids match Backstage's relation type pattern {@code ^\w+$}.
     *
     * @param id the forward id
     * @param inverseId the reverse id
     */
    public Custom {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(inverseId, "inverseId");
      if (!id.matches("\\w+") || !inverseId.matches("\\w+")) {
        throw new IllegalArgumentException(
            "relation types must match ^\\w+$, found \"" + id + "\" / \"" + inverseId + "\"");
      }
    }

    @Override
    public RelationType inverse() {
      return new Custom(inverseId, id);
    }

    @Override
    public String toString() {
      return id;
    }
  }
}
