package dev.portolan.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.governance.internal.Fields;
import dev.portolan.governance.internal.YamlTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named set of rules plus the named predicates they use. Read from YAML:
 *
 * <pre>
 * apiVersion: portolan.dev/v1alpha1
 * kind: RulePack
 * metadata: { name: my-pack, description: ... }
 * predicates:
 *   productionFacing: { all: [ { field: spec.lifecycle, equals: production }, ... ] }
 * rules:
 *   - id: ORG-01
 *     title: ...
 *     severity: high
 *     appliesTo: { kinds: [Component], where: "@productionFacing" }
 *     require: { field: spec.governance.euAiAct.riskTier, exists: true }
 * </pre>
 *
 * <p>A file may also hold just a {@code rules:} list, or one rule per YAML document. The four built-in packs
 * are {@link #CATALOG_HYGIENE}, {@link #AI_INVENTORY}, {@link #EU_AI_ACT} and {@link #AGENT_SECURITY}.
 */
public final class RulePack {

  /** Built-in pack: ownership, registration and shadow AI (INV-01..03, SEC-01). */
  public static final String CATALOG_HYGIENE = "catalog-hygiene";
  /** Built-in pack: model and dataset documentation, lineage and approval (MDL-01..06, DAT-01..03). */
  public static final String AI_INVENTORY = "ai-inventory";
  /** Built-in pack: EU AI Act and GDPR obligations (EUA-01..06, PRV-01..03). */
  public static final String EU_AI_ACT = "eu-ai-act";
  /** Built-in pack: agents with production access (AGT-01..07, SEC-02). */
  public static final String AGENT_SECURITY = "agent-security";

  private static final List<String> BUILT_IN = List.of(CATALOG_HYGIENE, AI_INVENTORY, EU_AI_ACT, AGENT_SECURITY);

  private final String name;
  private final String description;
  private final List<Rule> rules;
  private final Map<String, Condition> predicates;

  RulePack(String name, String description, List<Rule> rules, Map<String, Condition> predicates) {
    this.name = Objects.requireNonNull(name);
    this.description = description == null ? "" : description;
    this.rules = List.copyOf(rules);
    this.predicates = Map.copyOf(predicates);
  }

  /**
   * A pack of Java rules.
   *
   * @param name the pack name
   * @param rules the rules
   * @return the pack
   */
  public static RulePack of(String name, List<Rule> rules) {
    return new RulePack(name, "", rules, Map.of());
  }

  /**
   * The names of the built-in packs.
   *
   * @return the names, in a fixed order
   */
  public static List<String> builtInNames() {
    return BUILT_IN;
  }

  /**
   * A built-in pack.
   *
   * @param name one of {@link #builtInNames()}
   * @return the pack
   * @throws GovernanceException when no such pack exists
   */
  public static RulePack builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new GovernanceException(null, 0, 0, null, null, "expected a built-in pack " + BUILT_IN + ", found '" + name + "'");
    }
    return parse(resource("packs/" + name + ".yaml"), "builtin:" + name);
  }

  /**
   * Every built-in pack.
   *
   * @return the four packs
   */
  public static List<RulePack> builtIns() {
    List<RulePack> out = new ArrayList<>();
    for (String n : BUILT_IN) {
      out.add(builtIn(n));
    }
    return out;
  }

  /**
   * Reads a pack file.
   *
   * @param file the YAML file
   * @return the pack
   * @throws GovernanceException when the file cannot be read or is malformed
   */
  public static RulePack load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new GovernanceException(file.toString(), 0, 0, null, null, "expected a readable rules file, found " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /**
   * Parses pack YAML.
   *
   * @param yaml the text
   * @param file the name used in errors
   * @return the pack
   * @throws GovernanceException naming file, line, column, rule id and field path of the first problem
   */
  public static RulePack parse(String yaml, String file) {
    List<YamlTrees.Document> docs = YamlTrees.parseAll(yaml, file);
    String name = null;
    String description = null;
    List<Rule> rules = new ArrayList<>();
    Map<String, Condition> predicates = new LinkedHashMap<>();
    for (YamlTrees.Document d : docs) {
      JsonNode t = d.tree();
      if (t == null || t.isNull()) {
        continue;
      }
      RuleParser p = new RuleParser(file, d);
      if (t.isArray()) {
        for (int i = 0; i < t.size(); i++) {
          rules.add(p.rule(t.get(i), "[" + i + "]"));
        }
      } else if (t.isObject() && (t.has("rules") || t.has("predicates"))) {
        if (name == null) {
          name = Fields.text(t.path("metadata").path("name")).orElse(null);
          description = Fields.text(t.path("metadata").path("description")).orElse(null);
        }
        predicates.putAll(p.predicates(t.path("predicates"), "predicates"));
        JsonNode rs = t.path("rules");
        if (!rs.isMissingNode() && !rs.isArray()) {
          throw p.error("rules", "expected a list of rules, found " + Condition.describe(rs));
        }
        for (int i = 0; i < rs.size(); i++) {
          rules.add(p.rule(rs.get(i), "rules[" + i + "]"));
        }
      } else if (t.isObject() && t.has("id")) {
        rules.add(p.rule(t, ""));
      } else {
        throw p.error("", "expected a rule pack (rules:, predicates:), a list of rules or one rule, found " + Condition.describe(t));
      }
    }
    Set<String> ids = new HashSet<>();
    for (Rule r : rules) {
      if (!ids.add(r.id())) {
        throw new GovernanceException(file, 0, 0, r.id(), "id", "expected unique rule ids, found '" + r.id() + "' twice");
      }
    }
    if (name == null) {
      String base = file.replace('\\', '/');
      name = base.substring(base.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
    }
    return new RulePack(name, description, rules, predicates);
  }

  static Map<String, Condition> defaultPredicates() {
    return parse(resource("packs/predicates.yaml"), "builtin:predicates").predicates;
  }

  private static String resource(String name) {
    try (InputStream in = RulePack.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new GovernanceException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the pack name */
  public String name() {
    return name;
  }

  /** @return the description, possibly empty */
  public String description() {
    return description;
  }

  /** @return the rules, in file order */
  public List<Rule> rules() {
    return rules;
  }

  /** @return the names of the predicates the pack defines */
  public Set<String> predicateNames() {
    return predicates.keySet();
  }

  Map<String, Condition> predicates() {
    return predicates;
  }

  @Override
  public String toString() {
    return name + " (" + rules.size() + " rules)";
  }
}
