package dev.portolan.catalog.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog entity: the envelope {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec} (and the
 * output-only {@code relations} and {@code status}), with every other field kept losslessly.
 *
 * <p>An entity is immutable: it holds a private copy of its JSON tree, and every accessor that returns JSON
 * returns a fresh copy. {@link #toJson()} gives back exactly the document it was made from, unknown fields
 * and key order included.
 *
 * <p>Accessors are lenient so that an invalid document can still be inspected: a missing or non-string
 * {@code apiVersion}, {@code kind} or {@code metadata.name} reads as the empty string, and {@link #ref()} is
 * empty when the kind or name is missing. Entities returned as valid by {@link CatalogModel} always have
 * all three.
 */
public final class Entity {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode node;

  private Entity(ObjectNode node) {
    this.node = node;
  }

  /**
   * Creates an entity from a JSON object, copying it.
   *
   * @param json a JSON object
   * @return the entity
   * @throws IllegalArgumentException if the value is not an object
   */
  public static Entity of(JsonNode json) {
    Objects.requireNonNull(json, "json");
    if (!json.isObject()) {
      throw new IllegalArgumentException("an entity must be a JSON object, found " + json.getNodeType());
    }
    return new Entity(((ObjectNode) json).deepCopy());
  }

  /**
   * Parses an entity from JSON text.
   *
   * @param json the JSON text of one object
   * @return the entity
   * @throws PortolanException if the text is not a JSON object
   */
  public static Entity parseJson(String json) {
    try {
      JsonNode n = MAPPER.readTree(json);
      if (n == null || !n.isObject()) {
        throw new PortolanException("an entity must be a JSON object");
      }
      return new Entity((ObjectNode) n);
    } catch (JsonProcessingException e) {
      throw new PortolanException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Wraps a tree the caller gives up; for this package's factories. */
  static Entity adopt(ObjectNode node) {
    return new Entity(node);
  }

  /**
   * {@code apiVersion}, or the empty string when absent or not a string.
   *
   * @return the api version
   */
  public String apiVersion() {
    return text(node.get("apiVersion")).orElse("");
  }

  /**
   * {@code kind} as written, or the empty string when absent or not a string.
   *
   * @return the kind
   */
  public String kind() {
    return text(node.get("kind")).orElse("");
  }

  /**
   * The canonical ref {@code kind:namespace/name}, the namespace defaulting to
   * {@value EntityRef#DEFAULT_NAMESPACE}.
   *
   * @return the ref, empty when the kind or the name is missing or empty
   */
  public Optional<EntityRef> ref() {
    String kind = kind();
    String name = metadata().name();
    if (kind.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new EntityRef(kind, metadata().namespaceOrDefault(), name));
  }

  /**
   * A typed view of {@code metadata}.
   *
   * @return the metadata view
   */
  public EntityMetadata metadata() {
    JsonNode m = node.path("metadata");
    Map<String, String> labels = stringMap(m.get("labels"));
    Map<String, String> annotations = stringMap(m.get("annotations"));
    List<String> tags = new ArrayList<>();
    if (m.path("tags").isArray()) {
      for (JsonNode t : m.get("tags")) {
        if (t.isTextual()) {
          tags.add(t.textValue());
        }
      }
    }
    List<EntityLink> links = new ArrayList<>();
    if (m.path("links").isArray()) {
      for (JsonNode l : m.get("links")) {
        Optional<String> url = text(l.get("url"));
        if (l.isObject() && url.isPresent()) {
          links.add(new EntityLink(url.get(), text(l.get("title")), text(l.get("icon")), text(l.get("type"))));
        }
      }
    }
    return new EntityMetadata(
        text(m.get("name")).orElse(""),
        text(m.get("namespace")),
        text(m.get("title")),
        text(m.get("description")),
        labels,
        annotations,
        tags,
        links,
        text(m.get("uid")),
        text(m.get("etag")));
  }

  /**
   * The output-only {@code relations} of an entity returned by a catalog (descriptor files must not have
   * them). Entries without a string {@code type} and {@code targetRef} are left out.
   *
   * @return the relations, in document order
   */
  public List<EntityRelation> relations() {
    List<EntityRelation> out = new ArrayList<>();
    JsonNode r = node.get("relations");
    if (r != null && r.isArray()) {
      for (JsonNode rel : r) {
        Optional<String> type = text(rel.get("type"));
        Optional<String> target = text(rel.get("targetRef"));
        if (type.isPresent() && target.isPresent()) {
          out.add(new EntityRelation(type.get(), target.get()));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * A copy of {@code spec}.
   *
   * @return the spec, an empty object when absent or not an object
   */
  public ObjectNode spec() {
    JsonNode s = node.get("spec");
    return s != null && s.isObject() ? ((ObjectNode) s).deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  /**
   * A string field of {@code spec}, such as {@code spec.type} or {@code spec.owner}.
   *
   * @param field the spec key
   * @return the value, when present and a string
   */
  public Optional<String> specString(String field) {
    return text(node.path("spec").get(field));
  }

  /**
   * The strings of a {@code spec} field that holds one string or a list of strings (relation fields such
   * as {@code spec.dependsOn}). Non-string items are left out.
   *
   * @param field the spec key
   * @return the strings, in document order
   */
  public List<String> specStrings(String field) {
    JsonNode v = node.path("spec").get(field);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v.isTextual()) {
      out.add(v.textValue());
    } else if (v.isArray()) {
      for (JsonNode i : v) {
        if (i.isTextual()) {
          out.add(i.textValue());
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The typed view of {@code spec} for the kinds Backstage ships, chosen by the exact {@code kind}
   * ({@code Template} also needs {@code apiVersion: scaffolder.backstage.io/v1beta3}).
   *
   * @return the view, empty for other kinds
   */
  public Optional<KindSpec> kindSpec() {
    JsonNode s = node.path("spec");
    return Optional.ofNullable(switch (kind()) {
      case "Component" -> new ComponentSpec(str(s, "type"), str(s, "lifecycle"), str(s, "owner"),
          text(s.get("system")), text(s.get("subcomponentOf")), specStrings("providesApis"),
          specStrings("consumesApis"), specStrings("dependsOn"), specStrings("dependencyOf"));
      case "API" -> {
        List<ApiSpec.McpRemote> remotes = new ArrayList<>();
        if (s.path("remotes").isArray()) {
          for (JsonNode r : s.get("remotes")) {
            if (r.path("type").isTextual() && r.path("url").isTextual()) {
              remotes.add(new ApiSpec.McpRemote(r.get("type").textValue(), r.get("url").textValue()));
            }
          }
        }
        yield new ApiSpec(str(s, "type"), str(s, "lifecycle"), str(s, "owner"), text(s.get("system")),
            text(s.get("definition")), remotes);
      }
      case "Resource" -> new ResourceSpec(str(s, "type"), str(s, "owner"), text(s.get("system")),
          specStrings("dependsOn"), specStrings("dependencyOf"));
      case "System" -> new SystemSpec(str(s, "owner"), text(s.get("domain")), text(s.get("type")));
      case "Domain" -> new DomainSpec(str(s, "owner"), text(s.get("subdomainOf")), text(s.get("type")));
      case "Group" -> new GroupSpec(str(s, "type"), profile(s.get("profile")), text(s.get("parent")),
          specStrings("children"), specStrings("members"));
      case "User" -> new UserSpec(profile(s.get("profile")), specStrings("memberOf"));
      case "Location" -> new LocationSpec(text(s.get("type")), text(s.get("target")), specStrings("targets"),
          text(s.get("presence")));
      case "AiResource" -> new AiResourceSpec(str(s, "type"), str(s, "lifecycle"), str(s, "owner"),
          text(s.get("system")), text(s.get("version")), specStrings("dependsOn"), specStrings("skills"),
          specStrings("plugins"));
      case "Template" -> {
        if (!"scaffolder.backstage.io/v1beta3".equals(apiVersion())) {
          yield null;
        }
        List<TemplateSpec.Step> steps = new ArrayList<>();
        if (s.path("steps").isArray()) {
          for (JsonNode st : s.get("steps")) {
            if (st.isObject()) {
              steps.add(new TemplateSpec.Step(text(st.get("id")), text(st.get("name")),
                  text(st.get("action")).orElse("")));
            }
          }
        }
        yield new TemplateSpec(str(s, "type"), text(s.get("owner")), text(s.get("lifecycle")), steps);
      }
      default -> null;
    });
  }

  private static String str(JsonNode spec, String field) {
    return text(spec.get(field)).orElse("");
  }

  private static Optional<ContactProfile> profile(JsonNode p) {
    if (p == null || !p.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new ContactProfile(text(p.get("displayName")), text(p.get("email")), text(p.get("picture"))));
  }

  /**
   * A copy of the value at a path.
   *
   * @param path the field path
   * @return the value, empty when nothing is there
   */
  public Optional<JsonNode> at(FieldPath path) {
    JsonNode cur = node;
    for (FieldPath.Segment s : path.segments()) {
      if (s instanceof FieldPath.Key k) {
        cur = cur.isObject() ? cur.get(k.name()) : null;
      } else {
        cur = cur.isArray() ? cur.get(((FieldPath.Index) s).index()) : null;
      }
      if (cur == null) {
        return Optional.empty();
      }
    }
    return Optional.of(cur.deepCopy());
  }

  /**
   * A copy of the whole document.
   *
   * @return the JSON tree, equal to the document the entity was made from
   */
  public ObjectNode toJson() {
    return node.deepCopy();
  }

  /**
   * The whole document as compact JSON text.
   *
   * @return the JSON text
   */
  public String toJsonString() {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new PortolanException("cannot write entity as JSON", e);
    }
  }

  /**
   * The whole document as block-style YAML that reads back to this entity.
   *
   * @return the YAML text
   */
  public String toYamlString() {
    return dev.portolan.catalog.model.internal.YamlWriter.write(node);
  }

  private static Optional<String> text(JsonNode n) {
    return n != null && n.isTextual() ? Optional.of(n.textValue()) : Optional.empty();
  }

  private static Map<String, String> stringMap(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual()) {
          out.put(e.getKey(), e.getValue().textValue());
        }
      }
    }
    return out;
  }

  /** Entities are equal when their documents are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Entity other && node.equals(other.node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  /** The entity's ref, or its JSON text when it has none. */
  @Override
  public String toString() {
    return ref().map(EntityRef::toString).orElseGet(this::toJsonString);
  }
}
