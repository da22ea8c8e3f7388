package dev.portolan.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portolan.governance.internal.Fields;
import dev.portolan.governance.internal.YamlTrees;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles rule and predicate YAML into {@link Rule}s and {@link Condition}s, with located errors. */
final class RuleParser {

  private static final Set<String> RULE_KEYS = Set.of("id", "title", "severity", "waivable", "level", "tracks",
      "rationale", "references", "remediation", "message", "appliesTo", "when", "escalate", "require", "checks",
      "description");
  private static final Set<String> FIELD_OPS = Set.of("exists", "equals", "notEquals", "in", "notIn", "matches",
      "minItems", "min", "max", "contains", "containsAny", "notContainsAny", "withinDays", "future", "notAfter", "date");

  private final String file;
  private final YamlTrees.Document doc;
  private String ruleId;

  RuleParser(String file, YamlTrees.Document doc) {
    this.file = file;
    this.doc = doc;
  }

  GovernanceException error(String field, String problem) {
    int[] pos = doc == null ? new int[] {0, 0} : doc.position(field);
    return new GovernanceException(file, pos[0], pos[1], ruleId, field.isEmpty() ? null : field, problem);
  }

  // ---------------------------------------------------------------------------------------------------------

  Map<String, Condition> predicates(JsonNode node, String at) {
    Map<String, Condition> out = new LinkedHashMap<>();
    if (node == null || node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw error(at, "expected a map of predicate names to conditions, found " + Condition.describe(node));
    }
    node.fields().forEachRemaining(e -> out.put(e.getKey().replaceFirst("^@", ""), condition(e.getValue(), at + "." + e.getKey())));
    return out;
  }

