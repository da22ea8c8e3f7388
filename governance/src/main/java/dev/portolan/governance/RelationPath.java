package dev.portolan.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A path through the governance graph, written in a small language:
 *
 * <ul>
 *   <li>relation names joined by {@code /}: {@code usesModel/trainedOn};
 *   <li>{@code *} after a step for zero or more repetitions, {@code +} for one or more, {@code ?} for an
 *       optional step: {@code usesModel/derivedFrom*&#47;trainedOn};
 *   <li>{@code |} between alternatives, parentheses for grouping: {@code (trainedOn|evaluatedOn)};
 *   <li>{@code ^rel} to follow a relation backwards ({@code ^usesModel} is {@code modelUsedBy});
 *   <li>edge filters in brackets: {@code hasAccessTo[environment=production, permissions any {write,delete}]}
 *       with the operators {@code =}, {@code !=}, {@code has} (list contains; also {@code ∋}), {@code any
 *       {a,b}} (list intersects; also {@code ∩{a,b}≠∅}) and {@code in {a,b}} (value is one of).
 * </ul>
 *
 * <p>Closures are evaluated breadth-first with a visited set, so cycles terminate, and targets are visited in
 * ref order, so the witness path of every reached entity is a shortest one and stable between runs. {@link
 * #parse} and {@link #toString} round-trip.
 *
 * @param text the canonical text of the path
 */
public record RelationPath(String text) {

  /**
   * Validates and normalises a path text.
   *
   * @param text the path text
   */
  public RelationPath {
    Objects.requireNonNull(text, "text");
    text = PathExpr.format(new Parser(text).parse());
  }

  /**
   * Parses a path.
   *
   * @param text the path, e.g. {@code usesModel/derivedFrom*&#47;trainedOn | retrievesFrom}
   * @return the path
   * @throws GovernanceException naming the column of the first syntax error or unknown relation
   */
  public static RelationPath parse(String text) {
    return new RelationPath(text);
  }

  PathExpr expr() {
    return new Parser(text).parse();
  }

  @Override
  public String toString() {
    return text;
  }

  /** Recursive-descent parser of the path language. */
  static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    PathExpr parse() {
      skip();
      if (i >= s.length()) {
        throw error("a relation name");
      }
      PathExpr e = alt();
      skip();
      if (i < s.length()) {
        throw error("'/', '|' or the end of the path");
      }
      return e;
    }

    private PathExpr alt() {
      List<PathExpr> alts = new ArrayList<>();
      alts.add(seq());
      skip();
      while (peek('|')) {
        i++;
        alts.add(seq());
        skip();
      }
      return alts.size() == 1 ? alts.get(0) : new PathExpr.Alt(alts);
    }

    private PathExpr seq() {
      List<PathExpr> steps = new ArrayList<>();
      steps.add(unit());
      skip();
      while (peek('/')) {
        i++;
        steps.add(unit());
        skip();
      }
      return steps.size() == 1 ? steps.get(0) : new PathExpr.Seq(steps);
    }

    private PathExpr unit() {
      PathExpr atom = atom();
      if (peek('*')) {
        i++;
        return new PathExpr.Repeat(atom, 0);
      }
      if (peek('+')) {
        i++;
        return new PathExpr.Repeat(atom, 1);
      }
      if (peek('?')) {
        i++;
        return new PathExpr.Optional(atom);
      }
      return atom;
    }

    private PathExpr atom() {
      skip();
      if (peek('(')) {
        i++;
        PathExpr inner = alt();
        skip();
        expect(')');
        return new PathExpr.Group(inner);
      }
      boolean inverse = false;
      if (peek('^')) {
        inverse = true;
        i++;
        skip();
      }
      int start = i;
      String name = name();
      Relation r = Relation.byId(name).orElseThrow(() -> new GovernanceException(null, 0, 0, null, null,
          "path '" + s + "' column " + (start + 1) + ": expected a relation name (" + names() + "), found '" + name + "'"));
      if (inverse) {
        r = r.inverse();
      }
      List<PathExpr.Filter> filters = new ArrayList<>();
      if (peek('[')) {
        i++;
        do {
          skip();
          filters.add(filter());
          skip();
        } while (consume(','));
        expect(']');
      }
      return new PathExpr.Step(r, filters);
    }

    private PathExpr.Filter filter() {
      String attr = name();
      skip();
      PathExpr.Op op;
      if (consume("!=")) {
        op = PathExpr.Op.NOT_EQUALS;
      } else if (consume("=")) {
        op = PathExpr.Op.EQUALS;
      } else if (consume("∋") || consumeWord("has")) {
        op = PathExpr.Op.HAS;
      } else if (consume("∩") || consumeWord("any")) {
        op = PathExpr.Op.ANY;
      } else if (consumeWord("in")) {
        op = PathExpr.Op.IN;
      } else {
        throw error("an operator (=, !=, has, any, in)");
      }
      skip();
      Set<String> values = new TreeSet<>();
      if (op == PathExpr.Op.ANY || op == PathExpr.Op.IN) {
        expect('{');
        do {
          skip();
          values.add(value());
          skip();
        } while (consume(','));
        expect('}');
        skip();
        if (consume("≠∅") || consume("!={}")) {
          skip();
        }
      } else {
        values.add(value());
      }
      return new PathExpr.Filter(attr, op, values);
    }

    private String value() {
      int start = i;
      while (i < s.length() && "],}{ |/".indexOf(s.charAt(i)) < 0 && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (start == i) {
        throw error("a value");
      }
      return s.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private String name() {
      skip();
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) {
        i++;
      }
      if (start == i) {
        throw error("a name");
      }
      return s.substring(start, i);
    }

    private boolean consumeWord(String w) {
      if (s.startsWith(w, i) && (i + w.length() >= s.length() || !Character.isLetterOrDigit(s.charAt(i + w.length())))) {
        i += w.length();
        return true;
      }
      return false;
    }

    private boolean consume(String t) {
      if (s.startsWith(t, i)) {
        i += t.length();
        return true;
      }
      return false;
    }

    private boolean consume(char c) {
      skip();
      if (peek(c)) {
        i++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      skip();
      if (!peek(c)) {
        throw error("'" + c + "'");
      }
      i++;
    }

    private boolean peek(char c) {
      return i < s.length() && s.charAt(i) == c;
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private GovernanceException error(String expected) {
      String found = i >= s.length() ? "the end of the path" : "'" + s.charAt(i) + "'";
      return new GovernanceException(null, 0, 0, null, null,
          "path '" + s + "' column " + (i + 1) + ": expected " + expected + ", found " + found);
    }

    private static String names() {
      StringBuilder sb = new StringBuilder();
      for (Relation r : Relation.values()) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(r.id());
      }
      return sb.toString();
    }
  }
}
