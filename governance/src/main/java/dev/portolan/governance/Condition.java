package dev.portolan.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.governance.internal.Fields;
import dev.portolan.governance.internal.Refs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A compiled rule condition: tests an entity (or one item inside it) and explains a failure. */
interface Condition {

  /** Outcome of a test. */
  enum Status { PASS, FAIL, ERROR }

  /** A test outcome with its explanation and witness trail. */
  final class Result {
    final Status status;
    private Object detail;
    final PathEvaluator.Trail trail;
    final String target;
    /** The field of the tested entity the outcome is about (dotted, with indexes), or null. */
    final String field;

    Result(Status status, String detail, PathEvaluator.Trail trail) {
      this(status, detail, trail, null);
    }

    Result(Status status, Object detail, PathEvaluator.Trail trail, String target) {
      this(status, detail, trail, target, null);
    }

    Result(Status status, Object detail, PathEvaluator.Trail trail, String target, String field) {
      this.status = status;
      this.detail = detail;
      this.trail = trail;
      this.target = target;
      this.field = field;
    }

    /** The same outcome about a field; a pass, or an outcome already about a field, is returned as is. */
    Result about(String f) {
      return ok() || field != null || f == null || f.isEmpty() ? this : new Result(status, detail, trail, target, f);
    }

    /** The explanation, built on first use: most failures are discarded by {@code any}, {@code not} or scopes. */
    @SuppressWarnings("unchecked")
    String detail() {
      Object d = detail;
      if (d instanceof java.util.function.Supplier) {
        d = ((java.util.function.Supplier<String>) d).get();
        detail = d;
      }
      return (String) d;
    }

    boolean ok() {
      return status == Status.PASS;
    }

    static Result pass(PathEvaluator.Trail t) {
      return new Result(Status.PASS, "", t);
    }

    static Result fail(String detail, PathEvaluator.Trail t) {
      return new Result(Status.FAIL, detail, t);
    }

