package dev.portolan.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link RuleCheck} of a rule written as data. */
final class DataRuleCheck implements RuleCheck {

  /** One named sub-check. */
  record Check(String name, Condition require, String message) {}

  private final String title;
  private final Condition where;
  private final Condition when;
  private final Severity escalateTo;
  private final Condition escalateWhen;
  private final List<Check> checks;
  private final String message;

  DataRuleCheck(String title, Condition where, Condition when, Severity escalateTo, Condition escalateWhen,
      List<Check> checks, String message) {
    this.title = title;
    this.where = where;
    this.when = when;
    this.escalateTo = escalateTo;
    this.escalateWhen = escalateWhen;
    this.checks = List.copyOf(checks);
    this.message = message;
  }

  java.util.Set<String> predicatesUsed() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Condition c : java.util.Arrays.asList(where, when, escalateWhen)) {
      out.addAll(predicatesIn(c));
    }
    for (Check c : checks) {
      out.addAll(predicatesIn(c.require()));
    }
    return out;
  }

  static java.util.Set<String> predicatesIn(Condition c) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    collect(c, out);
    return out;
  }

  private static void collect(Condition c, java.util.Set<String> out) {
    if (c == null) {
      return;
    }
    if (c instanceof Condition.Predicate) {
      out.add(((Condition.Predicate) c).name());
    } else if (c instanceof Condition.All) {
      ((Condition.All) c).items().forEach(i -> collect(i, out));
    } else if (c instanceof Condition.Any) {
      ((Condition.Any) c).items().forEach(i -> collect(i, out));
    } else if (c instanceof Condition.Not) {
      collect(((Condition.Not) c).inner(), out);
    } else if (c instanceof Condition.Path) {
      collect(((Condition.Path) c).target(), out);
    } else if (c instanceof Condition.Ref) {
      collect(((Condition.Ref) c).where(), out);
    } else if (c instanceof Condition.Each) {
      collect(((Condition.Each) c).where(), out);
      collect(((Condition.Each) c).require(), out);
    }
  }

  @Override
  public CheckOutcome check(Asset asset, RuleContext context) {
    EvalContext ctx = context.internal();
    PathEvaluator.Trail start = PathEvaluator.Trail.start(asset.ref());
    if (where != null && !where.test(ctx, asset, asset.tree(), start).ok()) {
      return CheckOutcome.notApplicable();
    }
    Condition.Result applies = null;
    if (when != null) {
      applies = when.test(ctx, asset, asset.tree(), start);
      if (!applies.ok()) {
        return CheckOutcome.notApplicable();
      }
    }
    List<Violation> out = new ArrayList<>();
    Optional<Severity> severity = Optional.empty();
    for (Check c : checks) {
      Condition.Result r = c.require().test(ctx, asset, asset.tree(), start);
      if (r.ok()) {
        continue;
      }
      if (severity.isEmpty() && escalateWhen != null && escalateWhen.test(ctx, asset, asset.tree(), start).ok()) {
        severity = Optional.of(escalateTo);
      }
      PathEvaluator.Trail trail = r.trail != null && r.trail.length > 0 ? r.trail
          : applies != null && applies.trail != null ? applies.trail : start;
      String target = r.target != null ? r.target : applies != null && applies.target != null ? applies.target : "";
      String template = c.message() != null ? c.message() : message;
      String text = render(template, asset, c.name(), r.detail(), trail, target);
      String field = r.field != null ? r.field : applies != null ? applies.field : null;
      out.add(new Violation(c.name(), text, trail.toList(), severity, r.status == Condition.Status.ERROR,
          Optional.ofNullable(field)));
    }
    return out.isEmpty() ? CheckOutcome.pass() : CheckOutcome.fail(out);
  }

  private String render(String template, Asset asset, String check, String detail, PathEvaluator.Trail trail, String target) {
    if (template == null) {
      return (check.isEmpty() ? title : title + " [" + check + "]") + ": " + detail;
    }
    List<String> path = trail.toList();
    return template.replace("{{entity}}", asset.ref())
        .replace("{{title}}", title)
        .replace("{{check}}", check)
        .replace("{{detail}}", detail)
        .replace("{{target}}", target)
        .replace("{{path}}", String.join(" → ", path));
  }
}
