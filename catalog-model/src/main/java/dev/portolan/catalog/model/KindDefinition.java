package dev.portolan.catalog.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A kind the user adds to the catalog: an exact {@code apiVersion} and {@code kind} (both case-sensitive,
 * as in Backstage) with either a JSON Schema (draft-07, validated against the whole entity, Backstage's
 * {@code Entity} schema may be referenced as {@code {"$ref": "Entity"}}) or a Java {@link KindValidator}.
 * Entities of unregistered kinds are rejected as Backstage rejects them ("No processor recognized ...").
 */
public final class KindDefinition {

  private final String apiVersion;
  private final String kind;
  private final String jsonSchema;
  private final KindValidator validator;

  private KindDefinition(String apiVersion, String kind, String jsonSchema, KindValidator validator) {
    this.apiVersion = requireText(apiVersion, "apiVersion");
    this.kind = requireText(kind, "kind");
    this.jsonSchema = jsonSchema;
    this.validator = validator;
  }

  private static String requireText(String s, String what) {
    Objects.requireNonNull(s, what);
    if (s.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return s;
  }

  /**
   * A kind validated by a JSON Schema.
   *
   * @param apiVersion the exact apiVersion, e.g. {@code acme.com/v1}
   * @param kind the exact kind, e.g. {@code Product}
   * @param jsonSchema the schema text
   * @return the definition
   */
  public static KindDefinition ofSchema(String apiVersion, String kind, String jsonSchema) {
    return new KindDefinition(apiVersion, kind, Objects.requireNonNull(jsonSchema, "jsonSchema"), null);
  }

  /**
   * A kind validated by Java code.
   *
   * @param apiVersion the exact apiVersion
   * @param kind the exact kind
   * @param validator the validator
   * @return the definition
   */
  public static KindDefinition ofValidator(String apiVersion, String kind, KindValidator validator) {
    return new KindDefinition(apiVersion, kind, null, Objects.requireNonNull(validator, "validator"));
  }

  /**
   * The apiVersion.
   *
   * @return the exact apiVersion
   */
  public String apiVersion() {
    return apiVersion;
  }

  /**
   * The kind.
   *
   * @return the exact kind
   */
  public String kind() {
    return kind;
  }

  /**
   * The JSON Schema text, for schema definitions.
   *
   * @return the schema
   */
  public Optional<String> jsonSchema() {
    return Optional.ofNullable(jsonSchema);
  }

  /**
   * The validator, for code definitions.
   *
   * @return the validator
   */
  public Optional<KindValidator> validator() {
    return Optional.ofNullable(validator);
  }

  @Override
  public String toString() {
    return kind + " (" + apiVersion + ")";
  }
}
