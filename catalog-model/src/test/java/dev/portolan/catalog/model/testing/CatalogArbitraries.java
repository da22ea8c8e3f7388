package dev.portolan.catalog.model.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.FieldPath;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Shared jqwik arbitraries for catalog values: entity names, refs, field paths and entities. Other modules
 * use them through the catalog-model test jar.
 */
public final class CatalogArbitraries {

  private CatalogArbitraries() {}

  /**
   * Valid entity names: {@code [A-Za-z0-9]} runs separated by {@code -_.}, at most 63 characters.
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> entityNames() {
    Arbitrary<String> alnum = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
        .withCharRange('0', '9').ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> sep = Arbitraries.of("-", "_", ".", "--", "..");
    return Combinators.combine(alnum, sep, alnum, Arbitraries.integers().between(0, 2))
        .as((a, s, b, n) -> n == 0 ? a : n == 1 ? a + s + b : a + s + b + s + a)
        .filter(s -> s.length() <= 63);
  }

  /**
   * Valid namespaces: lower-case DNS labels.
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> namespaces() {
    Arbitrary<String> part = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
        .ofMinLength(1).ofMaxLength(12);
    return Combinators.combine(part, part, Arbitraries.of("", "-", "--")).as((a, b, s) -> s.isEmpty() ? a : a + s + b)
        .filter(s -> s.length() <= 63);
  }

  /**
   * Kinds as Backstage writes them, builtin and custom.
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> kinds() {
    return Arbitraries.oneOf(
        Arbitraries.of("Component", "API", "Resource", "System", "Domain", "Group", "User", "Location", "Template"),
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12));
  }

  /**
   * Any text that can be a ref part: no {@code :} or {@code /} in kinds, no {@code /} in namespaces, anything
   * in names; unicode included.
   *
   * @return refs whose {@code toString()} parses back to their lower-cased form
   */
  public static Arbitrary<EntityRef> anyRefs() {
    Arbitrary<String> kind = Arbitraries.strings().all().excludeChars(':', '/').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> ns = Arbitraries.strings().all().excludeChars('/').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> name = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12);
    return Combinators.combine(kind, ns, name).as(EntityRef::new);
  }

  /**
   * Refs made of valid kinds, namespaces and names.
   *
   * @return the arbitrary
   */
  public static Arbitrary<EntityRef> validRefs() {
    return Combinators.combine(kinds(), namespaces(), entityNames()).as(EntityRef::new);
  }

  /**
   * Field paths of any keys (including empty, dotted, quoted and unicode keys) and indices.
   *
   * @return the arbitrary
   */
  public static Arbitrary<FieldPath> fieldPaths() {
    Arbitrary<FieldPath.Segment> key = Arbitraries.oneOf(
        Arbitraries.of("metadata", "spec", "name", "annotations", "dependsOn", "backstage.io/x", "a b", "",
            "with\"quote", "back\\slash", "ünï", "x[0]", "1abc"),
        Arbitraries.strings().all().ofMaxLength(8)).map(FieldPath.Key::new);
    Arbitrary<FieldPath.Segment> index = Arbitraries.integers().between(0, 10_000).map(FieldPath.Index::new);
    return Arbitraries.oneOf(key, index).list().ofMaxSize(6).map(FieldPath::new);
  }

  /**
   * Valid Component entities with optional labels, tags and relation fields.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ObjectNode> validComponents() {
    return Combinators.combine(entityNames(), namespaces(), entityNames(),
            Arbitraries.of("service", "website", "library"), entityNames().list().ofMaxSize(3),
            Arbitraries.of(true, false))
        .as((name, ns, owner, type, deps, withNs) -> {
          JsonNodeFactory f = JsonNodeFactory.instance;
          ObjectNode e = f.objectNode();
          e.put("apiVersion", "backstage.io/v1alpha1");
          e.put("kind", "Component");
          ObjectNode meta = e.putObject("metadata");
          meta.put("name", name);
          if (withNs) {
            meta.put("namespace", ns);
          }
          ObjectNode spec = e.putObject("spec");
          spec.put("type", type);
          spec.put("lifecycle", "production");
          spec.put("owner", owner);
          if (!deps.isEmpty()) {
            spec.set("dependsOn", f.arrayNode().addAll(deps.stream()
                .map(d -> (JsonNode) f.textNode("component:" + d)).toList()));
          }
          return e;
        });
  }

  /**
   * JSON values of bounded depth, for round trips.
   *
   * @return the arbitrary
   */
  public static Arbitrary<JsonNode> jsonValues() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(10).filter(CatalogArbitraries::yamlPrintable)
            .map(s -> (JsonNode) f.textNode(s)),
        Arbitraries.longs().between(-1_000_000, 1_000_000).map(l -> (JsonNode) f.numberNode(l)),
        Arbitraries.of(true, false).map(b -> (JsonNode) f.booleanNode(b)),
        Arbitraries.just(f.nullNode()));
    Arbitrary<JsonNode> list = leaf.list().ofMaxSize(4).map(l -> (JsonNode) f.arrayNode().addAll(l));
    Arbitrary<JsonNode> obj = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6)
        .list().ofMaxSize(4).uniqueElements(), leaf.list().ofSize(4)).as((keys, vals) -> {
          ObjectNode o = f.objectNode();
          for (int i = 0; i < keys.size(); i++) {
            o.set(keys.get(i), vals.get(i));
          }
          return (JsonNode) o;
        });
    return Arbitraries.oneOf(leaf, list, obj);
  }

  /**
   * Whether every character of a text may appear in a YAML stream (YAML 1.2 c-printable).
   *
   * @param s the text
   * @return true when printable
   */
  public static boolean yamlPrintable(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
          || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      if (!ok) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /**
   * The builtin kinds, in Backstage's order.
   *
   * @return the kind names
   */
  public static List<String> builtinKinds() {
    return List.of("API", "Component", "Resource", "Group", "Location", "User", "System", "Domain");
  }
}
