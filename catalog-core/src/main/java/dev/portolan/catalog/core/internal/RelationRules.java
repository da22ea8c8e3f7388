package dev.portolan.catalog.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.Relation;
import dev.portolan.catalog.core.RelationType;
import dev.portolan.catalog.core.WellKnownRelation;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import dev.portolan.catalog.model.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The spec-field to relation tables of Backstage's relation-emitting processors, for both profiles:
 * {@code core} is {@code BuiltinKindsEntityProcessor} (every target kind, both directions always);
 * {@code app} is {@code ModelProcessor} over the default, AI and MCP model layers (targets outside a
 * field's allowed kinds dropped, the reverse row only for declared kind pairs) plus
 * {@code ScaffolderEntitiesProcessor} for Templates.
 */
public final class RelationRules {

  private static final WellKnownRelation OWNED_BY = WellKnownRelation.OWNED_BY;
  private static final WellKnownRelation PART_OF = WellKnownRelation.PART_OF;
  private static final WellKnownRelation HAS_PART = WellKnownRelation.HAS_PART;
  private static final WellKnownRelation DEPENDS_ON = WellKnownRelation.DEPENDS_ON;
  private static final WellKnownRelation DEPENDENCY_OF = WellKnownRelation.DEPENDENCY_OF;

  /**
   * One relation field.
   *
   * @param field the key under {@code spec}
   * @param defaultKind the kind of shorthand refs, null when refs must carry one
   * @param relation the forward relation
   * @param allowedKinds target kinds kept (lower case); null for any
   */
  record Field(String field, String defaultKind, WellKnownRelation relation, Set<String> allowedKinds) {}

  private static Field f(String field, String defaultKind, WellKnownRelation relation, String... allowed) {
    Set<String> a = null;
    if (allowed.length > 0) {
      a = new java.util.HashSet<>();
      for (String k : allowed) {
        a.add(k.toLowerCase(Locale.ROOT));
      }
    }
    return new Field(field, defaultKind, relation, a == null ? null : Set.copyOf(a));
  }

  private static final Map<String, List<Field>> CORE = Map.of(
      "Component", List.of(f("owner", "Group", OWNED_BY), f("subcomponentOf", "Component", PART_OF),
          f("providesApis", "API", WellKnownRelation.PROVIDES_API),
          f("consumesApis", "API", WellKnownRelation.CONSUMES_API), f("dependsOn", null, DEPENDS_ON),
          f("dependencyOf", null, DEPENDENCY_OF), f("system", "System", PART_OF)),
      "API", List.of(f("owner", "Group", OWNED_BY), f("system", "System", PART_OF)),
      "Resource", List.of(f("owner", "Group", OWNED_BY), f("dependsOn", null, DEPENDS_ON),
          f("dependencyOf", null, DEPENDENCY_OF), f("system", "System", PART_OF)),
      "User", List.of(f("memberOf", "Group", WellKnownRelation.MEMBER_OF)),
      "Group", List.of(f("parent", "Group", WellKnownRelation.CHILD_OF),
          f("children", "Group", WellKnownRelation.PARENT_OF), f("members", "User", WellKnownRelation.HAS_MEMBER)),
      "System", List.of(f("owner", "Group", OWNED_BY), f("domain", "Domain", PART_OF)),
      "Domain", List.of(f("owner", "Group", OWNED_BY), f("subdomainOf", "Domain", PART_OF)));

  private static final List<String> CORE_SORTED = List.of(
      "providesApis", "consumesApis", "dependsOn", "dependencyOf", "memberOf", "children", "members");

  private static final Field APP_OWNER = f("owner", "Group", OWNED_BY, "Group", "User");
  private static final List<Field> AI_BASE = List.of(APP_OWNER, f("system", "System", PART_OF, "System"));

  /** App model: kind (exact) + optional spec type → fields. Key "Kind" or "Kind\0type". */
  private static final Map<String, List<Field>> APP = Map.ofEntries(
      Map.entry("AiResource", AI_BASE),
      Map.entry("AiResource\0rule", AI_BASE),
      Map.entry("AiResource\0skill", concat(AI_BASE, f("dependsOn", "AiResource", DEPENDS_ON, "AiResource"))),
      Map.entry("AiResource\0plugin", concat(AI_BASE, f("skills", "AiResource", HAS_PART, "AiResource"))),
      Map.entry("AiResource\0marketplace", concat(AI_BASE, f("plugins", "AiResource", HAS_PART, "AiResource"))),
      Map.entry("API", List.of(APP_OWNER, f("system", "System", PART_OF))),
      Map.entry("Component", List.of(APP_OWNER, f("subcomponentOf", "Component", PART_OF),
          f("providesApis", "API", WellKnownRelation.PROVIDES_API),
          f("consumesApis", "API", WellKnownRelation.CONSUMES_API), f("dependsOn", null, DEPENDS_ON),
          f("dependencyOf", null, DEPENDENCY_OF), f("system", "System", PART_OF))),
      Map.entry("Domain", List.of(APP_OWNER, f("subdomainOf", "Domain", PART_OF))),
      Map.entry("Group", List.of(f("parent", "Group", WellKnownRelation.CHILD_OF, "Group"),
          f("children", "Group", WellKnownRelation.PARENT_OF, "Group"),
          f("members", "User", WellKnownRelation.HAS_MEMBER, "User"))),
      Map.entry("Resource", List.of(APP_OWNER, f("dependsOn", null, DEPENDS_ON),
          f("dependencyOf", null, DEPENDENCY_OF), f("system", "System", PART_OF))),
      Map.entry("System", List.of(APP_OWNER, f("domain", "Domain", PART_OF))),
      Map.entry("User", List.of(f("memberOf", "Group", WellKnownRelation.MEMBER_OF, "Group"))));

  private static final Set<String> APP_KINDS_WITH_TYPES = Set.of("AiResource");

  private static final String ALL_OWNABLE = "api,component,domain,group,location,resource,system,user,airesource";

  /** Declared model pairs: lower-case source kind → forward relation id → lower-case target kinds. */
  private static final Map<String, Map<String, Set<String>>> APP_PAIRS = Map.of(
      "airesource", Map.of("ownedBy", kinds("group,user"), "dependsOn", kinds("airesource"),
          "dependencyOf", kinds("airesource"), "partOf", kinds("system,airesource"), "hasPart", kinds("airesource")),
      "api", Map.of("ownedBy", kinds("group,user"), "apiProvidedBy", kinds("component"),
          "apiConsumedBy", kinds("component"), "partOf", kinds("component,system")),
      "component", Map.of("ownedBy", kinds("group,user"), "providesApi", kinds("api"), "consumesApi", kinds("api"),
          "dependsOn", kinds("component,resource"), "dependencyOf", kinds("component,resource"),
          "partOf", kinds("component,system"), "hasPart", kinds("component,api,resource")),
      "domain", Map.of("ownedBy", kinds("group,user"), "partOf", kinds("domain"), "hasPart", kinds("system,domain")),
      "group", Map.of("ownedBy", kinds("group,user"), "ownerOf", kinds(ALL_OWNABLE), "parentOf", kinds("group"),
          "childOf", kinds("group"), "hasMember", kinds("user")),
      "location", Map.of("ownedBy", kinds("group,user")),
      "resource", Map.of("ownedBy", kinds("group,user"), "dependsOn", kinds("component,resource"),
          "dependencyOf", kinds("component,resource"), "partOf", kinds("component,system")),
      "system", Map.of("ownedBy", kinds("group,user"), "partOf", kinds("domain"),
          "hasPart", kinds("component,api,resource,airesource")),
      "user", Map.of("ownedBy", kinds("group,user"), "ownerOf", kinds(ALL_OWNABLE), "memberOf", kinds("group")));

  private static Set<String> kinds(String csv) {
    return Set.of(csv.split(","));
  }

  private static List<Field> concat(List<Field> a, Field b) {
    List<Field> out = new ArrayList<>(a);
    out.add(b);
    return List.copyOf(out);
  }

  private final Profile profile;

  /**
   * The rules of one profile.
   *
   * @param profile the profile
   */
  public RelationRules(Profile profile) {
    this.profile = profile;
  }

  private List<Field> fieldsOf(JsonNode entity) {
    String kind = entity.path("kind").asText("");
    if (profile == Profile.CORE) {
      return CORE.getOrDefault(kind, List.of());
    }
    if (APP_KINDS_WITH_TYPES.contains(kind)) {
      JsonNode type = entity.path("spec").get("type");
      if (type != null && type.isTextual() && APP.containsKey(kind + "\0" + type.textValue())) {
        return APP.get(kind + "\0" + type.textValue());
      }
    }
    return APP.getOrDefault(kind, List.of());
  }

  /**
   * Sorts the relation arrays that hold only strings, as the processors' {@code preProcessEntity} does
   * (UTF-16 code unit order). Mutates the entity.
   *
   * @param entity the entity
   */
  public void sortRelationFields(ObjectNode entity) {
    JsonNode spec = entity.get("spec");
    if (!(spec instanceof ObjectNode s)) {
      return;
    }
    List<String> fields = profile == Profile.CORE ? CORE_SORTED : fieldsOf(entity).stream().map(Field::field).toList();
    for (String field : fields) {
      JsonNode v = s.get(field);
      if (v instanceof ArrayNode arr) {
        List<String> items = new ArrayList<>(arr.size());
        for (JsonNode i : arr) {
          if (!i.isTextual()) {
            items = null;
            break;
          }
          items.add(i.textValue());
        }
        if (items != null) {
          items.sort(null);
          ArrayNode sorted = arr.arrayNode(items.size());
          items.forEach(sorted::add);
          s.set(field, sorted);
        }
      }
    }
  }

  /**
   * The relation rows the profile's processors emit for a valid, namespace-defaulted entity, both
   * directions, in emission order, duplicates kept.
   *
   * @param entity the processed entity
   * @param self the entity's ref
   * @return the rows
   */
  public List<Relation> emit(JsonNode entity, EntityRef self) {
    return emit(entity, self, r -> r);
  }

  /**
   * As {@link #emit(JsonNode, EntityRef)}, passing every target ref through {@code canonical} (to share
   * equal refs between entities).
   *
   * @param entity the processed entity
   * @param self the entity's normalised ref
   * @param canonical maps a normalised ref to the shared instance
   * @return the rows
   */
  public List<Relation> emit(JsonNode entity, EntityRef self,
      java.util.function.UnaryOperator<EntityRef> canonical) {
    List<Relation> out = new ArrayList<>();
    String namespace = self.namespace();
    JsonNode spec = entity.path("spec");
    String selfKind = self.kind().toLowerCase(Locale.ROOT);
    for (Field field : fieldsOf(entity)) {
      JsonNode value = spec.get(field.field());
      if (value == null || !JsValues.truthy(value)) {
        continue;
      }
      FieldPath base = FieldPath.of("spec", field.field());
      List<Map.Entry<FieldPath, JsonNode>> items = new ArrayList<>();
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          items.add(Map.entry(base.index(i), value.get(i)));
        }
      } else {
        items.add(Map.entry(base, value));
      }
      for (Map.Entry<FieldPath, JsonNode> item : items) {
        JsonNode v = item.getValue();
        if (profile == Profile.APP && (!v.isTextual() || v.textValue().isEmpty())) {
          continue;
        }
        Optional<EntityRef> target = parse(v, field.defaultKind(), namespace);
        if (target.isEmpty()) {
          continue;
        }
        EntityRef t = canonical.apply(target.get().normalized());
        String targetKind = t.kind().toLowerCase(Locale.ROOT);
        if (profile == Profile.APP && field.allowedKinds() != null && !field.allowedKinds().contains(targetKind)) {
          continue;
        }
        Optional<FieldPath> path = Optional.of(item.getKey());
        out.add(new Relation(self, field.relation(), t, self, path));
        if (profile == Profile.CORE || reverseDeclared(selfKind, field.relation(), targetKind)) {
          out.add(new Relation(t, field.relation().inverse(), self, self, path));
        }
      }
    }
    if (profile == Profile.APP && "Template".equals(entity.path("kind").asText())
        && "scaffolder.backstage.io/v1beta3".equals(entity.path("apiVersion").asText())) {
      JsonNode owner = spec.get("owner");
      if (owner != null && JsValues.truthy(owner)) {
        Optional<EntityRef> t = parse(owner, "Group", namespace).map(r -> canonical.apply(r.normalized()));
        if (t.isPresent()) {
          Optional<FieldPath> path = Optional.of(FieldPath.of("spec", "owner"));
          out.add(new Relation(self, OWNED_BY, t.get(), self, path));
          out.add(new Relation(t.get(), WellKnownRelation.OWNER_OF, self, self, path));
        }
      }
    }
    return out;
  }

  private static boolean reverseDeclared(String selfKind, RelationType relation, String targetKind) {
    Map<String, Set<String>> pairs = APP_PAIRS.get(selfKind);
    if (pairs == null) {
      return false;
    }
    Set<String> to = pairs.get(relation.id());
    return to != null && to.contains(targetKind);
  }

  /**
   * {@code parseEntityRef} on any JSON value: strings in the short form, objects in the compound
   * {@code {kind, namespace, name}} form.
   */
  static Optional<EntityRef> parse(JsonNode v, String defaultKind, String defaultNamespace) {
    try {
      if (v.isTextual()) {
        return Optional.of(EntityRef.parse(v.textValue(), Optional.ofNullable(defaultKind),
            Optional.of(defaultNamespace)));
      }
      if (v.isObject()) {
        String kind = part(v.get("kind")).orElse(defaultKind);
        String ns = part(v.get("namespace")).orElse(defaultNamespace);
        Optional<String> name = part(v.get("name"));
        if (kind == null || kind.isEmpty() || ns.isEmpty() || name.isEmpty() || name.get().isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new EntityRef(kind, ns, name.get()));
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<String> part(JsonNode n) {
    return n != null && n.isTextual() ? Optional.of(n.textValue()) : Optional.empty();
  }
}
