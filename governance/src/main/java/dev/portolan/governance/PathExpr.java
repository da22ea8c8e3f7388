package dev.portolan.governance;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The syntax tree of a {@link RelationPath}. */
sealed interface PathExpr {

  /** Edge filter operators. */
  enum Op {
    EQUALS("="),
    NOT_EQUALS("!="),
    HAS(" has "),
    ANY(" any "),
    IN(" in ");

    final String text;

    Op(String text) {
      this.text = text;
    }
  }

  /** One edge filter. */
  record Filter(String attribute, Op op, Set<String> values) {
    public Filter {
      values = Set.copyOf(new java.util.TreeSet<>(values));
    }

    String format() {
      if (op == Op.ANY || op == Op.IN) {
        return attribute + op.text + "{" + values.stream().sorted().collect(Collectors.joining(",")) + "}";
      }
      return attribute + op.text + values.iterator().next();
    }
  }

  /** One relation step. */
  record Step(Relation relation, List<Filter> filters) implements PathExpr {
    public Step {
      filters = List.copyOf(filters);
    }
  }

  /** Steps in sequence. */
  record Seq(List<PathExpr> steps) implements PathExpr {
    public Seq {
      steps = List.copyOf(steps);
    }
  }

  /** Alternatives. */
  record Alt(List<PathExpr> alternatives) implements PathExpr {
    public Alt {
      alternatives = List.copyOf(alternatives);
    }
  }

  /** A repeated expression: {@code min} 0 for {@code *}, 1 for {@code +}. */
  record Repeat(PathExpr inner, int min) implements PathExpr {}

  /** An optional expression ({@code ?}). */
  record Optional(PathExpr inner) implements PathExpr {}

  /** A parenthesised expression. */
  record Group(PathExpr inner) implements PathExpr {}

  static String format(PathExpr e) {
    if (e instanceof Step) {
      Step s = (Step) e;
      String f = s.filters().isEmpty() ? "" : s.filters().stream().map(Filter::format).collect(Collectors.joining(", ", "[", "]"));
      return s.relation().id() + f;
    }
    if (e instanceof Seq) {
      return ((Seq) e).steps().stream().map(PathExpr::format).collect(Collectors.joining("/"));
    }
    if (e instanceof Alt) {
      return ((Alt) e).alternatives().stream().map(PathExpr::format).collect(Collectors.joining(" | "));
    }
    if (e instanceof Repeat) {
      Repeat r = (Repeat) e;
      return format(r.inner()) + (r.min() == 0 ? "*" : "+");
    }
    if (e instanceof Optional) {
      return format(((Optional) e).inner()) + "?";
    }
    return "(" + format(((Group) e).inner()) + ")";
  }
}