  Rule rule(JsonNode r, String at) {
    ruleId = null;
    if (!r.isObject()) {
      throw error(at, "expected a rule object, found " + Condition.describe(r));
    }
    String id = requiredText(r, at, "id");
    ruleId = id;
    for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!RULE_KEYS.contains(k)) {
        throw error(at + "." + k, "expected one of " + new java.util.TreeSet<>(RULE_KEYS) + ", found '" + k + "'");
      }
    }
    String title = requiredText(r, at, "title");
    Severity severity;
    try {
      severity = Severity.parse(requiredText(r, at, "severity"));
    } catch (GovernanceException e) {
      throw error(at + ".severity", e.getMessage());
    }
    Rule.Builder b = Rule.builder(id).title(title).severity(severity);
    JsonNode w = r.path("waivable");
    if (!w.isMissingNode()) {
      if (!w.isBoolean()) {
        throw error(at + ".waivable", "expected true or false, found " + Condition.describe(w));
      }
      b.waivable(w.booleanValue());
    }
    Fields.text(r.path("level")).ifPresent(b::level);
    Fields.texts(r.path("tracks")).forEach(b::track);
    Fields.texts(r.path("references")).forEach(b::reference);
    Fields.text(r.path("remediation")).ifPresent(b::remediation);
    Fields.text(r.path("rationale")).ifPresent(b::rationale);

    JsonNode applies = r.path("appliesTo");
    Scope scope = Scope.ALL;
    Condition where = null;
    if (!applies.isMissingNode()) {
      String ap = at + ".appliesTo";
      if (!applies.isObject()) {
        throw error(ap, "expected a map with kinds, types, labels, filter or where, found " + Condition.describe(applies));
      }
      Map<String, String> labels = new LinkedHashMap<>();
      applies.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      scope = new Scope(new LinkedHashSet<>(Fields.texts(applies.path("kinds"))),
          new LinkedHashSet<>(Fields.texts(applies.path("types"))), labels);
      List<Condition> parts = new ArrayList<>();
      if (applies.has("filter")) {
        parts.add(filter(applies.path("filter"), ap + ".filter"));
      }
      if (applies.has("where")) {
        parts.add(condition(applies.path("where"), ap + ".where"));
      }
      where = parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new Condition.All(parts);
    }
    b.scope(scope);
    Condition when = r.has("when") ? condition(r.path("when"), at + ".when") : null;
    Severity escTo = null;
    Condition escWhen = null;
    if (r.has("escalate")) {
      JsonNode e = r.path("escalate");
      try {
        escTo = Severity.parse(requiredText(e, at + ".escalate", "severity"));
      } catch (GovernanceException ex) {
        throw error(at + ".escalate.severity", ex.getMessage());
      }
      escWhen = condition(e.path("when"), at + ".escalate.when");
    }
    List<DataRuleCheck.Check> checks = new ArrayList<>();
    if (r.has("require")) {
      checks.add(new DataRuleCheck.Check("", condition(r.path("require"), at + ".require"), null));
    }
    if (r.has("checks")) {
      JsonNode cs = r.path("checks");
      if (!cs.isArray() || cs.size() == 0) {
        throw error(at + ".checks", "expected a non-empty list of {name, require, message}, found " + Condition.describe(cs));
      }
      for (int i = 0; i < cs.size(); i++) {
        String cp = at + ".checks[" + i + "]";
        String name = requiredText(cs.get(i), cp, "name");
        checks.add(new DataRuleCheck.Check(name, condition(cs.get(i).path("require"), cp + ".require"),
            Fields.text(cs.get(i).path("message")).orElse(null)));
      }
    }
    if (checks.isEmpty()) {
      throw error(at, "expected 'require' or 'checks', found neither");
    }
    String message = Fields.text(r.path("message")).orElse(null);
    b.check(new DataRuleCheck(title, where, when, escTo, escWhen, checks, message));
    Rule rule = b.build();
    ruleId = null;
    return rule;
  }

  private String requiredText(JsonNode n, String at, String key) {
    return Fields.text(n.path(key)).filter(s -> !s.isBlank())
        .orElseThrow(() -> error(at.isEmpty() ? key : at + "." + key, "expected a non-empty string, found " + Condition.describe(n.path(key))));
  }

  // ---------------------------------------------------------------------------------------------------------

  Condition filter(JsonNode node, String at) {
    if (node.isArray()) {
      List<Condition> any = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        any.add(filter(node.get(i), at + "[" + i + "]"));
      }
      return new Condition.Any(any);
    }
    String text = Fields.text(node).orElseThrow(() -> error(at, "expected a filter such as 'kind=component,spec.lifecycle=production', found " + Condition.describe(node)));
    return parseFilter(text, at);
  }

  Condition parseFilter(String text, String at) {
    List<Condition> all = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int ne = p.indexOf("!=");
      int eq = p.indexOf('=');
      if (ne > 0) {
        all.add(field(p.substring(0, ne).trim(), Condition.FieldOp.NOT_IN, values(p.substring(ne + 2))));
      } else if (eq > 0) {
        all.add(field(p.substring(0, eq).trim(), Condition.FieldOp.IN, values(p.substring(eq + 1))));
      } else if (eq == 0 || ne == 0) {
        throw error(at, "expected key=value, key!=value or key, found '" + p + "'");
      } else {
        all.add(new Condition.Field(p, Condition.FieldOp.EXISTS, JsonNodeFactory.instance.booleanNode(true), List.of(), null, null, 0));
      }
    }
    if (all.isEmpty()) {
      throw error(at, "expected at least one key=value, found an empty filter");
    }
    return all.size() == 1 ? all.get(0) : new Condition.All(all);
  }

  private static List<String> values(String s) {
    List<String> out = new ArrayList<>();
    for (String v : s.split("\\|")) {
      out.add(v.trim().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static Condition field(String path, Condition.FieldOp op, List<String> values) {
    return new Condition.Field(path, op, null, values, null, null, 0);
  }

  Condition condition(JsonNode n, String at) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      throw error(at, "expected a condition, found nothing");
    }
    if (n.isTextual()) {
      String t = n.textValue().trim();
      if (t.startsWith("@")) {
        return new Condition.Predicate(t.substring(1));
      }
      return parseFilter(t, at);
    }
    if (n.isArray()) {
      List<Condition> all = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        all.add(condition(n.get(i), at + "[" + i + "]"));
      }
      return new Condition.All(all);
    }
    if (!n.isObject()) {
      throw error(at, "expected a condition map, found " + Condition.describe(n));
    }
    if (n.has("all") || n.has("any")) {
      String key = n.has("all") ? "all" : "any";
      JsonNode items = n.path(key);
      if (!items.isArray() || items.size() == 0) {
        throw error(at + "." + key, "expected a non-empty list of conditions, found " + Condition.describe(items));
      }
      List<Condition> cs = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        cs.add(condition(items.get(i), at + "." + key + "[" + i + "]"));
      }
      return key.equals("all") ? new Condition.All(cs) : new Condition.Any(cs);
    }
    if (n.has("not")) {
      return new Condition.Not(condition(n.path("not"), at + ".not"), n.path("not").toString());
    }
    if (n.has("predicate")) {
      String name = Fields.text(n.path("predicate")).orElseThrow(() -> error(at + ".predicate", "expected a predicate name"));
      return new Condition.Predicate(name.replaceFirst("^@", ""));
    }
    if (n.has("label")) {
      String key = Fields.text(n.path("label")).orElseThrow(() -> error(at + ".label", "expected a label key"));
      List<String> vals = new ArrayList<>();
      Fields.texts(n.has("equals") ? n.path("equals") : n.path("in")).forEach(v -> vals.add(v.toLowerCase(Locale.ROOT)));
      return new Condition.Label(key, vals);
    }
    if (n.has("field")) {
      return fieldCondition(n, at);
    }
    if (n.has("path")) {
      return pathCondition(n, at);
    }
    if (n.has("ref")) {
      String f = Fields.text(n.path("ref")).orElseThrow(() -> error(at + ".ref", "expected a field path"));
      Set<String> kinds = lower(n.path("kinds"));
      Set<String> types = lower(n.path("types"));
      Condition where = n.has("where") ? condition(n.path("where"), at + ".where") : null;
      boolean required = n.path("required").asBoolean(true);
      String dk = Fields.text(n.path("defaultKind")).map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
      return new Condition.Ref(f, dk, kinds, types, where, required);
    }
    if (n.has("each") || n.has("anyItem")) {
      String key = n.has("each") ? "each" : "anyItem";
      String f = Fields.text(n.path(key)).orElseThrow(() -> error(at + "." + key, "expected a field path"));
      Condition where = n.has("where") ? condition(n.path("where"), at + ".where") : null;
      Condition req = condition(n.path("require"), at + ".require");
      return new Condition.Each(f, where, req, n.path("minItems").asInt(0), key.equals("anyItem"));
    }
    if (n.has("type") && n.size() == 1) {
      return new Condition.TypeIs(lower(n.path("type")));
    }
    if (n.has("acyclic")) {
      String rel = Fields.text(n.path("acyclic")).orElse("");
      return new Condition.Acyclic(Relation.byId(rel).orElseThrow(() -> error(at + ".acyclic", "expected a relation name, found '" + rel + "'")));
    }
    if (n.has("evidence")) {
      JsonNode e = n.path("evidence");
      String type = requiredText(e, at + ".evidence", "type");
      Set<String> statuses = e.has("status") ? lower(e.path("status")) : Set.of("approved");
      return new Condition.Evidence(type.toLowerCase(Locale.ROOT), statuses, e.path("maxAgeDays").asLong(0),
          lower(e.path("onEntityOrAncestor")), e.path("coversRevision").asBoolean(false));
    }
    if (n.has("notBelow")) {
      JsonNode e = n.path("notBelow");
      String f = requiredText(e, at + ".notBelow", "field");
      RelationPath p = path(e.path("path"), at + ".notBelow.path");
      List<String> order = new ArrayList<>();
      Fields.texts(e.path("order")).forEach(v -> order.add(v.toLowerCase(Locale.ROOT)));
      if (order.isEmpty()) {
        throw error(at + ".notBelow.order", "expected a list of values from lowest to highest, found nothing");
      }
      return new Condition.NotBelow(f, p, p.expr(), order);
    }
    throw error(at, "expected a condition with one of all, any, not, predicate, label, type, field, path, ref, each, anyItem, acyclic, evidence, notBelow; found keys " + keys(n));
  }

  private static String keys(JsonNode n) {
    List<String> k = new ArrayList<>();
    n.fieldNames().forEachRemaining(k::add);
    return k.toString();
  }

  private RelationPath path(JsonNode n, String at) {
    String text = Fields.text(n).orElseThrow(() -> error(at, "expected a relation path, found " + Condition.describe(n)));
    try {
      return RelationPath.parse(text);
    } catch (GovernanceException e) {
      throw error(at, e.getMessage());
    }
  }

  private Condition pathCondition(JsonNode n, String at) {
    RelationPath p = path(n.path("path"), at + ".path");
    Condition.Quantifier q;
    Condition target = null;
    if (n.has("every")) {
      q = Condition.Quantifier.EVERY;
      target = condition(n.path("every"), at + ".every");
    } else if (n.has("some")) {
      q = Condition.Quantifier.SOME;
      target = condition(n.path("some"), at + ".some");
    } else if (n.has("none")) {
      q = Condition.Quantifier.NONE;
      target = condition(n.path("none"), at + ".none");
    } else {
      q = n.path("exists").asBoolean(true) ? Condition.Quantifier.EXISTS : Condition.Quantifier.ABSENT;
      if (n.has("target")) {
        target = condition(n.path("target"), at + ".target");
      }
    }
    String unresolved = Fields.text(n.path("unresolved")).orElse(q == Condition.Quantifier.EVERY || q == Condition.Quantifier.NONE ? "fail" : "ignore");
    if (!unresolved.equals("fail") && !unresolved.equals("ignore")) {
      throw error(at + ".unresolved", "expected 'fail' or 'ignore', found '" + unresolved + "'");
    }
    return new Condition.Path(p, p.expr(), q, target, unresolved.equals("fail"), n.path("min").asInt(0));
  }

  private Condition fieldCondition(JsonNode n, String at) {
    String f = Fields.text(n.path("field")).orElseThrow(() -> error(at + ".field", "expected a field path"));
    List<Condition> cs = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      String kp = at + "." + k;
      if (k.equals("field")) {
        continue;
      }
      if (!FIELD_OPS.contains(k)) {
        throw error(kp, "expected a field operator " + new java.util.TreeSet<>(FIELD_OPS) + ", found '" + k + "'");
      }
      List<String> vals = new ArrayList<>();
      Fields.texts(v).forEach(s -> vals.add(s.toLowerCase(Locale.ROOT)));
      switch (k) {
        case "exists":
          cs.add(new Condition.Field(f, Condition.FieldOp.EXISTS, v, List.of(), null, null, 0));
          break;
        case "equals":
          cs.add(new Condition.Field(f, Condition.FieldOp.EQUALS, v, vals, null, null, 0));
          break;
        case "notEquals":
          cs.add(new Condition.Field(f, Condition.FieldOp.NOT_EQUALS, v, vals, null, null, 0));
          break;
        case "in":
          cs.add(new Condition.Field(f, Condition.FieldOp.IN, v, vals, null, null, 0));
          break;
        case "notIn":
          cs.add(new Condition.Field(f, Condition.FieldOp.NOT_IN, v, vals, null, null, 0));
          break;
        case "contains":
          cs.add(new Condition.Field(f, Condition.FieldOp.CONTAINS, v, vals, null, null, 0));
          break;
        case "containsAny":
          cs.add(new Condition.Field(f, Condition.FieldOp.CONTAINS_ANY, v, vals, null, null, 0));
          break;
        case "notContainsAny":
          cs.add(new Condition.Field(f, Condition.FieldOp.NOT_CONTAINS_ANY, v, vals, null, null, 0));
          break;
        case "matches":
          try {
            cs.add(new Condition.Field(f, Condition.FieldOp.MATCHES, v, List.of(), Pattern.compile(v.asText()), null, 0));
          } catch (PatternSyntaxException ex) {
            throw error(kp, "expected a regular expression, found '" + v.asText() + "' (" + ex.getDescription() + ")");
          }
          break;
        case "minItems":
          cs.add(new Condition.Field(f, Condition.FieldOp.MIN_ITEMS, v, List.of(), null, null, number(v, kp)));
          break;
        case "min":
          number(v, kp);
          cs.add(new Condition.Field(f, Condition.FieldOp.MIN, v, List.of(), null, null, 0));
          break;
        case "max":
          number(v, kp);
          cs.add(new Condition.Field(f, Condition.FieldOp.MAX, v, List.of(), null, null, 0));
          break;
        case "withinDays":
          cs.add(new Condition.Field(f, Condition.FieldOp.WITHIN_DAYS, v, List.of(), null, null, number(v, kp)));
          break;
        case "future":
          cs.add(new Condition.Field(f, Condition.FieldOp.FUTURE, v, List.of(), null, null, 0));
          break;
        case "date":
          cs.add(new Condition.Field(f, Condition.FieldOp.DATE, v, List.of(), null, null, 0));
          break;
        case "notAfter": {
          String other = requiredText(v, kp, "field");
          cs.add(new Condition.Field(f, Condition.FieldOp.NOT_AFTER_FIELD, v, List.of(), null, other, number(v.path("plusDays"), kp + ".plusDays")));
          break;
        }
        default:
          throw error(kp, "unsupported operator " + k);
      }
    }
    if (cs.isEmpty()) {
      cs.add(new Condition.Field(f, Condition.FieldOp.EXISTS, JsonNodeFactory.instance.booleanNode(true), List.of(), null, null, 0));
    }
    return cs.size() == 1 ? cs.get(0) : new Condition.All(cs);
  }

  private long number(JsonNode v, String at) {
    if (!v.isNumber()) {
      throw error(at, "expected a number, found " + Condition.describe(v));
    }
    return v.asLong();
  }

  private static Set<String> lower(JsonNode n) {
    Set<String> out = new LinkedHashSet<>();
    Fields.texts(n).forEach(s -> out.add(s.toLowerCase(Locale.ROOT)));
    return out;
  }
}
