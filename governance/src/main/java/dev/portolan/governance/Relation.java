package dev.portolan.governance;

import java.util.Optional;

/**
 * The typed relations of the governance graph: Backstage's well-known relations plus the AI relations
 * derived from AI asset specs. Each relation has an inverse, and the graph always holds both directions.
 */
public enum Relation {
  /** Entity to its owner (Group or User). */
  OWNED_BY("ownedBy", "ownerOf"),
  /** Owner to the entities it owns. */
  OWNER_OF("ownerOf", "ownedBy"),
  /** Entity to the System, Domain or Component it belongs to. */
  PART_OF("partOf", "hasPart"),
  /** Container to its parts. */
  HAS_PART("hasPart", "partOf"),
  /** Entity to an entity it depends on. */
  DEPENDS_ON("dependsOn", "dependencyOf"),
  /** Entity to its dependents. */
  DEPENDENCY_OF("dependencyOf", "dependsOn"),
  /** Component to an API it consumes. */
  CONSUMES_API("consumesApi", "apiConsumedBy"),
  /** API to its consumers. */
  API_CONSUMED_BY("apiConsumedBy", "consumesApi"),
  /** Component to an API it provides. */
  PROVIDES_API("providesApi", "apiProvidedBy"),
  /** API to its providers. */
  API_PROVIDED_BY("apiProvidedBy", "providesApi"),
  /** User to a Group. */
  MEMBER_OF("memberOf", "hasMember"),
  /** Group to its members. */
  HAS_MEMBER("hasMember", "memberOf"),
  /** Group to a child Group. */
  PARENT_OF("parentOf", "childOf"),
  /** Group to its parent Group. */
  CHILD_OF("childOf", "parentOf"),
  /** Component, System or agent to an AI model it uses (directly, or through a model server). */
  USES_MODEL("usesModel", "modelUsedBy"),
  /** Model to what uses it. */
  MODEL_USED_BY("modelUsedBy", "usesModel"),
  /** Model server API to a model it serves. */
  SERVES_MODEL("servesModel", "modelServedBy"),
  /** Model to the servers that serve it. */
  MODEL_SERVED_BY("modelServedBy", "servesModel"),
  /** Model to a dataset it was trained on. */
  TRAINED_ON("trainedOn", "trainingDataOf"),
  /** Dataset to the models trained on it. */
  TRAINING_DATA_OF("trainingDataOf", "trainedOn"),
  /** Model to a dataset it was evaluated on. */
  EVALUATED_ON("evaluatedOn", "evaluationDataOf"),
  /** Dataset to the models evaluated on it. */
  EVALUATION_DATA_OF("evaluationDataOf", "evaluatedOn"),
  /** Model to its base model, or dataset to its source dataset. */
  DERIVED_FROM("derivedFrom", "hasDerivative"),
  /** Model or dataset to what was derived from it. */
  HAS_DERIVATIVE("hasDerivative", "derivedFrom"),
  /** Component or agent to a dataset or store it retrieves from. */
  RETRIEVES_FROM("retrievesFrom", "retrievalSourceOf"),
  /** Dataset or store to what retrieves from it. */
  RETRIEVAL_SOURCE_OF("retrievalSourceOf", "retrievesFrom"),
  /** Agent to an entity it holds an access grant on (edge attributes: environment, permissions, expires, …). */
  HAS_ACCESS_TO("hasAccessTo", "accessibleBy"),
  /** Entity to the agents holding grants on it. */
  ACCESSIBLE_BY("accessibleBy", "hasAccessTo"),
  /** Agent to a tool API. */
  USES_TOOL("usesTool", "toolOf"),
  /** Tool API to the agents that use it. */
  TOOL_OF("toolOf", "usesTool"),
  /** Agent to an agent it hands off to. */
  DELEGATES_TO("delegatesTo", "delegatedFrom"),
  /** Agent to the agents that hand off to it. */
  DELEGATED_FROM("delegatedFrom", "delegatesTo");

  private final String id;
  private final String inverseId;

  Relation(String id, String inverseId) {
    this.id = id;
    this.inverseId = inverseId;
  }

  /**
   * The relation name as written in paths and reports, e.g. {@code usesModel}.
   *
   * @return the name
   */
  public String id() {
    return id;
  }

  /**
   * The relation in the other direction.
   *
   * @return the inverse relation
   */
  public Relation inverse() {
    return byId(inverseId).orElseThrow();
  }

  /**
   * Finds a relation by its name, ignoring case.
   *
   * @param id a relation name such as {@code trainedOn}
   * @return the relation, if the name is known
   */
  public static Optional<Relation> byId(String id) {
    for (Relation r : values()) {
      if (r.id.equalsIgnoreCase(id)) {
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