    static Result fail(java.util.function.Supplier<String> detail, PathEvaluator.Trail t) {
      return new Result(Status.FAIL, detail, t, null);
    }
  }

  Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at);

  // ---------------------------------------------------------------------------------------------------------
  // Combinators

  record All(List<Condition> items) implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      Result last = Result.pass(at);
      for (Condition c : items) {
        Result r = c.test(ctx, asset, node, at);
        if (!r.ok()) {
          return r;
        }
        if (r.trail != null && (last.trail == null || r.trail.length > last.trail.length)) {
          last = r;
        }
      }
      return last;
    }
  }

  record Any(List<Condition> items) implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      Result first = null;
      Result informative = null;
      boolean error = false;
      for (Condition c : items) {
        Result r = c.test(ctx, asset, node, at);
        if (r.ok()) {
          return r;
        }
        error |= r.status == Status.ERROR;
        if (first == null) {
          first = r;
        }
        if (!(c instanceof Not)) {
          informative = r;
        }
      }
      if (first == null) {
        return Result.fail("no alternative given", at);
      }
      Result pick = informative != null ? informative : first;
      return new Result(error ? Status.ERROR : Status.FAIL, pick.detail(), pick.trail, pick.target, pick.field);
    }
  }

  record Not(Condition inner, String description) implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      Result r = inner.test(ctx, asset, node, at);
      if (r.status == Status.ERROR) {
        return r;
      }
      if (r.ok()) {
        return new Result(Status.FAIL, "expected not " + description, r.trail != null ? r.trail : at, r.target);
      }
      return Result.pass(at);
    }
  }

  record Predicate(String name) implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      Result r = ctx.predicate(name, asset);
      PathEvaluator.Trail t = r.trail == null ? at : at.append(r.trail);
      String detail = r.ok() ? "" : "expected @" + name + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")");
      return new Result(r.status, detail, t, r.target, r.field);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Field conditions

  enum FieldOp {
    EXISTS, EQUALS, NOT_EQUALS, IN, NOT_IN, MATCHES, MIN_ITEMS, MIN, MAX, CONTAINS, CONTAINS_ANY,
    NOT_CONTAINS_ANY, WITHIN_DAYS, FUTURE, NOT_AFTER_FIELD, DATE
  }

  record Field(String path, FieldOp op, JsonNode arg, List<String> values, Pattern pattern, String otherField,
      long number, Fields.Compiled compiled) implements Condition {

    Field(String path, FieldOp op, JsonNode arg, List<String> values, Pattern pattern, String otherField, long number) {
      this(path, op, arg, values, pattern, otherField, number, Fields.compile(path));
    }

    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      return check(node, at, ctx).about(path);
    }

    private Result check(JsonNode node, PathEvaluator.Trail at, EvalContext ctx) {
      JsonNode v = path.isEmpty() ? node : Fields.at(node, compiled);
      String label = path.isEmpty() ? "value" : path;
      boolean present = Fields.present(v);
      switch (op) {
        case EXISTS: {
          boolean want = arg.asBoolean(true);
          if (present == want) {
            return Result.pass(at);
          }
          return Result.fail(() -> want ? label + ": expected a value, found " + describe(v) : label + ": expected no value, found " + describe(v), at);
        }
        case EQUALS:
        case IN: {
          String t = Fields.text(v).map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
          if (t != null && values.contains(t)) {
            return Result.pass(at);
          }
          return Result.fail(() -> label + ": expected " + oneOf(values) + ", found " + describe(v), at);
        }
        case NOT_EQUALS:
        case NOT_IN: {
          String t = Fields.text(v).map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
          if (t == null || !values.contains(t)) {
            return Result.pass(at);
          }
          return Result.fail(() -> label + ": expected anything but " + oneOf(values) + ", found " + describe(v), at);
        }
        case MATCHES: {
          String t = Fields.text(v).orElse(null);
          if (t != null && pattern.matcher(t).find()) {
            return Result.pass(at);
          }
          return Result.fail(() -> label + ": expected a value matching /" + pattern.pattern() + "/, found " + describe(v), at);
        }
        case MIN_ITEMS: {
          int n = v.isArray() ? v.size() : (present ? 1 : 0);
          if (n >= number) {
            return Result.pass(at);
          }
          return Result.fail(() -> label + ": expected at least " + number + " item" + (number == 1 ? "" : "s") + ", found " + n, at);
        }
        case MIN:
        case MAX: {
          Double d = number(v);
          if (d == null) {
            return Result.fail(() -> label + ": expected a number " + (op == FieldOp.MIN ? "≥ " : "≤ ") + arg.asText() + ", found " + describe(v), at);
          }
          boolean ok = op == FieldOp.MIN ? d >= arg.asDouble() : d <= arg.asDouble();
          return ok ? Result.pass(at) : Result.fail(() -> label + ": expected a number " + (op == FieldOp.MIN ? "≥ " : "≤ ") + arg.asText() + ", found " + describe(v), at);
        }
        case CONTAINS:
        case CONTAINS_ANY:
        case NOT_CONTAINS_ANY: {
          List<String> have = new ArrayList<>();
          for (String s : Fields.texts(v)) {
            have.add(s.toLowerCase(Locale.ROOT));
          }
          boolean ok;
          if (op == FieldOp.CONTAINS) {
            ok = have.containsAll(values);
          } else if (op == FieldOp.CONTAINS_ANY) {
            ok = have.stream().anyMatch(values::contains);
          } else {
            ok = have.stream().noneMatch(values::contains);
          }
          if (ok) {
            return Result.pass(at);
          }
          String want = op == FieldOp.CONTAINS ? "to contain all of " : op == FieldOp.CONTAINS_ANY ? "to contain one of " : "to contain none of ";
          return Result.fail(() -> label + ": expected " + want + values + ", found " + describe(v), at);
        }
        case DATE: {
          LocalDate d = date(v);
          return d != null ? Result.pass(at) : Result.fail(() -> label + ": expected an ISO-8601 date, found " + describe(v), at);
        }
        case WITHIN_DAYS: {
          LocalDate d = date(v);
          if (d == null) {
            return Result.fail(() -> label + ": expected an ISO-8601 date within " + number + " days before " + ctx.asOf + ", found " + describe(v), at);
          }
          if (!d.isBefore(ctx.asOf.minusDays(number))) {
            return Result.pass(at);
          }
          return Result.fail(() -> label + ": expected a date within " + number + " days before " + ctx.asOf + ", found " + d, at);
        }
        case FUTURE: {
          LocalDate d = date(v);
          if (d != null && d.isAfter(ctx.asOf)) {
            return Result.pass(at);
          }
          return Result.fail(() -> label + ": expected a date after " + ctx.asOf + ", found " + (d == null ? describe(v) : d.toString()), at);
        }
        case NOT_AFTER_FIELD: {
          LocalDate d = date(v);
          LocalDate base = date(Fields.at(node, otherField));
          if (d == null || base == null) {
            return Result.fail(() -> label + ": expected an ISO-8601 date no later than " + otherField + " + " + number + " days, found "
                + describe(d == null ? v : Fields.at(node, otherField)) + (d == null ? "" : " in " + otherField), at);
          }
          LocalDate limit = base.plusDays(number);
          if (!d.isAfter(limit)) {
            return Result.pass(at);
          }
          return Result.fail(() -> label + ": expected a date no later than " + limit + " (" + otherField + " + " + number + " days), found " + d, at);
        }
        default:
          throw new IllegalStateException(op.name());
      }
    }

    private static Double number(JsonNode v) {
      if (v.isNumber()) {
        return v.doubleValue();
      }
      if (v.isTextual()) {
        try {
          return Double.parseDouble(v.textValue().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }
  }

  /** Labels by key or by the last segment of a prefixed key ({@code environment} matches {@code gov.example.com/environment}). */
  record Label(String key, List<String> values) implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      JsonNode labels = asset.tree().path("metadata").path("labels");
      List<String> found = new ArrayList<>();
      labels.fields().forEachRemaining(e -> {
        String k = e.getKey();
        if (k.equalsIgnoreCase(key) || k.toLowerCase(Locale.ROOT).endsWith("/" + key.toLowerCase(Locale.ROOT))) {
          found.add(e.getValue().asText());
        }
      });
      for (String f : found) {
        if (values.isEmpty() || values.contains(f.toLowerCase(Locale.ROOT))) {
          return Result.pass(at);
        }
      }
      return Result.fail(() -> "metadata.labels.*/" + key + ": expected " + (values.isEmpty() ? "a value" : oneOf(values)) + ", found " + (found.isEmpty() ? "nothing" : String.join(", ", found)), at).about("metadata.labels");
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Graph conditions

  enum Quantifier { EXISTS, ABSENT, SOME, EVERY, NONE }

  record Path(RelationPath path, PathExpr expr, Quantifier quantifier, Condition target, boolean unresolvedFails,
      int min) implements Condition {

    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      Map<String, PathEvaluator.Trail> reached = ctx.reach(asset.ref(), path.text(), expr);
      PathEvaluator.Trail unresolved = null;
      String unresolvedRef = null;
      int matching = 0;
      Result firstMatch = null;
      Result firstMiss = null;
      String firstMissRef = null;
      for (Map.Entry<String, PathEvaluator.Trail> e : reached.entrySet()) {
        if (e.getKey().equals(asset.ref())) {
          continue;
        }
        PathEvaluator.Trail trail = at.append(e.getValue());
        Asset t = ctx.catalog.find(e.getKey());
        if (t == null) {
          if (unresolved == null) {
            unresolved = trail;
            unresolvedRef = e.getKey();
          }
          if (target == null && quantifier != Quantifier.EVERY) {
            matching++;
            if (firstMatch == null) {
              firstMatch = new Result(Status.PASS, "", trail, e.getKey());
            }
          }
          continue;
        }
        Result r = target == null ? Result.pass(trail) : target.test(ctx, t, t.tree(), trail);
        if (r.ok()) {
          matching++;
          if (firstMatch == null) {
            firstMatch = new Result(Status.PASS, "", r.trail != null ? r.trail : trail, t.ref());
          }
        } else if (firstMiss == null) {
          firstMiss = r.trail == null ? new Result(r.status, r.detail(), trail) : r;
          firstMissRef = t.ref();
        }
      }
      String what = "'" + path.text() + "'";
      switch (quantifier) {
        case EXISTS:
        case SOME:
          if (matching >= Math.max(1, min)) {
            return firstMatch;
          }
          if (unresolved != null) {
            return new Result(Status.ERROR, unresolvedRef + " is not in the catalog, so " + what + " cannot be checked", unresolved, unresolvedRef);
          }
          if (firstMiss != null) {
            return new Result(Status.FAIL, firstMissRef + ": " + firstMiss.detail(), firstMiss.trail, firstMissRef);
          }
          return Result.fail("expected an entity reached by " + what + (target == null ? "" : " matching the target condition") + ", found none", at);
        case ABSENT:
        case NONE:
          if (firstMatch != null) {
            return new Result(Status.FAIL, "reaches " + firstMatch.target + " by " + what, firstMatch.trail, firstMatch.target);
          }
          if (unresolved != null && unresolvedFails) {
            return new Result(Status.ERROR, unresolvedRef + " is not in the catalog, so " + what + " cannot be checked", unresolved, unresolvedRef);
          }
          return Result.pass(at);
        case EVERY:
        default:
          if (unresolved != null && unresolvedFails) {
            return new Result(Status.FAIL, unresolvedRef + " is not in the catalog", unresolved, unresolvedRef);
          }
          if (firstMiss != null) {
            return new Result(firstMiss.status, firstMissRef + ": " + firstMiss.detail(), firstMiss.trail, firstMissRef);
          }
          if (min > 0 && matching < min) {
            return Result.fail("expected at least " + min + " entit" + (min == 1 ? "y" : "ies") + " reached by " + what + ", found " + matching, at);
          }
          return firstMatch != null ? firstMatch : Result.pass(at);
      }
    }
  }

  /** A reference field must resolve to an entity of the given kinds/types satisfying a condition. */
  record Ref(String field, String defaultKind, Set<String> kinds, Set<String> types, Condition where, boolean required)
      implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      return check(ctx, asset, node, at).about(field);
    }

    private Result check(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      JsonNode v = Fields.at(node, field);
      List<String> raws = Fields.texts(v);
      if (raws.isEmpty()) {
        return required ? Result.fail(field + ": expected an entity ref, found " + describe(v), at) : Result.pass(at);
      }
      String ns = asset.ref().substring(asset.ref().indexOf(':') + 1, asset.ref().indexOf('/'));
      Result last = Result.pass(at);
      for (String raw : raws) {
        String ref = Refs.canonical(raw, defaultKind, ns).orElse(null);
        if (ref == null) {
          return Result.fail(field + ": expected an entity ref" + (defaultKind == null ? " with a kind" : "") + ", found '" + raw + "'", at);
        }
        Asset t = ctx.catalog.get(ref).orElse(null);
        Relation rel = relationFor(field);
        PathEvaluator.Trail trail = rel == null ? at : at.then(rel, ref);
        if (t == null) {
          return new Result(Status.FAIL, field + ": expected an entity in the catalog, found " + ref + " which is not registered", trail, ref);
        }
        if (!kinds.isEmpty() && !kinds.contains(t.kindLower())) {
          return new Result(Status.FAIL, field + ": expected a " + String.join(" or ", kinds) + ", found " + t.kind() + " " + ref, trail, ref);
        }
        if (!types.isEmpty() && !types.contains(t.assetType().label()) && !types.contains(t.specTypeLower())) {
          return new Result(Status.FAIL, field + ": expected an entity of type " + String.join(" or ", types) + ", found " + ref + " of type " + t.specType().orElse("none"), trail, ref);
        }
        if (where != null) {
          Result r = where.test(ctx, t, t.tree(), trail);
          if (!r.ok()) {
            return new Result(r.status, ref + ": " + r.detail(), r.trail, ref, field);
          }
        }
        last = new Result(Status.PASS, "", trail, ref);
      }
      return last;
    }

    private static Relation relationFor(String field) {
      String f = field.toLowerCase(Locale.ROOT);
      if (f.endsWith("owner")) {
        return Relation.OWNED_BY;
      }
      if (f.endsWith("system")) {
        return Relation.PART_OF;
      }
      return null;
    }
  }

  /** Every (or every matching) item of a list satisfies a condition; items are the subject of nested field paths. */
  record Each(String field, Condition where, Condition require, int minItems, boolean any) implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      JsonNode list = Fields.at(node, field);
      int i = 0;
      int matched = 0;
      if (any) {
        Result first = null;
        if (list.isArray()) {
          for (JsonNode item : list) {
            String label = field + "[" + i++ + "]";
            if (where != null && !where.test(ctx, asset, item, at).ok()) {
              continue;
            }
            Result r = require.test(ctx, asset, item, at);
            if (r.ok()) {
              return r;
            }
            if (first == null) {
              first = new Result(r.status, label + "." + r.detail(), r.trail, r.target, within(label, r));
            }
          }
        }
        return first != null ? new Result(first.status, "expected some item of " + field + " to match, found none (" + first.detail() + ")", first.trail, first.target, field)
            : Result.fail(field + ": expected at least one matching item, found " + (list.isArray() ? "none" : describe(list)), at).about(field);
      }
      if (list.isArray()) {
        for (JsonNode item : list) {
          String label = field + "[" + i++ + "]";
          if (where != null && !where.test(ctx, asset, item, at).ok()) {
            continue;
          }
          matched++;
          Result r = require.test(ctx, asset, item, at);
          if (!r.ok()) {
            return new Result(r.status, label + "." + r.detail(), r.trail, r.target, within(label, r));
          }
        }
      }
      if (matched < minItems) {
        return Result.fail(field + ": expected at least " + minItems + " matching item" + (minItems == 1 ? "" : "s") + ", found " + matched, at).about(field);
      }
      return Result.pass(at);
    }

    private static String within(String item, Result r) {
      return r.field == null ? item : item + "." + r.field;
    }
  }

  /** The entity's asset type (or {@code spec.type}) is one of a set. */
  record TypeIs(Set<String> types) implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      if (types.contains(asset.assetType().label()) || types.contains(asset.specTypeLower())) {
        return Result.pass(at);
      }
      return Result.fail("expected an entity of type " + String.join(" or ", types) + ", found " + asset.kind() + " of type "
          + asset.specType().orElse("none"), at);
    }
  }

  /** The entity is not on a cycle of a relation. */
  record Acyclic(Relation relation) implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      PathExpr expr = new PathExpr.Repeat(new PathExpr.Step(relation, List.of()), 1);
      Map<String, PathEvaluator.Trail> reached = ctx.reach(asset.ref(), relation.id() + "+", expr);
      PathEvaluator.Trail back = reached.get(asset.ref());
      if (back == null) {
        return Result.pass(at);
      }
      return new Result(Status.FAIL, relation.id() + ": expected no cycle, found one back to " + asset.ref(), at.append(back), asset.ref());
    }
  }

  /** Evidence in {@code spec.governance.assessments} of the entity or its containers. */
  record Evidence(String type, Set<String> statuses, long maxAgeDays, Set<String> ancestorKinds, boolean revision)
      implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      List<Asset> holders = new ArrayList<>();
      holders.add(asset);
      if (!ancestorKinds.isEmpty()) {
        Map<String, PathEvaluator.Trail> ups = ctx.reach(asset.ref(), "partOf+", PARTS);
        for (String ref : ups.keySet()) {
          ctx.catalog.get(ref).filter(a -> ancestorKinds.contains(a.kind().toLowerCase(Locale.ROOT))).ifPresent(holders::add);
        }
      }
      String best = null;
      for (Asset h : holders) {
        JsonNode list = h.tree().path("spec").path("governance").path("assessments");
        if (!list.isArray()) {
          continue;
        }
        for (JsonNode a : list) {
          if (!Fields.text(a.path("type")).map(t -> t.equalsIgnoreCase(type)).orElse(false)) {
            continue;
          }
          String status = Fields.text(a.path("status")).orElse("none").toLowerCase(Locale.ROOT);
          if (!statuses.contains(status)) {
            best = best == null ? "the " + type + " assessment on " + h.ref() + " has status " + status : best;
            continue;
          }
          LocalDate date = date(a.path("date"));
          if (date == null) {
            best = "the " + type + " assessment on " + h.ref() + " has no valid date";
            continue;
          }
          if (maxAgeDays > 0 && date.isBefore(ctx.asOf.minusDays(maxAgeDays))) {
            best = "the " + type + " assessment on " + h.ref() + " is dated " + date + ", more than " + maxAgeDays + " days before " + ctx.asOf;
            continue;
          }
          if (date.isAfter(ctx.asOf)) {
            best = "the " + type + " assessment on " + h.ref() + " is dated " + date + ", after " + ctx.asOf;
            continue;
          }
          LocalDate expires = date(a.path("expires"));
          if (Fields.present(a.path("expires")) && (expires == null || !expires.isAfter(ctx.asOf))) {
            best = "the " + type + " assessment on " + h.ref() + " expired on " + Fields.text(a.path("expires")).orElse("?");
            continue;
          }
          if (revision && Fields.present(a.path("coversRevision"))) {
            String want = revisionOf(h);
            String got = Fields.text(a.path("coversRevision")).orElse("");
            if (!want.equalsIgnoreCase(got)) {
              best = "the " + type + " assessment on " + h.ref() + " covers revision " + got + " but the entity is now at " + want;
              continue;
            }
          }
          return Result.pass(at);
        }
      }
      String where = ancestorKinds.isEmpty() ? "" : " or its " + String.join("/", ancestorKinds);
      String wanted = "expected an " + String.join("/", statuses) + " " + type + " assessment"
          + (maxAgeDays > 0 ? " dated within " + maxAgeDays + " days before " + ctx.asOf : "") + where;
      return Result.fail(wanted + ", found " + (best == null ? "none" : best), at).about("spec.governance.assessments");
    }

    private static final PathExpr PARTS = new PathExpr.Repeat(new PathExpr.Step(Relation.PART_OF, List.of()), 1);
  }

  /** The entity's rank of a field is not below the rank of the same field at entities reached by a path. */
  record NotBelow(String field, RelationPath path, PathExpr expr, List<String> order) implements Condition {
    @Override
    public Result test(EvalContext ctx, Asset asset, JsonNode node, PathEvaluator.Trail at) {
      int mine = rank(Fields.text(Fields.at(asset.tree(), field)).orElse(null));
      for (Map.Entry<String, PathEvaluator.Trail> e : ctx.reach(asset.ref(), path.text(), expr).entrySet()) {
        if (e.getKey().equals(asset.ref())) {
          continue;
        }
        Asset t = ctx.catalog.find(e.getKey());
        if (t == null) {
          continue;
        }
        String theirs = Fields.text(Fields.at(t.tree(), field)).orElse(null);
        if (rank(theirs) > mine) {
          return new Result(Status.FAIL, field + ": expected at least '" + theirs + "' (the value at " + t.ref() + "), found "
              + Fields.text(Fields.at(asset.tree(), field)).map(s -> "'" + s + "'").orElse("nothing"), at.append(e.getValue()), t.ref(), field);
        }
      }
      return Result.pass(at);
    }

    private int rank(String v) {
      return v == null ? -1 : order.indexOf(v.toLowerCase(Locale.ROOT));
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  static LocalDate date(JsonNode v) {
    String t = Fields.text(v).orElse(null);
    if (t == null || t.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(t.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String describe(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isContainerNode()) {
      String s = v.toString();
      return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
    String t = Fields.text(v).orElse("");
    if (t.isBlank()) {
      return "an empty value";
    }
    return "'" + (t.length() > 80 ? t.substring(0, 77) + "..." : t) + "'";
  }

  static String oneOf(List<String> values) {
    return values.size() == 1 ? "'" + values.get(0) + "'" : "one of " + values;
  }

  /**
   * The revision of an agent: a SHA-256 over its model, tools, hand-offs and grants, so an assessment can
   * say which configuration it covered.
   */
  static String revisionOf(Asset a) {
    JsonNode spec = a.tree().path("spec");
    StringBuilder sb = new StringBuilder();
    for (String f : List.of("model", "models", "tools", "handoffs", "accessGrants", "retrievesFrom")) {
      sb.append(f).append('=').append(spec.path(f).toString()).append('\n');
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(h).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
