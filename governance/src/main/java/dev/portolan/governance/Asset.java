package dev.portolan.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.portolan.governance.internal.Fields;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A catalog entity as governance sees it: its canonical ref, its kind with alias casing normalised, its
 * {@link AssetType} after alias resolution, the entity document and where it was read from. Immutable.
 */
public final class Asset {

  private final String ref;
  private final String kind;
  private final AssetType assetType;
  private final JsonNode document;
  private final SourceLocation location;
  private final Function<String, int[]> positions;
  private final String kindLower;
  private final String specTypeLower;
  int index = -1;

  Asset(String ref, String kind, AssetType assetType, JsonNode document, SourceLocation location,
      Map<String, int[]> positions) {
    this(ref, kind, assetType, document, location, (Function<String, int[]>) positions::get);
  }

  /**
   * An asset whose field positions are looked up by a function: dotted field path to {@code {line, column}},
   * or null when the function does not know the field (its parents are tried next).
   */
  Asset(String ref, String kind, AssetType assetType, JsonNode document, SourceLocation location,
      Function<String, int[]> positions) {
    this.ref = Objects.requireNonNull(ref);
    this.kind = Objects.requireNonNull(kind);
    this.assetType = Objects.requireNonNull(assetType);
    this.document = Objects.requireNonNull(document);
    this.location = location;
    this.positions = positions;
    this.kindLower = kind.toLowerCase(Locale.ROOT);
    this.specTypeLower = Fields.text(document.path("spec").path("type")).orElse("").toLowerCase(Locale.ROOT);
  }

  String kindLower() {
    return kindLower;
  }

  String specTypeLower() {
    return specTypeLower;
  }

  /**
   * The canonical lower-case ref, {@code kind:namespace/name}.
   *
   * @return the ref
   */
  public String ref() {
    return ref;
  }

  /**
   * The kind, with the casing of the canonical encoding ({@code AIResource} reads as {@code AiResource}).
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * What the entity is for governance.
   *
   * @return the asset type
   */
  public AssetType assetType() {
    return assetType;
  }

  /**
   * The value of {@code spec.type}.
   *
   * @return the type, or empty
   */
  public Optional<String> specType() {
    return text("spec.type");
  }

  /**
   * The value at a dotted field path such as {@code spec.governance.exposure} or {@code spec.trainedOn[0]}.
   *
   * @param fieldPath the path
   * @return the value, or empty when absent or null
   */
  public Optional<JsonNode> field(String fieldPath) {
    JsonNode n = Fields.at(document, fieldPath);
    return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.deepCopy());
  }

  /**
   * The text at a dotted field path; booleans read as {@code yes}/{@code no}, numbers as their text.
   *
   * @param fieldPath the path
   * @return the text, or empty when absent or not a scalar
   */
  public Optional<String> text(String fieldPath) {
    return Fields.text(Fields.at(document, fieldPath));
  }

  /**
   * The file, line and column of the entity, when it was read from a file.
   *
   * @return the location
   */
  public Optional<SourceLocation> location() {
    return Optional.ofNullable(location);
  }

  /**
   * Where a field was written, falling back to the closest written parent, then to the entity itself.
   *
   * @param fieldPath the dotted field path
   * @return the location, when the entity was read from a file
   */
  public Optional<SourceLocation> location(String fieldPath) {
    if (location == null) {
      return Optional.empty();
    }
    String p = fieldPath;
    while (p != null && !p.isEmpty()) {
      int[] pos = positions.apply(p);
      if (pos != null) {
        return Optional.of(new SourceLocation(location.file(), pos[0], pos[1]));
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut <= 0 ? null : p.substring(0, cut);
    }
    return Optional.of(location);
  }

  /**
   * The entity in the canonical encoding, as YAML: {@code AiResource} kind casing with apiVersion {@code
   * backstage.io/v1alpha1}, SPDX presence values ({@code usesSensitivePersonalInformation}, {@code
   * personalData.present}) as the strings {@code yes}/{@code no} even when read as booleans, and every string
   * a YAML 1.1 reader would misread (yes, no, on, dates, numbers) double-quoted.
   *
   * @return block YAML
   */
  public String toYaml() {
    com.fasterxml.jackson.databind.node.ObjectNode copy = document.deepCopy();
    if (kind.equals("AiResource")) {
      copy.put("kind", "AiResource");
      copy.put("apiVersion", "backstage.io/v1alpha1");
    }
    JsonNode spec = copy.path("spec");
    if (spec.isObject()) {
      presence((com.fasterxml.jackson.databind.node.ObjectNode) spec, "usesSensitivePersonalInformation");
      if (spec.path("personalData").isObject()) {
        presence((com.fasterxml.jackson.databind.node.ObjectNode) spec.path("personalData"), "present");
      }
    }
    return dev.portolan.governance.internal.CanonicalYaml.write(copy);
  }

  private static void presence(com.fasterxml.jackson.databind.node.ObjectNode o, String field) {
    JsonNode v = o.path(field);
    if (v.isBoolean()) {
      o.put(field, v.booleanValue() ? "yes" : "no");
    }
  }

  /** The raw tree, not copied; for the engine only. */
  JsonNode tree() {
    return document;
  }

  /**
   * The lifecycle in lower case.
   *
   * @return {@code spec.lifecycle}, or empty
   */
  public Optional<String> lifecycle() {
    return text("spec.lifecycle").map(s -> s.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return ref;
  }

  static JsonNode missing() {
    return MissingNode.getInstance();
  }
}
